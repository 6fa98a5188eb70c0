/**
 * Whole-word phrase matching over prose. Phrases are literal (never user regular expressions), so a
 * term from a config file cannot make matching catastrophic.
 */

import { lowerCase } from './letters';
import { escapeRegExp } from './patterns';

/** A phrase found in a text, with what it stands for. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  text: string;
  item: T;
}

/** Phrases that stand for one item (a lexicon entry, a vocabulary word). */
export interface PhraseGroup<T> {
  phrases: string[];
  item: T;
  caseSensitive?: boolean;
}

// A match may not start or end inside a word; a hyphen glues words ("anti-regime" is not "regime").
const BEFORE = "(?<![\\p{L}\\p{N}_\\-\\u2010\\u2011])";
const AFTER = "(?![\\p{L}\\p{N}_]|[\\-\\u2010\\u2011][\\p{L}\\p{N}])";

/** Normalises a phrase or matched text so that typography does not change its identity. */
export function normalisePhrase(text: string): string {
  return text.replace(/[\u2019\u2018]/g, "'").replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim();
}

function phrasePattern(phrase: string): string {
  return normalisePhrase(phrase)
    .split('')
    .map((char) => {
      if (char === ' ') return '\\s+';
      if (char === "'") return "['\\u2019]";
      if (char === '-') return '[\\-\\u2010\\u2011]';
      return escapeRegExp(char);
    })
    .join('');
}

/**
 * The words of a text as the matcher compares them, in parallel arrays (one entry per word) so the
 * trie walk's inner loop reads plain arrays: it runs about fifteen times over every word of a draft.
 */
interface WordList {
  /** How many words the text has: the columns below may be longer (they are reused, see `wordsOf`). */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** The word's id (see wordId), normalised (typography) as written and lower-cased; 0 for a word in no phrase. */
  exact: Int32Array;
  lower: Int32Array;
  /** 1 where only white space separates the word from the one before (a phrase may continue across). */
  followsSpace: Uint8Array;
  /** For a possessive ("regime's"), the stem's id as written and lower-cased (a phrase may end on it); else 0. */
  stemExact: Int32Array;
  stemLower: Int32Array;
}

/** An empty word list with room for `size` words. */
function wordColumns(size: number): WordList {
  const column = (): Int32Array => new Int32Array(size);
  return { count: 0, starts: column(), ends: column(), exact: column(), lower: column(), followsSpace: new Uint8Array(size), stemExact: column(), stemLower: column() };
}

/** Doubles a word list's room, keeping the words it holds. */
function grow(words: WordList): void {
  const bigger = wordColumns(words.starts.length * 2);
  bigger.starts.set(words.starts);
  bigger.ends.set(words.ends);
  bigger.exact.set(words.exact);
  bigger.lower.set(words.lower);
  bigger.followsSpace.set(words.followsSpace);
  bigger.stemExact.set(words.stemExact);
  bigger.stemLower.set(words.stemLower);
  Object.assign(words, { ...bigger, count: words.count });
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>>;
  item?: T;
}

// A word is a run of letters, digits and underscores, and hyphens and apostrophes join runs into one
// ("anti-western", "regime's"): /[\p{L}\p{N}_]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}_]+)*/u, read by
// hand below because the regular expression cost a twelfth of the whole lint.
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0));
const JOINERS = new Set([0x2d, 0x2010, 0x2011, 0x27, 0x2019]);

/** UTF-16 length of the word character at `index` (2 for an astral letter), or 0 if there is none. */
function wordCharacterAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD[code];
  if (Number.isNaN(code)) return 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(index)!;
    return point > 0xffff && WORD_CHARACTER.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return WORD_CHARACTER.test(text[index]) ? 1 : 0;
}

/** Calls `found` with the start and end of every word of a text, in order. */
export function forEachWord(text: string, found: (start: number, end: number) => void): void {
  let index = 0;
  while (index < text.length) {
    if (wordCharacterAt(text, index) === 0) {
      index++;
      continue;
    }
    const start = index;
    index = wordEnd(text, index);
    found(start, index);
  }
}

/**
 * Set by {@link wordEnd}: whether the word it read is joined by a curly apostrophe or a Unicode hyphen, the
 * only characters `normaliseWord` changes (they occur in a word only as joiners), so most words skip it.
 */
let lastWordTypographic = false;

/** The end of the word that starts at `start` (a word character must be there); see {@link lastWordTypographic}. */
function wordEnd(text: string, start: number): number {
  let index = start;
  let step = wordCharacterAt(text, index);
  lastWordTypographic = false;
  for (;;) {
    while (step > 0) {
      index += step;
      step = wordCharacterAt(text, index);
    }
    const joiner = text.charCodeAt(index);
    if (!JOINERS.has(joiner)) break;
    step = wordCharacterAt(text, index + 1);
    if (step === 0) break;
    if (joiner > 0x7f) lastWordTypographic = true;
    index++;
  }
  return index;
}
// A phrase the word trie can hold: words separated by single spaces.
const TRIE_PHRASE = /^[\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}_]+)*(?: [\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}_]+)*)*$/u;

