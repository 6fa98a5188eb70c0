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

/** Finds every listed phrase in a text, longest first at each position, left to right. */
export class PhraseMatcher<T> {
  private readonly insensitive: RegExp | undefined;
  private readonly sensitive: RegExp | undefined;
  private readonly byKey = new Map<string, T>();
  private readonly byExactKey = new Map<string, T>();

  constructor(groups: Array<PhraseGroup<T>>) {
    const loose: string[] = [];
    const exact: string[] = [];
    for (const group of groups) {
      for (const phrase of group.phrases) {
        const key = normalisePhrase(phrase);
        if (key === '') continue;
        if (group.caseSensitive) {
          if (!this.byExactKey.has(key)) exact.push(key);
          this.byExactKey.set(key, group.item);
        } else {
          const lower = key.toLowerCase();
          if (!this.byKey.has(lower)) loose.push(lower);
          this.byKey.set(lower, group.item);
        }
      }
    }
    this.insensitive = compile(loose, 'giu');
    this.sensitive = compile(exact, 'gu');
  }

  /** All matches, sorted by start offset. Overlapping matches from the two case modes are both kept. */
  find(text: string): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    this.collect(text, this.insensitive, (matched) => this.byKey.get(normalisePhrase(matched).toLowerCase()), found);
    this.collect(text, this.sensitive, (matched) => this.byExactKey.get(normalisePhrase(matched)), found);
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
