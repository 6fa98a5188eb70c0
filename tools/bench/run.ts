/**
 * `npm run bench`: Copydesk's speed against its peers, in one process so ratios hold on a noisy
 * machine. Prints a table; `--json FILE` writes one object per measurement. Not a test: nothing here
 * asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type * as Engine from '../../server/src/core/index';
import { escapeRegExp } from '../../server/src/core/patterns';
import { articleOfWords, draftOfSize } from './corpus';
import { measureLimits, measureServer } from './lsp';
import { loadRealNews, realNewsArticle, realNewsDraft, realNewsFiles, type RealNews } from './real-news';
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
  const news = loadRealNews();
  if (!news) console.error(`note: no ${join('..', 'shared', 'eval', 'polnear-train.jsonl')} (or COPYDESK_EVAL_DIR): the real-news rows are skipped`);

  // The engine's code is compiled by the JIT on a draft of its own before any size is timed, so that the
  // first size measured does not pay for it.
  for (let round = 0; round < 2; round++) createLinter().lint(draftOfSize(WARM_UP_BYTES, 100 + round), 'markdown');

  // A fresh linter per run (built before the clock starts, as a host builds one per configuration): no
  // cache answers for the engine. Small inputs get more warm-up runs, so that every size is timed on code the
  // JIT has compiled.
  const timeEngine = async (name: string, size: string, texts: (run: number) => string): Promise<Measurement> => {
    const probe = texts(0);
    const warmup = Math.max(2, Math.ceil(WARM_UP_BYTES / probe.length));
    const linters = Array.from({ length: warmup + RUNS }, () => createLinter());
    const inputs = linters.map((_, index) => texts(index));
    let run = 0;
    return throughput(name, size, probe.length, await time(() => { const index = run++; return linters[index].lint(inputs[index], 'markdown'); }, RUNS, warmup));
  };
  const peers = async (corpus: string, size: string, text: string, runs: number): Promise<void> => {
    const warmup = Math.max(1, Math.ceil(WARM_UP_BYTES / text.length));
    log(throughput(`alex${corpus}`, size, text.length, await time(() => alexText(text), Math.min(runs, 3), 1)));
    log(throughput(`write-good${corpus}`, size, text.length, await time(() => writeGood(text), runs, warmup)));
    log(throughput(`retext-english parse, per paragraph${corpus}`, size, text.length, await time(() => text.split(/\n\s*\n/).forEach((paragraph) => retext.parse(paragraph)), runs, warmup)));
    log(throughput(`regex scan of the word lists (floor)${corpus}`, size, text.length, await time(() => text.match(floor)?.length ?? 0, runs, warmup)));
  };

  if (news) {
    // Real news: whole unique paragraphs; each run starts at a different paragraph, so the runs read
    // different text; the whole corpus is one text, read by a fresh linter each run.
    for (const [size, bytes] of [...SIZES, ['whole 3.9 MB', Infinity] as [string, number]]) {
      log(await timeEngine(REAL_ENGINE, size, (run) => realNewsDraft(news, bytes, run * 997)));
    }
    for (const [size, bytes] of SIZES.slice(1)) await peers(REAL, size, realNewsDraft(news, bytes), RUNS);
  }
  // The fixture corpus as the second row (short, dense paragraphs, renamed per copy), to compare with.
  for (const [size, bytes] of SIZES) log(await timeEngine(FIXTURE_ENGINE, size, (run) => draftOfSize(bytes, run + 1)));
  await peers(' (fixtures)', '1 MB', draftOfSize(1024 * 1024), RUNS);

  const serverPath = join(ROOT, 'server', 'out', 'server.js');
  if (news) {
    const openDrafts = Array.from({ length: 50 }, (_, index) => realNewsArticle(news, 400, index));
    for (const measurement of await measureServer(serverPath, [['edit to diagnostics, 1,000-word article (real news)', realNewsArticle(news, 1000)], ['edit to diagnostics, 100 KB draft (real news)', realNewsDraft(news, 100 * 1024, 5000)]], openDrafts, '50 real articles')) log(measurement);
    // The bar's case: a fresh server with the 50 articles alone (no draft heavy enough to start the lint worker).
    for (const measurement of await measureServer(serverPath, [], openDrafts, '50 real articles, fresh server')) log(measurement);
  }
  for (const measurement of await measureServer(serverPath, [['edit to diagnostics, 1,000-word article (fixtures)', articleOfWords(1000)], ['edit to diagnostics, 100 KB draft (fixtures)', draftOfSize(100 * 1024, 7)]], Array.from({ length: 50 }, (_, index) => draftOfSize(20 * 1024, 100 + index)), '50 x 20 KB (fixtures)')) log(measurement);
  for (const measurement of await measureLimits(serverPath)) log(measurement);
  if (news) for (const measurement of measureCommandLineOnRealNews(news)) log(measurement);
  for (const measurement of measureCommandLines()) log(measurement);

  printTable(rows);
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], `${JSON.stringify(rows, null, 2)}\n`);
}

const REAL = ' (real news)';
const REAL_ENGINE = 'copydesk engine (real news)';
const FIXTURE_ENGINE = 'copydesk engine (fixtures)';

/** Runs a command to its end and returns its wall time in ms (a lint that finds something exits 1: only the time counts). */
function runTimed(command: string, args: string[]): number {
  const start = performance.now();
  try {
    execFileSync(command, args, { stdio: 'ignore', maxBuffer: 1 << 28 });
  } catch {
    // Exit status 1 means findings; the time is what counts.
  }
  return performance.now() - start;
}

