/**
 * PolNeAR "who is speaking" figures, computed exactly as `../shared/eval/polnear_score.py` computes them,
 * but in-process: flags inside named sources' content, content-word precision/recall/F1, and speaker
 * match. Nothing here calls the engine or the CLI; `run.ts` lints and attributes each article and hands
 * the results in, so the tests drive these functions with small hand-made rows.
 *
 * The corpus counts code points (Python string indices); the engine counts UTF-16 units. Engine offsets
 * are mapped to code points the way the scorer maps them (`utf16_to_char`: bisect over the UTF-16 start
 * of each code point), and every character test below is written to match Python's Unicode semantics
 * (`\w`, `str.split()`, `str.isupper()`, `re.I`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonl } from './data';
import type { SpanFinding } from './scoring';

/** A `[start, end)` span in code points (Python indices into the row's text). */
export type CharSpan = [number, number];

/** One annotated attribution: who (`source`), the reporting words (`cue`) and what they said (`content`). */
export interface PolnearAttribution {
  source: CharSpan[];
  cue: CharSpan[];
  content: CharSpan[];
}

/** A PolNeAR row: one whole news article and every attribution in it. */
export interface PolnearRow {
  id: string;
  text: string;
  attributions: PolnearAttribution[];
  publisher: string;
  title: string;
}

/** The two splits: train is for reading and tuning, dev for checking. */
export const POLNEAR_SPLITS = ['train', 'dev'] as const;
export type PolnearSplit = (typeof POLNEAR_SPLITS)[number];

/** The file of a split in the eval folder. */
export const polnearFile = (split: PolnearSplit): string => `polnear-${split}.jsonl`;

/** Number of code points in a string (Python's `len`). */
export const codePointLength = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
};

const isSpanList = (value: unknown, length: number): value is CharSpan[] =>
  Array.isArray(value) &&
  value.every((s) => Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]) && 0 <= s[0] && s[0] <= s[1] && s[1] <= length);

/**
 * Checks parsed rows for the fields the scoring reads: string `id` (unique), `text`, `publisher` and
 * `title`, and `attributions` whose `source`, `cue` and `content` are lists of integer `[start, end]`
 * pairs inside the text (code points). A changed file fails loudly instead of scoring nonsense.
 */
export function checkPolnearRows(rows: readonly unknown[], file: string): PolnearRow[] {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    const fail = (what: string): never => {
      throw new Error(`${file}: row ${i + 1} ${what}`);
    };
    if (typeof row !== 'object' || row === null || typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.publisher !== 'string' || typeof r.title !== 'string' || !Array.isArray(r.attributions)) {
      fail('lacks the expected fields');
    }
    if (seen.has(r.id as string)) fail(`repeats the id "${r.id as string}"`);
    seen.add(r.id as string);
    const length = codePointLength(r.text as string);
    (r.attributions as unknown[]).forEach((a, k) => {
      const rel = a as Record<string, unknown>;
      if (typeof a !== 'object' || a === null || !['source', 'cue', 'content'].every((key) => isSpanList(rel[key], length))) {
        fail(`attribution ${k + 1} lacks source/cue/content lists of [start, end] spans inside the text`);
      }
    });
  });
  return rows as PolnearRow[];
}

/** Parses and checks a PolNeAR JSON Lines file's text. */
export const parsePolnear = (text: string, file: string): PolnearRow[] => checkPolnearRows(parseJsonl(text, file), file);

/** Loads `polnear-train.jsonl` or `polnear-dev.jsonl` from the eval folder. */
export function loadPolnear(dir: string, split: PolnearSplit): PolnearRow[] {
  const path = resolve(dir, polnearFile(split));
  return parsePolnear(readFileSync(path, 'utf8'), path);
}

/**
 * The text the scorer's CLI run lints: it writes `text` to a .txt file and the CLI drops a leading
 * byte-order mark on reading. Offsets are then used unshifted, as the scorer uses them.
 */
export const draftAsCliReads = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

