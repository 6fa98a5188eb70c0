/**
 * Speech carried by a noun: "Clinton's claim that 90 percent of her e-mails were 'in the system'", "the
 * contention of Mayor Ruiz that ...", "Ruiz's call for a 'fair share' tax". The possessor is the speaker.
 * After "that" what follows is their reported speech; after "of", "for", "against" or "on" they source it,
 * but the wording of what the reporter describes is the reporter's (`wording: null`).
 */
import { key, sets } from '../vocabulary';
import type { SpeakerMention, Word } from './model';
import { FINITE_AUXILIARIES } from '../patterns';
import { classifySubject, looksLikeVerb, type SubjectContext } from './subjects';
import { COMMON_CAPITALISED, firstWordAt, isCapitalised } from './word-classes';
import { leadingTimeWords } from './time-words';

const POSSESSIVE = /(?:['\u2019]s|s['\u2019])$/u;
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
// What may stand between the possessor and the noun: "Podliska's most explosive claim", "Obama's lyrical rejection".
const NOT_MODIFIERS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'that', 'this', 'these', 'those', 'for', 'with', 'by', 'on']);
// After the noun, a preposition opens what the possessor is said to want, attack or describe.
const DESCRIBING = new Set(['of', 'for', 'against', 'on', 'about', 'to']);
const MAX_MODIFIERS = 2;
const MAX_NAME_AFTER_OF = 8;

/** The capitalised name that ends at `last` (its possessive included): "Hillary Clinton's". */
function nameEndingAt(text: string, words: readonly Word[], last: number): Word[] {
  let first = last;
  while (first > 0 && /^\s+$/u.test(text.slice(words[first - 1].end, words[first].start)) && ((isCapitalised(words[first - 1].text) && !COMMON_CAPITALISED.has(words[first - 1].lower)) || sets.titles.has(words[first - 1].lower))) first--;
  return words.slice(first, last + 1);
}