// Every matcher reads the same paragraph, and some a sentence of it in between: the words of the
// last few texts are remembered.
const WORD_CACHE_SIZE = 4;
const recentWords: Array<{ text: string; words: WordList; knownWords: number }> = [];

/** Whether the gap between two words is white space only (one plain space, most often), read by code: it runs on every word. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let index = from; index < to; index++) if (!isWhiteSpace(text.charCodeAt(index))) return false;
  return true;
}

/** Whether a UTF-16 code is white space as a regular expression's `\s` reads it (white space and line terminators). */
function isWhiteSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The words of a text, with what the trie walk needs to know about each. The lists live in the cache of
 * recent texts, and the one that drops out is refilled for the next text: its columns are reused rather
 * than allocated again for every paragraph. Only `find` reads a list, at once, so none is read after reuse.
 * (The scan is `forEachWord`'s, written out: this is the engine's hottest loop, and a callback per word cost time.)
 */
function wordsOf(text: string): WordList {
  for (const recent of recentWords) if (recent.text === text && recent.knownWords === WORD_IDS.size) return recent.words;
  const words = recentWords.length >= WORD_CACHE_SIZE ? recentWords.pop()!.words : wordColumns(256);
  let count = 0;
  let previousEnd = -1;
  let index = 0;
  while (index < text.length) {
    if (wordCharacterAt(text, index) === 0) {
      index++;
      continue;
    }
    const start = index;
    index = wordEnd(text, start);
    const written = text.slice(start, index);
    const exact = lastWordTypographic ? normaliseWord(written) : written;
    const lower = lowerCase(exact);
    const exactId = WORD_IDS.get(exact) ?? 0;
    if (count === words.starts.length) grow(words);
    words.starts[count] = start;
    words.ends[count] = index;
    words.exact[count] = exactId;
    words.lower[count] = lower === exact ? exactId : (WORD_IDS.get(lower) ?? 0);
    words.followsSpace[count] = previousEnd >= 0 && onlySpaceBetween(text, previousEnd, start) ? 1 : 0;
    const possessive = isPossessive(exact);
    words.stemExact[count] = possessive ? (WORD_IDS.get(exact.slice(0, -2)) ?? 0) : 0;
    words.stemLower[count] = possessive ? (WORD_IDS.get(lower.slice(0, -2)) ?? 0) : 0;
    previousEnd = index;
    count++;
  }
  words.count = count;
  recentWords.unshift({ text, words, knownWords: WORD_IDS.size });
  return words;
}

/**
 * Every word of every phrase any matcher holds gets a number; the words of a text are looked up once,
 * and each matcher's trie walk then compares numbers and skips at once the words no phrase contains.
 * Ids are never reused, so a text's words read before a new matcher was built are read again
 * (`knownWords` in the cache) rather than missing that matcher's words.
 */
const WORD_IDS = new Map<string, number>();
function wordId(word: string): number {
  let id = WORD_IDS.get(word);
  if (id === undefined) {
    id = WORD_IDS.size + 1;
    WORD_IDS.set(word, id);
  }
  return id;
}

/** Whether a (normalised) word ends in "'s", without a regular expression: it runs on every word. */
function isPossessive(word: string): boolean {
  const length = word.length;
  return length > 2 && word.charCodeAt(length - 1) === 0x73 && word.charCodeAt(length - 2) === 0x27;
}

function normaliseWord(word: string): string {
  return word.replace(/\u2019/g, "'").replace(/[\u2010\u2011]/g, '-');
}

/**
 * Finds every listed phrase in a text, longest first at each position, left to right, without
 * overlaps. Phrases of plain words live in a word trie walked once over the text's words; the few
 * with other characters ("U.N.") fall back to a literal regular expression.
 */
export class PhraseMatcher<T> {
  private readonly insensitive: TrieNode<T> = { children: new Map() };
  private readonly sensitive: TrieNode<T> = { children: new Map() };
  private readonly fallbackInsensitive: RegExp | undefined;
  private readonly fallbackSensitive: RegExp | undefined;
  private readonly byKey = new Map<string, T>();
  private readonly byExactKey = new Map<string, T>();
  /** Word ids that begin some phrase of each trie (see `startingWords`). */
  private readonly insensitiveStarts: Uint8Array;
  private readonly sensitiveStarts: Uint8Array;