// ---------------------------------------------------------------------------------------------------
// Python semantics

/** Python's `\w` (Unicode): letters, numbers and the underscore. Marks (U+0301 …) are not word characters. */
const WORD = /[\p{L}\p{N}_]+/gu;
/** Python's `str.isspace()` characters, which `str.split()` splits on (not U+200B or U+FEFF, unlike JS `\s`). */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
/**
 * `re.search(r"\b(he|she|they|I|we)\b", …, re.I)`: Python's `\b` is the edge of Unicode `\w`, and
 * under `re.I` "s" also matches "ſ" and "i" also "İ" and "ı".
 */
const PRONOUN = /(?<![\p{L}\p{N}_])(?:[hH][eE]|[sSſ][hH][eE]|[tT][hH][eE][yY]|[iIİı]|[wW][eE])(?![\p{L}\p{N}_])/u;
/** `str.isupper()` of one character: the Unicode Uppercase property (titlecase letters are not). */
const UPPER = /^\p{Uppercase}$/u;

/** Where each `\w+` word starts, in code points (`[m.start() for m in re.finditer(r"\w+", text)]`). */
export function wordStarts(text: string, toChar: (offset: number) => number = utf16ToChar(text)): number[] {
  return Array.from(text.matchAll(WORD), (m) => toChar(m.index));
}

/** Python's `str.split()`: runs of whitespace, no empty words. */
export const pySplit = (text: string): string[] => text.split(PY_SPACE).filter((w) => w !== '');

/** `w[:1].isupper()`: whether the first code point is an upper-case letter. */
const firstIsUpper = (word: string): boolean => {
  const first = word.codePointAt(0);
  return first !== undefined && UPPER.test(String.fromCodePoint(first));
};

/**
 * Python's view of a string: its length in code points, the scorer's UTF-16 -> code point map, and the
 * code-point slice `text[a:b]`.
 */
export interface CodePoints {
  length: number;
  /** The scorer's `utf16_to_char` (see {@link utf16ToChar}). */
  toChar: (offset: number) => number;
  /** `text[a:b]` with Python's clamping of non-negative bounds. */
  slice: (a: number, b: number) => string;
}

/** Indexes a string by code point once, so slices and offset maps cost nothing per span. */
export function codePoints(text: string): CodePoints {
  const toUnit = new Int32Array(text.length + 1);
  const toChar = new Int32Array(text.length + 1);
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    toUnit[index] = i;
    toChar[i] = index;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) toChar[++i] = index + 1;
    }
    index++;
  }
  toUnit[index] = text.length;
  toChar[text.length] = index;
  const length = index;
  const unit = (a: number): number => toUnit[Math.max(0, Math.min(a, length))];
  return {
    length,
    // bisect_left over the UTF-16 start of each code point: inside a surrogate pair is the next code point.
    toChar: (offset) => (offset <= 0 ? 0 : offset >= text.length ? length : toChar[offset]),
    slice: (a, b) => (b <= a ? '' : text.slice(unit(a), unit(b))),
  };
}

/**
 * The scorer's `utf16_to_char`: a UTF-16 offset to a code-point index, as `bisect_left` over the UTF-16
 * start of each code point. An offset inside a surrogate pair maps to the next code point; one at or
 * past the end maps to the text's length in code points.
 */
export const utf16ToChar = (text: string): ((offset: number) => number) => codePoints(text).toChar;

/** Words a vague group is made of: "critics", "some officials", "the experts" are not named sources. */
export const VAGUE = new Set([
  'critics', 'some', 'many', 'officials', 'experts', 'analysts', 'sources', 'numbers', 'polls', 'reports',
  'observers', 'others', 'people', 'studies', 'data', 'the', 'a', 'an', 'supporters', 'opponents',
]);

/**
 * The scorer's `named()`: an annotated source is named when one of its spans is a short pronoun phrase
 * ("he", "they"), or has a capitalised word after the first, or starts with a capitalised word that is
 * not one of {@link VAGUE} ("Critics" is vague, "Obama" is named).
 */