/** Where a described object ends: at a clause break, or where a verb starts ("… “revolution” draws thousands"). */
function descriptionEnd(text: string, words: readonly Word[], from: number, end: number): number {
  for (let index = from; index < words.length; index++) {
    const word = words[index];
    const gap = text.slice(words[index - 1].end, word.start);
    // (The comma of a number is none: "to build 4,000 homes".)
    const numberComma = gap === ',' && /\d$/u.test(words[index - 1].text) && /^\d{3}\b/u.test(word.text);
    if (!numberComma && /[,;:()\u2014\u2013]|\s-\s/u.test(gap)) return words[index - 1].end;
    if ((FINITE_AUXILIARIES as readonly string[]).includes(word.lower) || looksLikeVerb(word.lower) || (/["\u201d\u2019']\s*$/u.test(gap) && /^\p{Ll}+s$/u.test(word.text))) return words[index - 1].end;
  }
  return end;
}

const OPENERS = new Set(['but', 'and', 'yet', 'so', 'still']);

/**
 * The start of the sentence's own verb after a subject clause that opens at `from`: the last finite auxiliary, or
 * with none, the last of two or more past forms ("… the council cut 40 jobs drew scorn"); else `end`.
 */
function mainVerbStart(words: readonly Word[], from: number, end: number): number {
  for (let index = words.length - 1; index > from + 1; index--) if ((FINITE_AUXILIARIES as readonly string[]).includes(words[index].lower)) return words[index].start;
  const pastForms = words.slice(from + 2).filter((word) => word.lower !== 'to' && /^\p{Ll}/u.test(word.text) && looksLikeVerb(word.lower));
  return pastForms.length >= 2 ? pastForms[pastForms.length - 1].start : end;
}

/** Mentions for the speech nouns found in one sentence (`nouns`: their matches, in order). */
export function speechNounMentions(
  text: string,
  range: { start: number; end: number; words: Word[] },
  nouns: ReadonlyArray<{ start: number; end: number; text: string; item: 'noun' | 'plan' }>,
  context: SubjectContext,
  insideQuote: (offset: number) => boolean,
): SpeakerMention[] {
  const { words } = range;
  const found: SpeakerMention[] = [];
  for (const noun of nouns) {
    if (insideQuote(noun.start)) continue;
    const at = firstWordAt(words, noun.start);
    let after = firstWordAt(words, noun.end);
    if (at >= words.length || after >= words.length) continue;
    // The possessor, over a modifier or two: "Clinton's claim", "Podliska's most explosive claim".
    let before = at - 1;
    let modifiers = 0;
    while (before >= 0 && modifiers < MAX_MODIFIERS && /^\p{Ll}{3,}$/u.test(words[before].text) && !NOT_MODIFIERS.has(words[before].lower) && !POSSESSIVE_PRONOUNS.has(words[before].lower)) {
      before--;
      modifiers++;
    }
    let speaker: Word[] = [];
    const possessor = words[before];
    // (A title's possessive too: "The Florida senator's answer was that ...".)
    const titled = possessor !== undefined && POSSESSIVE.test(possessor.text) && sets.titles.has(possessor.lower.replace(/['\u2019]s?$/u, ''));
    if (possessor && POSSESSIVE.test(possessor.text) && ((isCapitalised(possessor.text) && !COMMON_CAPITALISED.has(possessor.lower.replace(/['\u2019]s?$/u, ''))) || titled)) {
      speaker = nameEndingAt(text, words, before);
    } else if (possessor && POSSESSIVE_PRONOUNS.has(possessor.lower)) {
      speaker = [possessor];
    } else if (words[at - 1]?.lower === 'the' && words[after]?.lower === 'of') {
      // "the contention of former secretary of state Hillary Clinton that ...": the name after "of", then "that".
      const that = words.slice(after + 1, after + 1 + MAX_NAME_AFTER_OF).findIndex((word) => word.lower === 'that');
      if (that < 0) continue;
      speaker = words.slice(after + 1, after + 1 + that);
      if (!speaker.some((word) => isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower))) continue;
      after = after + 1 + that;
    }
    if (speaker.length === 0) continue;
    // What follows: "that" (also "is that", "was that") opens speech; a preposition opens a description.
    // ("Berlin's pledge last month to add ...": over when.)
    const when = leadingTimeWords(words.slice(after));
    if (when > 0 && words[after + when]?.lower === 'to') after += when;
    let next = words[after];
    if ((next?.lower === 'is' || next?.lower === 'was') && words[after + 1]?.lower === 'that') next = words[after + 1];
    if (!next || (next.lower !== 'that' && !DESCRIBING.has(next.lower))) continue;
    // A plan's "that" is a relative pronoun: "their plan that exchanges ..." describes it in the reporter's words.
    if (noun.item === 'plan' && next.lower !== 'to' && next.lower !== 'for') continue;
    const pronoun = speaker.length === 1 && POSSESSIVE_PRONOUNS.has(speaker[0].lower);
    // (A possessive pronoun stands for a name before it in the sentence, or the last sentence's: "Ruiz touted her proposals".)
    const antecedent = (): boolean => context.previous?.named === true || words.slice(0, before).some((word) => isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower));
    const kind = pronoun ? (antecedent() ? 'pronoun' : 'none') : classifySubject(speaker, words[0]?.start ?? range.start, context);
    if (kind === 'none') continue;
    const last = speaker[speaker.length - 1];
    const possessiveLength = POSSESSIVE.exec(last.text)?.[0].length ?? 0;
    const speakerEnd = last.end - (POSSESSIVE_PRONOUNS.has(last.lower) ? 0 : possessiveLength === 2 && /s['\u2019]$/u.test(last.text) ? 1 : possessiveLength);
    // A description runs to the end of its noun phrase: "call for a “revolution”" of "... draws thousands".
    // A "that" clause after a noun that opens the sentence is its subject, and the sentence's own verb comes
    // last: "Ruiz's claim that 90 percent were “in the system” is her campaign's calculation".
    // (After an opener or an article: "But Ruiz's claim", "The mayor's claim".)
    const opensSentence = words.indexOf(speaker[0]) <= (OPENERS.has(words[0]?.lower ?? '') || words[0]?.lower === 'the' ? 1 : 0);
    const reportedEnd = next.lower !== 'that' ? descriptionEnd(text, words, after + 1, range.end) : opensSentence && words[after]?.lower === 'that' ? mainVerbStart(words, after + 1, range.end) : range.end;
    const mention: SpeakerMention = { verbStart: noun.start, verbEnd: noun.end, verb: key(noun.text), kind, speaker: [speaker[0].start, speakerEnd], reported: [next.start, reportedEnd], noun: true };
    if (next.lower !== 'that') mention.wording = null;
    found.push(mention);
  }
  return found;
}
