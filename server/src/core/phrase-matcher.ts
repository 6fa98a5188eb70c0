/**
 * Whole-word phrase matching over prose. Phrases are literal (never user regular expressions), so a
 * term from a config file cannot make matching catastrophic.
 */

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
      return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** A word of the text, as the matcher compares it. */
interface Token {
  start: number;
  end: number;
  /** Normalised (typography), as written. */
  exact: string;
  /** Normalised and lower-cased. */
  lower: string;
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  item?: T;
}

// Words, with the hyphens and apostrophes that join their parts ("anti-western", "regime's").
const TOKEN = /[\p{L}\p{N}_]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}_]+)*/gu;
// A phrase the word trie can hold: words separated by single spaces.
const TRIE_PHRASE = /^[\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}_]+)*(?: [\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}_]+)*)*$/u;
const POSSESSIVE = /['\u2019]s$/;

let lastText: string | undefined;
let lastTokens: Token[] = [];

/** The words of a text; remembered for the last text, since every matcher reads the same paragraph. */
function tokensOf(text: string): Token[] {
  if (text === lastText) return lastTokens;
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const exact = normaliseWord(match[0]);
    tokens.push({ start: match.index, end: match.index + match[0].length, exact, lower: exact.toLowerCase() });
  }
  lastText = text;
  lastTokens = tokens;
  return tokens;
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
  }

  /** All matches, sorted by start offset. Overlapping matches from the two case modes are both kept. */
  find(text: string): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    const tokens = tokensOf(text);
    walk(text, tokens, this.insensitive, 'lower', found);
    walk(text, tokens, this.sensitive, 'exact', found);
    this.collect(text, this.fallbackInsensitive, (matched) => this.byKey.get(normalisePhrase(matched).toLowerCase()), found);
    this.collect(text, this.fallbackSensitive, (matched) => this.byExactKey.get(normalisePhrase(matched)), found);
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private collect(text: string, pattern: RegExp | undefined, lookup: (matched: string) => T | undefined, out: Array<PhraseMatch<T>>): void {
    if (!pattern) return;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const item = lookup(match[0]);
      if (item !== undefined) out.push({ start: match.index, end: match.index + match[0].length, text: match[0], item });
    }
  }
}

function insert<T>(root: TrieNode<T>, words: string[], item: T): void {
  let node = root;
  for (const word of words) {
    let next = node.children.get(word);
    if (!next) {
      next = { children: new Map() };
      node.children.set(word, next);
    }
    node = next;
  }
  node.item = item;
}

/** Longest phrase at each word, left to right; a possessive ("regime's") matches its stem as a last word. */
function walk<T>(text: string, tokens: Token[], root: TrieNode<T>, key: 'lower' | 'exact', out: Array<PhraseMatch<T>>): void {
  if (root.children.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    let node: TrieNode<T> | undefined = root;
    let best: { end: number; last: number; item: T } | undefined;
    for (let j = i; j < tokens.length && node; j++) {
      if (j > i && !/^\s+$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      const word = tokens[j][key];
      if (POSSESSIVE.test(word)) {
        const stem = node.children.get(word.slice(0, -2));
        if (stem?.item !== undefined) best = { end: tokens[j].end - 2, last: j, item: stem.item };
      }
      node = node.children.get(word);
      if (node?.item !== undefined) best = { end: tokens[j].end, last: j, item: node.item };
    }
    if (best) {
      out.push({ start: tokens[i].start, end: best.end, text: text.slice(tokens[i].start, best.end), item: best.item });
      i = best.last;
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