  constructor(groups: Array<PhraseGroup<T>>) {
    const loose: string[] = [];
    const exact: string[] = [];
    for (const group of groups) {
      for (const phrase of group.phrases) {
        const key = normalisePhrase(phrase);
        if (key === '') continue;
        const inTrie = TRIE_PHRASE.test(key);
        if (group.caseSensitive) {
          if (inTrie) insert(this.sensitive, key.split(' '), group.item);
          else if (!this.byExactKey.has(key)) exact.push(key);
          this.byExactKey.set(key, group.item);
        } else {
          const lower = key.toLowerCase();
          if (inTrie) insert(this.insensitive, lower.split(' '), group.item);
          else if (!this.byKey.has(lower)) loose.push(lower);
          this.byKey.set(lower, group.item);
        }
      }
    }
    this.fallbackInsensitive = compile(loose, 'giu');
    this.fallbackSensitive = compile(exact, 'gu');
    this.insensitiveStarts = startingWords(this.insensitive);
    this.sensitiveStarts = startingWords(this.sensitive);
  }

  /** All matches, sorted by start offset. Overlapping matches from the two case modes are both kept. */
  find(text: string): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    const words = wordsOf(text);
    walk(text, words.count, words.starts, words.ends, words.followsSpace, words.lower, words.stemLower, this.insensitive, this.insensitiveStarts, found);
    walk(text, words.count, words.starts, words.ends, words.followsSpace, words.exact, words.stemExact, this.sensitive, this.sensitiveStarts, found);
    if (this.fallbackInsensitive) this.collect(text, this.fallbackInsensitive, false, found);
    if (this.fallbackSensitive) this.collect(text, this.fallbackSensitive, true, found);
    // (Most texts hold no phrase or one: sorting, which copies the list, is asked only of longer ones.)
    return found.length > 1 ? found.sort((a, b) => a.start - b.start || b.end - a.end) : found;
  }

  private collect(text: string, pattern: RegExp, caseSensitive: boolean, out: Array<PhraseMatch<T>>): void {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const item = caseSensitive ? this.byExactKey.get(normalisePhrase(match[0])) : this.byKey.get(normalisePhrase(match[0]).toLowerCase());
      if (item !== undefined) out.push({ start: match.index, end: match.index + match[0].length, text: match[0], item });
    }
  }
}

function insert<T>(root: TrieNode<T>, words: string[], item: T): void {
  let node = root;
  for (const word of words) {
    const id = wordId(word);
    let next = node.children.get(id);
    if (!next) {
      next = { children: new Map() };
      node.children.set(id, next);
    }
    node = next;
  }
  node.item = item;
}

/**
 * A flag per word id, set for the ids a trie's phrases begin with: the walk below asks it of every word of
 * every text, once per trie, and indexing an array is cheaper than asking the root's map. The trie is complete
 * when this is built (phrases go in only in the constructor); ids made later, for other matchers, fall
 * beyond its end and read as no start.
 */
function startingWords<T>(root: TrieNode<T>): Uint8Array {
  const starts = new Uint8Array(WORD_IDS.size + 1);
  for (const id of root.children.keys()) starts[id] = 1;
  return starts;
}

/** Longest phrase at each word, left to right; a possessive ("regime's") matches its stem as a last word. */
function walk<T>(
  text: string,
  count: number,
  starts: Int32Array,
  ends: Int32Array,
  followsSpace: Uint8Array,
  keys: Int32Array,
  stems: Int32Array,
  root: TrieNode<T>,
  startsPhrase: Uint8Array,
  out: Array<PhraseMatch<T>>,
): void {
  if (root.children.size === 0) return;
  for (let i = 0; i < count; i++) {
    // Most words start no phrase, as written nor as a possessive's stem: settle them with two array reads.
    if (startsPhrase[keys[i]] !== 1 && startsPhrase[stems[i]] !== 1) continue;
    let bestEnd = -1;
    let bestLast = i;
    let bestItem: T | undefined;
    let node: TrieNode<T> | undefined = root;
    for (let j = i; j < count && node; j++) {
      if (j > i && !followsSpace[j]) break;
      const stem = stems[j];
      if (stem !== 0) {
        const stemNode = node.children.get(stem);
        if (stemNode?.item !== undefined) {
          bestEnd = ends[j] - 2;
          bestLast = j;
          bestItem = stemNode.item;
        }
      }
      node = node.children.get(keys[j]);
      if (node?.item !== undefined) {
        bestEnd = ends[j];
        bestLast = j;
        bestItem = node.item;
      }
    }
    if (bestItem !== undefined) {
      out.push({ start: starts[i], end: bestEnd, text: text.slice(starts[i], bestEnd), item: bestItem });
      i = bestLast;
    }
  }
}

function compile(phrases: string[], flags: string): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  // Longest first so that "pariah states" wins over "pariah state" at the same position.
  const alternation = [...phrases].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
  return new RegExp(`${BEFORE}(?:${alternation})${AFTER}`, flags);
}

/** A set of lower-case words and phrases, for membership tests on normalised text. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => normalisePhrase(word).toLowerCase()));
}
