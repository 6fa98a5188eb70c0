/**
 * The evaluation pipeline, still free of I/O: one lint call per set over the joined sentences,
 * findings mapped back to sentences, and rows of the table built from tallies. The lint function is
 * injected, so the tests drive it with a stub and `run.ts` with the engine or a surface matcher.
 */
import { bootstrapRatioCI, precisionCI, scores, sentenceTally, sumTallies, wordTallies, type SpanFinding, type Tally } from './scoring';

/** Anything that lints one plain-text document: the engine, or a reference matcher. */
export type LintFn = (text: string) => SpanFinding[];

/** Which findings count for each rule family of the table. */
export const FAMILIES = {
  loaded: ['loaded-term', 'loaded-verb'],
  editorializing: ['editorializing'],
  attribution: ['unattributed-claim', 'anonymous-source', 'hedged-attribution'],
  'loaded+editorializing': ['loaded-term', 'loaded-verb', 'editorializing'],
  // The Wikipedia false-positive count leaves out figures and quotations: Wikipedia's sources sit in
  // footnotes these sentences do not carry, so those rules would fire for a reason outside the text.
  'npov-fp': ['loaded-term', 'loaded-verb', 'editorializing', 'scare-quotes', 'unattributed-claim', 'anonymous-source', 'hedged-attribution'],
  any: null,
} as const satisfies Record<string, readonly string[] | null>;

/** A rule family name. */
export type Family = keyof typeof FAMILIES;

// Engine diagnostics about directives and configuration are not findings about the prose.
const META_RULES = new Set(['copydesk-directive', 'copydesk-config']);

/** Whether a finding belongs to a family. */
export function inFamily(ruleId: string, family: Family): boolean {
  const ids: readonly string[] | null = FAMILIES[family];
  return ids === null ? !META_RULES.has(ruleId) : ids.includes(ruleId);
}

/** Sentences joined into one plain-text document, with where each sentence starts. */
export interface JoinedSet {
  text: string;
  starts: number[];
  /** The sentences as they stand in `text` (inner line breaks replaced). */
  sentences: string[];
}

/**
 * Joins sentences as paragraphs separated by a blank line, the engine's paragraph break. A line break
 * inside a sentence would split it, so each becomes one space; offsets and word-level matching then
 * refer to the cleaned sentences kept in `sentences`.
 */
export function joinSentences(texts: readonly string[]): JoinedSet {
  const sentences = texts.map((t) => t.replace(/\r\n?|\n/g, ' '));
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.length + 2;
  }
  return { text: sentences.join('\n\n'), starts, sentences };
}

/** Findings per sentence, with offsets relative to the sentence, and the ones that did not fit cleanly. */
export interface MappedFindings {
  perSentence: SpanFinding[][];
  /** Findings outside every sentence (in a separator, or at a negative offset): left out. */
  unmapped: number;
  /** Findings that start in a separator but run into the next sentence: counted there, start clipped. */
  clipped: number;
}

/**
 * Maps findings on the joined text back to sentences by their start offset (binary search over sentence
 * starts). A finding that runs past its sentence's end is clipped to it. One that starts in the blank
 * line before a sentence and runs into it belongs to that sentence (its span is off by the line
 * break); it is counted, so the engine bug stays visible. Anything else outside a sentence is unmapped.
 */
export function mapFindings(joined: JoinedSet, findings: readonly SpanFinding[]): MappedFindings {
  const perSentence: SpanFinding[][] = joined.sentences.map(() => []);
  const { starts, sentences } = joined;
  let unmapped = 0;
  let clipped = 0;
  for (const f of findings) {
    if (starts.length === 0 || f.offset < 0) {
      unmapped++;
      continue;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= f.offset) low = mid;
      else high = mid - 1;
    }
    let offset = f.offset;
    const inside = f.offset < starts[low] + sentences[low].length || (sentences[low].length === 0 && f.offset === starts[low]);
    if (!inside) {
      if (low + 1 < starts.length && f.endOffset > starts[low + 1]) {
        low += 1;
        offset = starts[low];
        clipped++;
      } else {
        unmapped++;
        continue;
      }
    }
    const start = starts[low];
    const end = start + sentences[low].length;
    perSentence[low].push({ ...f, offset: offset - start, endOffset: Math.min(f.endOffset, end) - start });
  }
  return { perSentence, unmapped, clipped };
}

/** One lint call over the whole set, mapped back to sentences. */
export function lintSet(texts: readonly string[], lint: LintFn): MappedFindings & { joined: JoinedSet } {
  const joined = joinSentences(texts);
  return { ...mapFindings(joined, lint(joined.text)), joined };
}

/** A row of the printed table (and of the JSON output). */
export interface Row {
  set: string;
  system: string;
  family: string;
  unit: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** For fp-rate rows: share of neutral sentences with at least one finding of the family. */
  fpRate: number | null;
  /** 95% bootstrap interval of precision, or of the fp rate on fp-rate rows. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Units scored: sentences. */
  n: number;
  flagged: number;
  correct: number;
  positives: number;
  found: number;
}

/** Names a row: which set, system, family and unit. */
export type RowKey = Pick<Row, 'set' | 'system' | 'family' | 'unit'>;

/** A precision/recall row from per-unit tallies. */
export function prRow(key: RowKey, units: readonly Tally[]): Row {
  const total = sumTallies(units);
  const ci = precisionCI(units);
  return { ...key, ...scores(total), fpRate: null, ciLow: ci?.[0] ?? null, ciHigh: ci?.[1] ?? null, n: units.length, ...total };
}

/** A false-positive-rate row: the share of neutral sentences flagged, with its bootstrap interval. */
export function fpRow(key: RowKey, flagged: readonly boolean[]): Row {
  const num = flagged.map((f): number => (f ? 1 : 0));
  const ci = bootstrapRatioCI(num, num.map(() => 1));
  const count = num.reduce((a, b) => a + b, 0);
  return {
    ...key,
    precision: null,
    recall: null,
    f1: null,
    fpRate: flagged.length > 0 ? count / flagged.length : null,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    n: flagged.length,
    flagged: count,
    correct: 0,
    positives: 0,
    found: 0,
  };
}

/** Whether each sentence has at least one finding of the family. */
export const flaggedBy = (perSentence: readonly SpanFinding[][], family: Family): boolean[] =>
  perSentence.map((fs) => fs.some((f) => inFamily(f.ruleId, family)));

/** Sentence-level tallies of a family against a boolean label. */
export const sentenceTallies = (perSentence: readonly SpanFinding[][], labels: readonly boolean[], family: Family): Tally[] =>
  flaggedBy(perSentence, family).map((predicted, i) => sentenceTally(predicted, labels[i]));

/**
 * Word-level rows of a family against annotated biased words: the main row (words outside quotation
 * marks) and the "in quotes" row, which shows how many biased words are quoted speech and how many
 * were flagged.
 */
export function wordRows(
  key: Omit<RowKey, 'unit'>,
  sentences: readonly string[],
  biasedWords: readonly (readonly string[])[],
  perSentence: readonly SpanFinding[][],
  family: Family,
): Row[] {
  const tallies = sentences.map((s, i) => wordTallies(s, biasedWords[i], perSentence[i].filter((f) => inFamily(f.ruleId, family))));
  return [
    prRow({ ...key, unit: 'word' }, tallies.map((t) => t.main)),
    prRow({ ...key, unit: 'word, in quotes' }, tallies.map((t) => t.quoted)),
  ];
}
