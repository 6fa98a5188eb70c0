/**
 * Reads the evaluation data where it lies (never copied into the repository): the three JSONL sets and
 * the Recasens bias lexicon. Rows are checked for the fields the harness uses, so a changed file fails
 * loudly instead of scoring nonsense.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A BABE row: a news sentence with its sentence label and the words annotators marked. */
export interface BabeRow {
  id: string;
  text: string;
  biased: boolean;
  biased_words: string[];
}

/** A CheckThat! row: `subjective` is the writer's own view rather than reported fact. */
export interface CheckThatRow {
  id: string;
  text: string;
  subjective: boolean;
}

/** A Wikipedia NPOV row; `subset` tells biased rows from the two neutral subsets. */
export interface NpovRow {
  id: string;
  text: string;
  biased: boolean;
  subset: 'biased' | 'featured' | 'cw-hard';
}

/** The repository root: two folders up from this file. */
export const repoRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The data folder: `COPYDESK_EVAL_DIR`, else `../shared/eval` beside the repository. */
export function evalDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.COPYDESK_EVAL_DIR;
  return fromEnv && fromEnv.trim() !== '' ? resolve(fromEnv) : resolve(repoRoot(), '..', 'shared', 'eval');
}

/** Parses JSON Lines, naming the file and line of a bad row. */
export function parseJsonl(text: string, file: string): unknown[] {
  const rows: unknown[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
    }
  });
  return rows;
}

type Check = (row: Record<string, unknown>) => boolean;

function load<T>(dir: string, file: string, check: Check): T[] {
  const path = resolve(dir, file);
  const rows = parseJsonl(readFileSync(path, 'utf8'), path);
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    if (typeof row !== 'object' || row === null || typeof r.id !== 'string' || typeof r.text !== 'string' || !check(r)) {
      throw new Error(`${path}: row ${i + 1} lacks the expected fields`);
    }
  });
  return rows as T[];
}

/** Loads `babe-dev.jsonl`. */
export const loadBabe = (dir: string): BabeRow[] =>
  load(dir, 'babe-dev.jsonl', (r) => typeof r.biased === 'boolean' && Array.isArray(r.biased_words) && r.biased_words.every((w) => typeof w === 'string'));

/** Loads `checkthat-dev.jsonl`. */
export const loadCheckThat = (dir: string): CheckThatRow[] => load(dir, 'checkthat-dev.jsonl', (r) => typeof r.subjective === 'boolean');

/** Loads `wiki-npov-dev.jsonl`. */
export const loadNpov = (dir: string): NpovRow[] =>
  load(dir, 'wiki-npov-dev.jsonl', (r) => typeof r.biased === 'boolean' && ['biased', 'featured', 'cw-hard'].includes(r.subset as string));

/**
 * Parses a one-entry-a-line word list (the Recasens lexicon: 654 lower-case lemmas), skipping blank
 * lines and `#` comments.
 */
export const parseLexicon = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/** Loads `lexicons/recasens2013_bias_lexicon.txt`. */
export const loadRecasens = (dir: string): string[] => parseLexicon(readFileSync(resolve(dir, 'lexicons', 'recasens2013_bias_lexicon.txt'), 'utf8'));