export function isNamed(text: string | CodePoints, rel: PolnearAttribution): boolean {
  const chars = typeof text === 'string' ? codePoints(text) : text;
  for (const [a, b] of rel.source) {
    const span = chars.slice(a, b);
    const words = pySplit(span);
    if (words.length <= 2 && PRONOUN.test(span)) return true;
    if (words.slice(1).some(firstIsUpper) || (words.length > 0 && firstIsUpper(words[0]) && !VAGUE.has(words[0].toLowerCase()))) return true;
  }
  return false;
}

/**
 * Python's iteration order of `set(values)` for small positive ints (hash(n) == n), simulated from
 * CPython's setobject.c (3.x): open addressing from slot `n & mask`, then up to 9 linear probes when they
 * fit, then a perturbed jump; the table (8 slots to start) grows to the power of two above 4 × used when
 * 5 × fill reaches 3 × mask, reinserting in old-table order. Small values come out ascending, but not
 * always: `set([9, 1])` iterates 9 first (both want slot 1 of 8).
 */
export function pythonSetOrder(values: readonly number[]): number[] {
  let mask = 7;
  let table: Array<number | undefined> = new Array(mask + 1);
  let used = 0;
  /** Finds `key`'s slot: where it already is, or the first free slot on its probe path. */
  const slotOf = (slots: Array<number | undefined>, slotMask: number, key: number): number => {
    let perturb = key;
    let i = key % (slotMask + 1);
    for (;;) {
      const probes = i + 9 <= slotMask ? 9 : 0;
      for (let j = 0; j <= probes; j++) {
        const entry = slots[i + j];
        if (entry === undefined || entry === key) return i + j;
      }
      perturb = Math.floor(perturb / 32);
      i = (i * 5 + 1 + perturb) % (slotMask + 1);
    }
  };
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`pythonSetOrder: ${value} is not a positive integer`);
    const slot = slotOf(table, mask, value);
    if (table[slot] === value) continue;
    table[slot] = value;
    used++;
    if (used * 5 >= mask * 3) {
      const wanted = used > 50000 ? used * 2 : used * 4;
      let size = 8;
      while (size <= wanted) size *= 2;
      const old = table;
      mask = size - 1;
      table = new Array(size);
      for (const key of old) if (key !== undefined) table[slotOf(table, mask, key)] = key;
    }
  }
  return table.filter((key): key is number => key !== undefined);
}

/** `max(set(hits), key=hits.count)`: the most frequent value, ties to the first in Python's set order. */
export function mostFrequent(hits: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const h of hits) counts.set(h, (counts.get(h) ?? 0) + 1);
  let best = NaN;
  let bestCount = -1;
  for (const value of pythonSetOrder(hits)) {
    const count = counts.get(value)!;
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Python's `f"{x:.{digits}f}"`: correctly rounded, exact ties to even (JS `toFixed` sends ties up:
 * 0.0625 is "0.062" in Python, "0.063" in JS).
 */
export function pyFixed(x: number, digits: number): string {
  const plain = x.toFixed(digits);
  if (!Number.isFinite(x)) return plain;
  // x = m × 2^e exactly; a tie is x × 10^digits = q + 1/2 exactly.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponentBits === 0 ? -1074 : exponentBits - 1075);
  if (e >= 0 || m === 0n) return plain;
  const numerator = m * 10n ** BigInt(digits);
  const denominator = 1n << BigInt(-e);
  if ((2n * numerator) % (2n * denominator) !== denominator) return plain;
  let q = numerator / denominator;
  if (q % 2n === 1n) q += 1n;
  const s = q.toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return x < 0 ? `-${body}` : body;
}

/** Python's `f"{x:.{digits}%}"`: x × 100 in floating point, then fixed. */
export const pyPercent = (x: number, digits = 1): string => `${pyFixed(x * 100, digits)}%`;

