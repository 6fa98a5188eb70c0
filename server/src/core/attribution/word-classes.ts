/**
 * The word classes and word lookups the speaker finders share: capitalised words that name no one,
 * prepositions, the conjunctions that may open a sentence, and binary searches over a sentence's words.
 */
import { firstIndexNotBefore } from '../text-index';
import { startsUpper } from '../letters';
import type { Word } from './model';

/** Capitalised words that open sentences without naming anyone. */
export const COMMON_CAPITALISED = new Set(
  ('the a an this that these those but and so in on at for as if when while after before since although though ' +
    'meanwhile however yet still also it he she they we i its his her their our one two three there here then ' +
    'now today yesterday what which who why how where many some most few several all both each every no not ' +
    'even despite during over under about against among with without by from into until unless because once ' +
    'instead indeed later earlier last next only such other another more less than my your you us them him ' +
    'amid amidst following upon throughout beyond within toward towards via regarding concerning given unlike like')
    .split(' '),
);
/** Prepositions and conjunctions: they open a phrase or a clause rather than name a speaker. */
export const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'with', 'after', 'before', 'while', 'for', 'from', 'of', 'by', 'about', 'over', 'under', 'into', 'through', 'as', 'to', 'like', 'when', 'without', 'since', 'than', 'and', 'or', 'but', 'so', 'because', 'amid', 'amidst', 'despite', 'following', 'upon', 'throughout']);

/** Conjunctions and adverbs that may open a sentence before its subject (“But Tomas Vidal, ..., said”). */
export const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'still', 'meanwhile', 'however', 'now']);

/** Whether a word begins with a capital letter. */
export const isCapitalised = (word: string): boolean => startsUpper(word);

/** Words of a sentence between two offsets. */
export function wordsBetween(range: { words: Word[] }, from: number, to: number): Word[] {
  // Words are in order: two binary searches and a slice, not a pass over the sentence for each question.
  const words = range.words;
  return words.slice(firstWordAt(words, from), firstWordEndingAfter(words, to));
}

/** Index of the first word that starts at or after an offset. */
export function firstWordAt(words: readonly Word[], offset: number): number {
  return firstIndexNotBefore(words, (word) => word.start < offset);
}

/** Index of the first word that ends after an offset (the end of the words that end at or before it). */
export function firstWordEndingAfter(words: readonly Word[], offset: number): number {
  return firstIndexNotBefore(words, (word) => word.end <= offset);
}

const SMALL_TITLE_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'is', 'by', 'with', 'from', 'as', 'but', 'nor', 'may']);
/** Whether a stretch reads as a title: every word capitalised but the small ones ("The Virus May Make Him Stronger"). */
export function isTitleCase(stretch: string): boolean {
  const words = stretch.match(/[\p{L}][\p{L}'\u2019-]*/gu) ?? [];
  return words.length > 1 && words.every((word, index) => startsUpper(word) || (index > 0 && SMALL_TITLE_WORDS.has(word.toLowerCase())));
}