/**
 * The command line on real news, as a whole process: a 1 MB draft end to end, its start-up (a one-line
 * draft) subtracted; peak RSS on the whole 3.9 MB as one draft (read by a preloaded hook at exit); and an
 * archive of 10,000 files cut from the corpus with one worker thread and with the default (one per core).
 */
function measureCommandLineOnRealNews(news: RealNews): Measurement[] {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-news-'));
  const cli = join(ROOT, 'server', 'out', 'cli.js');
  const rows: Measurement[] = [];
  const tiny = join(folder, 'tiny.md');
  writeFileSync(tiny, 'The council met on Tuesday.\n');
  const mega = join(folder, 'news-1mb.md');
  const megaText = realNewsDraft(news, 1024 * 1024);
  writeFileSync(mega, megaText);
  const median = (samples: number[]): number => quantile(samples, 0.5);
  const startup = median([0, 1, 2, 3, 4].map(() => runTimed(process.execPath, [cli, '--format', 'json', tiny])));
  const whole = [0, 1, 2, 3, 4].map(() => runTimed(process.execPath, [cli, '--format', 'json', mega]));
  rows.push({ name: 'copydesk CLI start-up (one-line draft)', size: '1 line', median_ms: round(startup), p95_ms: null, kb_per_s: null, rss_mb: null });
  rows.push({ name: 'copydesk CLI end to end, start-up subtracted (real news)', size: '1 MB', median_ms: round(median(whole) - startup), p95_ms: null, kb_per_s: round(megaText.length / 1024 / ((median(whole) - startup) / 1000)), rss_mb: null });

  const all = join(folder, 'news-all.md');
  writeFileSync(all, realNewsDraft(news, Infinity));
  const hook = join(folder, 'peak-rss.cjs');
  writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, `copydesk-peak-rss-kb=${process.resourceUsage().maxRSS}\\n`));\n");
  let stderr = '';
  try {
    execFileSync(process.execPath, ['--require', hook, cli, '--format', 'json', all], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  } catch (error) {
    stderr = String((error as { stderr?: Buffer }).stderr ?? '');
  }
  const peak = Number(/copydesk-peak-rss-kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
  rows.push({ name: 'copydesk CLI peak RSS (real news, one draft)', size: 'whole 3.9 MB', median_ms: null, p95_ms: null, kb_per_s: null, rss_mb: Number.isNaN(peak) ? null : round(peak / 1024) });

  const archive = join(folder, 'archive');
  mkdirSync(archive);
  realNewsFiles(news, ARCHIVE_FILES).forEach((text, index) => writeFileSync(join(archive, `story-${String(index).padStart(5, '0')}.md`), text));
  for (const [label, threads] of [['1 thread', ['--threads', '1']], ['default threads (one per core)', []]] as const) {
    const samples = [0, 1, 2].map(() => runTimed(process.execPath, [cli, '--format', 'json', ...threads, archive]));
    rows.push({ name: `copydesk CLI over ${ARCHIVE_FILES.toLocaleString('en-US')} files, ${label} (real news)`, size: 'whole 3.9 MB', median_ms: round(median(samples)), p95_ms: round(quantile(samples, 0.95)), kb_per_s: round(news.totalLength / 1024 / (median(samples) / 1000)), rss_mb: null });
  }
  rmSync(folder, { recursive: true, force: true });
  return rows;
}

/** A ratio for the summary: one decimal, or two significant digits below 1 (a word-list scan is far faster). */
const ratio = (value: number): string => (value >= 1 ? String(round(value)) : value.toPrecision(2));

/** Files in the archive measurement, cut from the real-news corpus. */
const ARCHIVE_FILES = 10_000;

/** One alternation of every word-list form: what any approach that reads every character costs. */
function wordListPattern(): RegExp {
  const forms = [...wordLists.loadedTerms, ...wordLists.loadedVerbs, ...wordLists.editorializing].flatMap((entry) => [entry.term, ...entry.forms]);
  const escaped = forms.sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

/** The command lines as whole processes over a folder of 200 fixture articles: Copydesk's and alex's. */
function measureCommandLines(): Measurement[] {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  const files: string[] = [];
  for (let index = 0; index < 200; index++) {
    const path = join(folder, `article-${index}.md`);
    writeFileSync(path, draftOfSize(5 * 1024, index));
    files.push(path);
  }
  const cli = [join(ROOT, 'server', 'out', 'cli.js'), '--format', 'json', ...files];
  const alexCli = [join(ROOT, 'node_modules', 'alex', 'cli.js'), ...files];
  const rows: Measurement[] = [];
  for (const [name, args] of [['copydesk CLI, 200 articles (fixtures)', cli], ['alex CLI, 200 articles (fixtures)', alexCli]] as const) {
    const samples = [0, 1, 2].map(() => runTimed(process.execPath, [...args]));
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
  const find = (name: string, size: string): Measurement | undefined => rows.find((row) => row.name === name && row.size === size);
  const summary: string[] = [];
  for (const [corpus, engineName] of [[REAL, REAL_ENGINE], [' (fixtures)', FIXTURE_ENGINE]] as const) {
    const big = find(engineName, '1 MB');
    const mid = find(engineName, '100 KB');
    const whole = find(engineName, 'whole 3.9 MB');
    if (big?.median_ms && mid?.median_ms) summary.push(`linearity${corpus}: 1 MB takes ${round(big.median_ms / mid.median_ms)} x the 100 KB time (10.24 x is linear)`);
    if (big?.median_ms && whole?.median_ms) summary.push(`linearity${corpus}: 3.9 MB takes ${round(whole.median_ms / big.median_ms)} x the 1 MB time (${round(3788483 / 1048794)} x is linear)`);
    for (const peer of ['alex', 'write-good', 'regex scan of the word lists (floor)']) {
      const other = find(`${peer}${corpus}`, '1 MB');
      if (big?.kb_per_s && other?.kb_per_s) summary.push(`engine vs ${peer} at 1 MB${corpus}: ${ratio(big.kb_per_s / other.kb_per_s)} x the throughput`);
    }
  }
  const one = rows.find((row) => row.name.includes('files, 1 thread'));
  const all = rows.find((row) => row.name.includes('files, default threads'));
  if (one?.median_ms && all?.median_ms) summary.push(`archive: all cores take ${round(one.median_ms / all.median_ms)} x less time than one thread`);
  if (summary.length > 0) console.log(`\n${summary.join('\n')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