// ---------------------------------------------------------------------------------------------------
// The three figures

/** The findings the scorer counts: those that would be wrong inside a named source's words. */
export const SENSITIVE_RULES = ['loaded-term', 'editorializing', 'uncited-figure', 'scare-quotes', 'unattributed-claim', 'hedged-attribution', 'unattributed-quote'] as const;
const SENSITIVE = new Set<string>(SENSITIVE_RULES);

/** Inside / all for one rule or for all of them. */
export interface InsideCount {
  inside: number;
  flags: number;
}

/** Figure 1, with its per-rule breakdown (rules in {@link SENSITIVE_RULES} order). */
export interface FlagsInside extends InsideCount {
  perRule: Record<(typeof SENSITIVE_RULES)[number], InsideCount>;
}

/**
 * Figure 1 (`flags_inside`): of the speech-sensitive findings, how many lie wholly inside a content span
 * of an attribution whose source is named. `findings` holds each row's findings by row id (UTF-16).
 */
export function flagsInside(rows: readonly PolnearRow[], findings: ReadonlyMap<string, readonly SpanFinding[]>): FlagsInside {
  const perRule = Object.fromEntries(SENSITIVE_RULES.map((rule) => [rule, { inside: 0, flags: 0 }])) as FlagsInside['perRule'];
  let flags = 0;
  let inside = 0;
  for (const r of rows) {
    const chars = codePoints(r.text);
    const { toChar } = chars;
    const spans = r.attributions.filter((rel) => isNamed(chars, rel)).flatMap((rel) => rel.content);
    for (const f of findings.get(r.id) ?? []) {
      if (!SENSITIVE.has(f.ruleId)) continue;
      const s = toChar(f.offset);
      const e = toChar(f.endOffset);
      const isInside = spans.some(([cs, ce]) => cs <= s && e <= ce);
      const rule = perRule[f.ruleId as (typeof SENSITIVE_RULES)[number]];
      flags++;
      rule.flags++;
      if (isInside) {
        inside++;
        rule.inside++;
      }
    }
  }
  return { inside, flags, perRule };
}

/** The part of an engine attribution the scoring reads (`attribute()` / `copydesk sources --format json`). */
export interface EngineAttribution {
  speaker: { offset: number; endOffset: number } | null;
  content: ReadonlyArray<{ offset: number; endOffset: number }> | null;
}

/** Figures 2 and 3 (`sources_score`). */
export interface SourcesScore {
  /** Content words: predicted and annotated, predicted only, annotated only. */
  tp: number;
  fp: number;
  fn: number;
  P: number;
  R: number;
  F1: number;
  /** Attributions whose speaker overlaps an annotated source, of those whose content was found. */
  matched: number;
  found: number;
  /** Annotated attributions with a source and content. */
  attributions: number;
  speakerMatch: number;
}

/**
 * Figures 2 and 3 (`sources_score`). Content words: each `\w+` word counts at its first code point;
 * annotated if that character is in any attribution's content, predicted if in any engine content.
 * Speaker match: for each annotated attribution with source and content, the engine attribution whose
 * content covers most of its content characters (ties as Python's `max(set(hits), key=hits.count)`);
 * a match when that attribution's speaker overlaps an annotated source span.
 */
