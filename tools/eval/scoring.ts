/**
 * Pure scoring functions of the evaluation harness: tallies, precision/recall/F1, a seeded bootstrap,
 * word tokens, quotation spans, word-level matching against annotated words, and a plain surface
 * matcher for the reference lines. Nothing here reads files or calls the engine, so all of it is
 * testable with tiny hand-labelled samples.
 */
import { escapeRegExp } from '../../server/src/core/patterns';

/** The part of an engine finding the harness needs (a subset of the engine's `Finding`). */
export interface SpanFinding {
  ruleId: string;
  /** 0-based UTF-16 offset of the flagged text. */
  offset: number;
  /** 0-based UTF-16 offset just past the flagged text. */
  endOffset: number;
  actual?: string;
}

/**
 * What one unit (a sentence) contributes to a row. Precision and recall get their own numerators
 * because at word level a biased word can be found by a flag that precision counts elsewhere (inside
 * quotes); at sentence level `correct === found`.
 */
export interface Tally {
  /** Predicted positives (flagged sentences or flagged words). */
  flagged: number;
  /** Flagged items that the annotators marked positive. */
  correct: number;
  /** Items the annotators marked positive. */
  positives: number;
  /** Positive items that were flagged. */
  found: number;
}

/** An empty tally. */
export const emptyTally = (): Tally => ({ flagged: 0, correct: 0, positives: 0, found: 0 });

/** Sum of tallies. */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const t of tallies) {
    total.flagged += t.flagged;
    total.correct += t.correct;
    total.positives += t.positives;
    total.found += t.found;
  }
  return total;
}

/** The tally of one sentence-level unit: predicted positive or not, labelled positive or not. */
export function sentenceTally(predicted: boolean, label: boolean): Tally {
  const hit = predicted && label ? 1 : 0;
  return { flagged: predicted ? 1 : 0, correct: hit, positives: label ? 1 : 0, found: hit };
}

/** Precision, recall and F1; null where the denominator is zero (undefined, not zero). */
export interface Scores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Precision = correct/flagged, recall = found/positives, F1 = their harmonic mean. */
export function scores(t: Tally): Scores {
  const precision = t.flagged > 0 ? t.correct / t.flagged : null;
  const recall = t.positives > 0 ? t.found / t.positives : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** mulberry32: a tiny seeded PRNG, so the bootstrap gives the same interval on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link bootstrapRatioCI}. */
export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Two-sided level; 0.05 gives a 95% interval. */
  alpha?: number;
}

/** The harness's fixed seed: every row uses it afresh, so a row's interval does not depend on row order. */
export const DEFAULT_SEED = 20250101;

/**
 * Percentile bootstrap interval of a ratio Σnum/Σden, resampling whole units with replacement.
 * Units are sentences even at word level, because words of one sentence are not independent.
 * Resamples whose denominator is zero are skipped; returns null when none is usable.
 */
export function bootstrapRatioCI(
  num: readonly number[],
  den: readonly number[],
  { resamples = 1000, seed = DEFAULT_SEED, alpha = 0.05 }: BootstrapOptions = {},
): [number, number] | null {
  const n = num.length;
  if (n === 0 || den.length !== n) return null;
  const random = mulberry32(seed);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sumNum = 0;
    let sumDen = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      sumNum += num[j];
      sumDen += den[j];
    }
    if (sumDen > 0) ratios.push(sumNum / sumDen);
  }
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  const at = (q: number): number => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))];
  return [at(alpha / 2), at(1 - alpha / 2)];
}

/** Bootstrap interval of precision over units. */
export function precisionCI(units: readonly Tally[], options?: BootstrapOptions): [number, number] | null {
  return bootstrapRatioCI(units.map((u) => u.correct), units.map((u) => u.flagged), options);
}

/** A word of a text, lower-cased, with its place. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters and digits, keeping inner hyphens and apostrophes, so "anti-police" and "Trump's" are one
// word each, as BABE's annotators wrote them; surrounding punctuation and quote marks fall away.
const WORD = /[\p{L}\p{N}]+(?:['\u2019\-][\p{L}\p{N}]+)*/gu;

/** Normalises a word for comparison: lower case, curly apostrophe as straight. */
export const normalizeWord = (word: string): string => word.toLowerCase().replace(/\u2019/g, "'");

/** The words of a text, with offsets. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ word: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Annotated biased words as a set of single words: multiword strings are split, punctuation stripped. */
export function biasedWordSet(biasedWords: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const entry of biasedWords) for (const token of wordTokens(entry)) words.add(token.word);
  return words;
}

/** A half-open span [start, end). */
export interface Span {
  start: number;
  end: number;
}

