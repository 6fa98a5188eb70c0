/**
 * `npm run bench`: Copydesk's speed against its peers, in one process so ratios hold on a noisy
 * machine. Prints a table; `--json FILE` writes one object per measurement. Not a test: nothing here
 * asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type * as Engine from '../../server/src/core/index';
import { escapeRegExp } from '../../server/src/core/patterns';
import { draftOfSize } from './corpus';
import { measureLimits, measureServer } from './lsp';
import { quantile, round, throughput, time, type Measurement } from './measure';

const SIZES: Array<[string, number]> = [['10 KB', 10 * 1024], ['100 KB', 100 * 1024], ['1 MB', 1024 * 1024]];
const ROOT = join(__dirname, '..', '..');
// The engine as it ships: the bundle `npm run build` writes (a TypeScript loader's output runs about a
// quarter slower, which would measure the loader, not the engine).
const { createLinter, wordLists } = require(join(ROOT, 'server', 'out', 'engine.js')) as typeof Engine;
/** Timed runs per measurement (the median is reported), and the text each tool reads before timing starts. */
const RUNS = 7;
const WARM_UP_BYTES = 512 * 1024;

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf('--json');
  const rows: Measurement[] = [];
  const log = (row: Measurement): void => {
    rows.push(row);
    console.error(`  ${row.name} ${row.size}: ${row.median_ms ?? '-'} ms${row.kb_per_s ? `, ${row.kb_per_s} KB/s` : ''}${row.rss_mb ? `, ${row.rss_mb} MB RSS` : ''}`);
  };
  const { text: alexText } = await import('alex');
  const writeGood = (await import('write-good')).default as (text: string) => unknown[];
  const retext = unified().use(retextEnglish);
  const floor = wordListPattern();

  // The engine's code is compiled by the JIT on a draft of its own before any size is timed, so that the
  // first size measured does not pay for it.
  for (let round = 0; round < 2; round++) createLinter().lint(draftOfSize(WARM_UP_BYTES, 100 + round), 'markdown');

  for (const [size, bytes] of SIZES) {
    // A fresh linter (built before the clock starts, as a host builds one per configuration) and a fresh
    // variant of the text per run: no cache answers for the engine.
    // Small inputs get more warm-up runs, so that every size is timed on code the JIT has compiled.
    const warmup = Math.max(2, Math.ceil(WARM_UP_BYTES / bytes));
    const linters = Array.from({ length: warmup + RUNS }, () => createLinter());
    const variants = linters.map((_, index) => draftOfSize(bytes, index + 1));
    let run = 0;
    log(throughput('copydesk engine', size, bytes, await time(() => { const index = run++; return linters[index].lint(variants[index], 'markdown'); }, RUNS, warmup)));
    const text = draftOfSize(bytes);
    log(throughput('alex', size, bytes, await time(() => alexText(text), RUNS, 1)));
    log(throughput('write-good', size, bytes, await time(() => writeGood(text), RUNS, warmup)));
    log(throughput('retext-english parse (whole text)', size, bytes, await time(() => retext.parse(text), RUNS, warmup)));
    log(throughput('retext-english parse (per paragraph)', size, bytes, await time(() => text.split(/\n\s*\n/).forEach((paragraph) => retext.parse(paragraph)), RUNS, warmup)));
    log(throughput('regex scan of the word lists (floor)', size, bytes, await time(() => text.match(floor)?.length ?? 0, RUNS, warmup)));
  }

  for (const measurement of await measureServer(join(ROOT, 'server', 'out', 'server.js'))) log(measurement);
  for (const measurement of await measureLimits(join(ROOT, 'server', 'out', 'server.js'))) log(measurement);
  for (const measurement of measureCommandLines()) log(measurement);

  printTable(rows);
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], `${JSON.stringify(rows, null, 2)}\n`);
}

/** One alternation of every word-list form: what any approach that reads every character costs. */
function wordListPattern(): RegExp {
  const forms = [...wordLists.loadedTerms, ...wordLists.loadedVerbs, ...wordLists.editorializing].flatMap((entry) => [entry.term, ...entry.forms]);
  const escaped = forms.sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

/** The command lines as whole processes over a folder of 200 articles: Copydesk's and alex's. */
function measureCommandLines(): Measurement[] {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  const files: string[] = [];
  for (let index = 0; index < 200; index++) {
    const path = join(folder, `article-${index}.md`);
    writeFileSync(path, draftOfSize(5 * 1024, index));
    files.push(path);
  }
  const run = (command: string, args: string[]): number => {
    const start = performance.now();
    try {
      execFileSync(command, args, { stdio: 'ignore', maxBuffer: 1 << 28 });
    } catch {
      // Both exit non-zero when they find something; the time is what counts.
    }
    return performance.now() - start;
  };
  const cli = [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', ...files];
  const alexCli = [join(ROOT, 'node_modules', 'alex', 'cli.js'), ...files];
  const rows: Measurement[] = [];
  for (const [name, args] of [['copydesk CLI, 200 articles', cli], ['alex CLI, 200 articles', alexCli]] as const) {
    const samples = [0, 1, 2].map(() => run(process.execPath, [...args]));
    rows.push({ name, size: '200 x 5 KB', median_ms: round(quantile(samples, 0.5)), p95_ms: round(quantile(samples, 0.95)), kb_per_s: round(1000 / (quantile(samples, 0.5) / 1000)), rss_mb: null });
  }
  return rows;
}

function printTable(rows: Measurement[]): void {
  const header = ['measurement', 'size', 'median ms', 'p95 ms', 'KB/s', 'RSS MB'];
  const cells = rows.map((row) => [row.name, row.size, row.median_ms, row.p95_ms, row.kb_per_s, row.rss_mb].map((cell) => (cell === null ? '–' : String(cell))));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (values: string[]): string => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  cells.forEach((cell) => console.log(line(cell)));
  const engine = (size: string): Measurement | undefined => rows.find((row) => row.name === 'copydesk engine' && row.size === size);
  const alex = rows.find((row) => row.name === 'alex' && row.size === '1 MB');
  const big = engine('1 MB');
  const mid = engine('100 KB');
  if (big?.median_ms && mid?.median_ms) console.log(`\nlinearity: 1 MB takes ${round(big.median_ms / mid.median_ms)} x the 100 KB time (10.24 x is linear)`);
  if (big?.kb_per_s && alex?.kb_per_s) console.log(`engine vs alex at 1 MB: ${round(big.kb_per_s / alex.kb_per_s)} x the throughput`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
