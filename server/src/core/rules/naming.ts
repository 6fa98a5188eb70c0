/**
 * Quotation marks around names and titles are not scare quotes: "known as the “forgotten war”",
 * the film “Orange Is the New Black”, the “Grand Fatherland Liberation War”.
 */
import type { Quotation } from '../attribution';
import { normalisePhrase } from '../phrase-matcher';
import { vocabulary } from '../vocabulary';

const before = vocabulary.naming_words.before.map((phrase) => normalisePhrase(phrase).toLowerCase());
const after = vocabulary.naming_words.after.map((phrase) => normalisePhrase(phrase).toLowerCase());
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'is', 'by', 'with', 'from', 'as', 'but', 'nor']);

/** Whether the quotation marks hold a name or a title rather than someone's words. */
export function isNameOrTitle(text: string, quote: Quotation): boolean {
  const inner = text.slice(quote.innerStart, quote.innerEnd).trim().replace(/[,.!?;:]+$/, '');
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const titleCase = words.every((word, index) => /^[\p{Lu}\p{N}#@]/u.test(word) || (index > 0 && SMALL_WORDS.has(word.toLowerCase())));
  if (titleCase) return true;
  const lead = normalisePhrase(text.slice(Math.max(0, quote.start - 40), quote.start)).toLowerCase();
  if (before.some((phrase) => lead.endsWith(phrase) && !/\p{L}/u.test(lead.charAt(lead.length - phrase.length - 1)))) return true;
  const tail = normalisePhrase(text.slice(quote.end, quote.end + 40)).toLowerCase().replace(/^[,\s]+/, '');
  return after.some((phrase) => tail.startsWith(phrase));
}