export function sourcesScore(rows: readonly PolnearRow[], sources: ReadonlyMap<string, readonly EngineAttribution[]>): SourcesScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  let found = 0;
  let total = 0;
  for (const r of rows) {
    const { text } = r;
    const { toChar, length: n } = codePoints(text);
    const gold = new Int32Array(n);
    r.attributions.forEach((rel, k) => {
      for (const [s, e] of rel.content) for (let i = s; i < Math.min(e, n); i++) gold[i] = k + 1;
    });
    const mine = new Int32Array(n);
    const speakerOf = new Map<number, [number, number]>();
    (sources.get(r.id) ?? []).forEach((a, k) => {
      for (const c of a.content ?? []) for (let i = toChar(c.offset); i < Math.min(toChar(c.endOffset), n); i++) mine[i] = k + 1;
      if (a.speaker) speakerOf.set(k + 1, [toChar(a.speaker.offset), toChar(a.speaker.endOffset)]);
    });
    for (const start of wordStarts(text, toChar)) {
      const g = gold[start] > 0;
      const p = mine[start] > 0;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    for (const rel of r.attributions) {
      if (rel.source.length === 0 || rel.content.length === 0) continue;
      total++;
      const hits: number[] = [];
      for (const [s, e] of rel.content) for (let i = s; i < Math.min(e, n); i++) if (mine[i]) hits.push(mine[i]);
      if (hits.length === 0) continue;
      found++;
      const speaker = speakerOf.get(mostFrequent(hits));
      if (speaker) {
        const [a, b] = speaker;
        if (rel.source.some(([s, e]) => a < e && s < b)) matched++;
      }
    }
  }
  const P = tp / Math.max(tp + fp, 1);
  const R = tp / Math.max(tp + fn, 1);
  return { tp, fp, fn, P, R, F1: (2 * P * R) / Math.max(P + R, 1e-9), matched, found, attributions: total, speakerMatch: matched / Math.max(found, 1) };
}

/** One split's figures, as printed and as written to the JSON output. */
export interface PolnearResult {
  split: PolnearSplit;
  articles: number;
  flagsInside: FlagsInside & { share: number };
  content: Pick<SourcesScore, 'tp' | 'fp' | 'fn' | 'P' | 'R' | 'F1'>;
  speaker: Pick<SourcesScore, 'matched' | 'found' | 'attributions' | 'speakerMatch'>;
}

/** Scores one split from its rows, findings and attributions. */
export function scorePolnear(split: PolnearSplit, rows: readonly PolnearRow[], findings: ReadonlyMap<string, readonly SpanFinding[]>, sources: ReadonlyMap<string, readonly EngineAttribution[]>): PolnearResult {
  const inside = flagsInside(rows, findings);
  const s = sourcesScore(rows, sources);
  return {
    split,
    articles: rows.length,
    flagsInside: { ...inside, share: inside.inside / Math.max(inside.flags, 1) },
    content: { tp: s.tp, fp: s.fp, fn: s.fn, P: s.P, R: s.R, F1: s.F1 },
    speaker: { matched: s.matched, found: s.found, attributions: s.attributions, speakerMatch: s.speakerMatch },
  };
}

const ratio = (n: number, d: number, share: number): string => `${n}/${d} = ${pyPercent(share)}`;

function markdown(headers: readonly string[], body: readonly string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (values: readonly string[]): string => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** The "Who is speaking (PolNeAR)" block: one row per split, then the per-rule breakdown of figure 1. */
export function renderPolnear(results: readonly PolnearResult[]): string {
  const main = markdown(
    ['split', 'articles', 'flags inside named content', 'content P', 'content R', 'content F1', 'content words', 'speaker match', 'content found'],
    results.map((r) => [
      r.split,
      String(r.articles),
      ratio(r.flagsInside.inside, r.flagsInside.flags, r.flagsInside.share),
      pyFixed(r.content.P, 3),
      pyFixed(r.content.R, 3),
      pyFixed(r.content.F1, 3),
      `tp ${r.content.tp}, fp ${r.content.fp}, fn ${r.content.fn}`,
      ratio(r.speaker.matched, r.speaker.found, r.speaker.speakerMatch),
      `content found for ${r.speaker.found} of ${r.speaker.attributions}`,
    ]),
  );
  const perRule = markdown(
    ['rule: flags inside named content', ...results.map((r) => r.split)],
    SENSITIVE_RULES.map((rule) => [rule, ...results.map((r) => {
      const c = r.flagsInside.perRule[rule];
      return ratio(c.inside, c.flags, c.inside / Math.max(c.flags, 1));
    })]),
  );
  return ['Who is speaking (PolNeAR)', '', main, '', perRule].join('\n');
}