const OPENS_AFTER = /[\s([{\u2014\u2013\-/]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Spans of text inside quotation marks in one sentence: straight and curly double quotes and curly
 * single quotes. A straight quote opens after a space or the start and before a non-space; otherwise it
 * closes. A closing mark with nothing open quotes the sentence from its start (BABE sentences often
 * begin mid-quotation); a double quote left open runs to the end. A curly apostrophe between letters
 * (don’t) is not a quote, and an unclosed single opener is taken for an apostrophe (‘90s, ‘em).
 */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: Array<{ kind: 'double' | 'single'; start: number }> = [];
  const closeDouble = (i: number): void => {
    const at = stack.map((s) => s.kind).lastIndexOf('double');
    if (at < 0) spans.push({ start: 0, end: i + 1 });
    else {
      spans.push({ start: stack[at].start, end: i + 1 });
      stack.length = at; // singles left open inside were apostrophes
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    if (c === '\u201c') stack.push({ kind: 'double', start: i });
    else if (c === '\u201d') closeDouble(i);
    else if (c === '"') {
      const canOpen = (prev === undefined || OPENS_AFTER.test(prev)) && next !== undefined && !/\s/.test(next);
      if (canOpen) stack.push({ kind: 'double', start: i });
      else closeDouble(i);
    } else if (c === '\u2018') {
      if (!/\d/.test(next ?? '')) stack.push({ kind: 'single', start: i });
    } else if (c === '\u2019') {
      if (isWordChar(prev) && isWordChar(next)) continue; // don’t, Trump’s
      if (stack.length > 0 && stack[stack.length - 1].kind === 'single') {
        spans.push({ start: stack.pop()!.start, end: i + 1 });
      }
    }
  }
  const open = stack.find((s) => s.kind === 'double');
  if (open) spans.push({ start: open.start, end: text.length });
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether the span [start, end) lies inside one of the quote spans. */
export const insideAny = (spans: readonly Span[], start: number, end: number): boolean =>
  spans.some((s) => s.start <= start && end <= s.end);

/** Word-level tallies of one sentence: the main count (outside quotes) and the quoted words apart. */
export interface WordTallies {
  main: Tally;
  quoted: Tally;
}

/**
 * Word-level matching of one sentence. Flagged words are the sentence's words that overlap a finding
 * (the words of its `actual`); they are compared as lower-cased word types, deduplicated per sentence.
 * A biased word counts as quoted when every occurrence of it in the sentence lies inside quotation
 * marks: the main tally leaves those out (Copydesk rightly leaves quoted speech alone) and the quoted
 * tally counts them. A biased word missing from the sentence text stays in the main tally, unfound.
 * @param findings findings with offsets relative to `sentence`
 */
export function wordTallies(sentence: string, biasedWords: readonly string[], findings: readonly SpanFinding[]): WordTallies {
  const tokens = wordTokens(sentence);
  const spans = quoteSpans(sentence);
  const biased = biasedWordSet(biasedWords);
  const flaggedOutside = new Set<string>();
  const flaggedInside = new Set<string>();
  for (const token of tokens) {
    if (!findings.some((f) => f.offset < token.end && token.start < f.endOffset)) continue;
    (insideAny(spans, token.start, token.end) ? flaggedInside : flaggedOutside).add(token.word);
  }
  const flaggedAll = new Set([...flaggedOutside, ...flaggedInside]);
  const main = emptyTally();
  const quoted = emptyTally();
  for (const word of biased) {
    const occurrences = tokens.filter((t) => t.word === word);
    const isQuoted = occurrences.length > 0 && occurrences.every((t) => insideAny(spans, t.start, t.end));
    const tally = isQuoted ? quoted : main;
    tally.positives += 1;
    if (flaggedAll.has(word)) tally.found += 1;
  }
  main.flagged = flaggedOutside.size;
  main.correct = [...flaggedOutside].filter((w) => biased.has(w)).length;
  quoted.flagged = flaggedInside.size;
  quoted.correct = [...flaggedInside].filter((w) => biased.has(w)).length;
  return { main, quoted };
}


/**
 * A plain surface matcher for the reference lines: whole-word, case-insensitive, no context at all
 * ("regime" matches "Regime's" but not "regimen"). Longer phrases win where two overlap.
 * @returns a function giving the matches of a text as findings with `ruleId`
 */
export function surfaceMatcher(phrases: readonly string[], ruleId: string): (text: string) => SpanFinding[] {
  const cleaned = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter((p) => p.length > 0))];
  if (cleaned.length === 0) return () => [];
  cleaned.sort((a, b) => b.length - a.length);
  const body = cleaned.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+')).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => [...text.matchAll(pattern)].map((m) => ({ ruleId, offset: m.index, endOffset: m.index + m[0].length, actual: m[0] }));
}
