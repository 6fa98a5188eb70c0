/**
 * Quotation marks around names and titles are not scare quotes: "known as the “forgotten war”",
 * the film “Orange Is the New Black”, the “Grand Fatherland Liberation War”.
 */
import type { Quotation } from './model';
import { normalisePhrase } from '../phrase-matcher';
import { vocabulary } from '../vocabulary';
import { hasLetter, startsUpper } from '../letters';

const before = vocabulary.naming_words.before.map((phrase) => normalisePhrase(phrase).toLowerCase());
const after = vocabulary.naming_words.after.map((phrase) => normalisePhrase(phrase).toLowerCase());
const kinds = new Set(vocabulary.naming_words.kinds);
/** The words of a quotation as these tests read them: what splitting at white space leaves, empty pieces dropped. */
const WORDS = /\S+/g;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'is', 'by', 'with', 'from', 'as', 'but', 'nor']);

/** Whether the quotation marks hold a name or a title rather than someone's words. */
export function isNameOrTitle(text: string, quote: Quotation): boolean {
  const inner = text.slice(quote.innerStart, quote.innerEnd).trim().replace(/[,.!?;:]+$/, '');
  if (!/\S/.test(inner)) return true;
  // Title case: every word capitalised or a number, or a small word after the first. Read word by word,
  // so a long quotation of speech stops at its first lower-case word.
  let index = 0;
  let titleCase = true;
  for (const [word] of inner.matchAll(WORDS)) {
    if (!(/^[\p{Lu}\p{N}#@]/u.test(word) || (index > 0 && SMALL_WORDS.has(word.toLowerCase())))) {
      titleCase = false;
      break;
    }
    index++;
  }
  if (titleCase) return true;
  // A quotation that opens with a capital inside a sentence is a name or a title ("O. couesi",
  // "Old 'Stache Porter"); scare quotes wrap common words ("regime", "experts").
  const opensSentence = opensASentence(text, quote.start);
  if (startsUpper(inner) && !opensSentence) return true;
  // A species with its genus abbreviated ("O. gorgasi", "S. decipiens"), even at the start of a sentence.
  if (/^\p{Lu}\.\s+\p{Ll}+$/u.test(inner)) return true;
  // A gloss or translation in parentheses: the blue whale ("Balaenoptera musculus").
  if (/\(\s*$/.test(text.slice(Math.max(0, quote.start - 3), quote.start))) return true;
  // The naming phrase may stand before an article: known as the “forgotten war”, called a “gap theory”.
  const lead = normalisePhrase(text.slice(Math.max(0, quote.start - 44), quote.start)).toLowerCase().trimEnd();
  const leads = [lead, lead.replace(/\s(?:the|a|an)$/u, '')];
  if (leads.some((head) => before.some((phrase) => endsWithWords(head, phrase)))) return true;
  const tail = normalisePhrase(text.slice(quote.end, quote.end + 40)).toLowerCase().replace(/^[,\s]+/, '');
  if (after.some((phrase) => tail.startsWith(phrase))) return true;
  // The “crowned bust” type: a quoted word that names a kind of thing.
  const nextWord = /^\s+([\p{L}-]+)/u.exec(text.slice(quote.end))?.[1]?.toLowerCase();
  if (nextWord && kinds.has(nextWord)) return true;
  // A gloss follows: "barbeiro" (the barber).
  return /^\s*\(/.test(text.slice(quote.end));
}

/**
 * Whether a quotation that opens with a capital inside a sentence reads as a sentence of speech rather than a
 * title: five words or more, two of them common lower-case words ("Smith said, “She told me a story.”").
 * Such a quotation is given to a speaker the model finds for it; with none, it is left alone as a possible
 * title, not flagged.
 */
export function readsAsSpeech(text: string, quote: { innerStart: number; innerEnd: number }): boolean {
  // Counted word by word, and settled as soon as both counts are reached (they only grow).
  let words = 0;
  let commonWords = 0;
  for (const [word] of text.slice(quote.innerStart, quote.innerEnd).matchAll(WORDS)) {
    words++;
    if (/^\p{Ll}/u.test(word) && !SMALL_WORDS.has(word.toLowerCase())) commonWords++;
    if (words >= 5 && commonWords >= 2) return true;
  }
  return false;
}

/** Whether `offset` starts a sentence: only spaces stand between it and the text's start or a full stop or colon. */
function opensASentence(text: string, offset: number): boolean {
  let index = offset - 1;
  while (index >= 0 && /\s/u.test(text[index])) index--;
  return index < 0 || '.!?:'.includes(text[index]);
}

/** Whether `text` ends with `phrase` as whole words. */
function endsWithWords(text: string, phrase: string): boolean {
  return text.endsWith(phrase) && !hasLetter(text.charAt(text.length - phrase.length - 1));
}

/** Whether a quotation stands in a list of quoted terms ("strange", "queer", "odd"): terms under discussion. */
export function inListOfQuotedTerms(text: string, quote: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, quote.start - 14), quote.start);
  const after = text.slice(quote.end, quote.end + 14);
  // An article may stand between them: the "Second Coming" and the "resurrection of the dead".
  return /["\u201d\u2019][\s,]*(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?$/.test(before) || /^[\s,]*(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?["\u201c\u2018]/.test(after);
}
