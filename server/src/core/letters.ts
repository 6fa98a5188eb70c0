/**
 * Letter-case tests the rules and the attribution model ask of single words, millions of times a
 * megabyte. Each pattern is compiled once here: the bundler writes a `\p{…}` literal inside a function as
 * `new RegExp(...)`, which would compile it again on every call.
 */
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const ALL_LOWER = /^\p{Ll}+$/u;
const LOWER_START_3 = /^\p{Ll}{3,}/u;
const ANY_LOWER = /\p{Ll}/u;
const ANY_UPPER = /\p{Lu}/u;
const ANY_LETTER = /\p{L}/u;

/** Whether the text begins with a capital letter. */
export const startsUpper = (text: string): boolean => UPPER_START.test(text);
/** Whether the text begins with a lower-case letter. */
export const startsLower = (text: string): boolean => LOWER_START.test(text);
/** Whether the text is lower-case letters only. */
export const allLower = (text: string): boolean => ALL_LOWER.test(text);
/** Whether the text begins with three lower-case letters. */
export const startsLower3 = (text: string): boolean => LOWER_START_3.test(text);
/** Whether the text holds a lower-case letter. */
export const hasLower = (text: string): boolean => ANY_LOWER.test(text);
/** Whether the text holds a capital letter. */
export const hasUpper = (text: string): boolean => ANY_UPPER.test(text);
/** Whether the text holds a letter. */
export const hasLetter = (text: string): boolean => ANY_LETTER.test(text);

/**
 * `word.toLowerCase()`, without the call for a word of lower-case ASCII (most words of English copy): a word
 * sliced from a paragraph with curly quotes is a two-byte string, for which V8 takes its slow Unicode path
 * even when nothing changes. Any capital or non-ASCII character goes to `toLowerCase` as before.
 */
export function lowerCase(word: string): string {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 0x41 && (code <= 0x5a || code >= 0x80)) return word.toLowerCase();
  }
  return word;
}
