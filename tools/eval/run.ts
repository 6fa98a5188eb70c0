/**
 * `npm run eval`: runs Copydesk and two reference lines over the labelled evaluation sets and prints
 * one table of precision, recall, F1 and false-positive rates, then the PolNeAR "who is speaking"
 * figures for the train and dev splits (the same figures as ../shared/eval/polnear_score.py).
 *
 *   npm run eval [-- --json FILE]
 *
 * Data comes from `COPYDESK_EVAL_DIR` (default `../shared/eval` beside the repository) and is never
 * copied. Each set is linted in one call: its sentences joined as plain-text paragraphs. PolNeAR
 * articles are linted and attributed one at a time, each as one plain-text draft.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evalDir, loadBabe, loadCheckThat, loadNpov, loadRecasens } from './data';
import { flaggedBy, fpRow, lintSet, prRow, sentenceTallies, wordRows, type Family, type LintFn, type Row } from './evaluate';
import { draftAsCliReads, loadPolnear, POLNEAR_SPLITS, renderPolnear, scorePolnear, type EngineAttribution, type PolnearResult } from './polnear';
import { surfaceMatcher, type SpanFinding } from './scoring';
import { renderTable } from './table';
import { HALVES, pick, splitIndexes } from './halves';

/** The engine surface the harness uses (see server/src/core/index.ts). */
type Engine = typeof import('../../server/src/core/index');

/** Command-line options. */
interface Options {
  json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      const file = argv[++i];
      if (!file) throw new Error('--json needs a file name');
      options.json = file;
    } else if (argv[i].startsWith('--json=')) options.json = argv[i].slice('--json='.length);
    else throw new Error(`unknown argument: ${argv[i]} (usage: tsx tools/eval/run.ts [--json FILE])`);
  }
  return options;
}

/** Sentences whose double quotes do not pair up: the engine may carry such a quote into the next paragraph. */
const unbalancedQuotes = (texts: readonly string[]): number =>
  texts.filter((t) => (t.match(/"/g)?.length ?? 0) % 2 === 1 || (t.match(/\u201c/g)?.length ?? 0) !== (t.match(/\u201d/g)?.length ?? 0)).length;

/** The headline rows of every set again, once for its tune half and once for its check half. */
function halfRows(
  kept: { babe: SpanFinding[][]; checkthat: SpanFinding[][]; npov: SpanFinding[][] },
  babe: ReadonlyArray<{ text: string; biased: boolean; biased_words: string[] }>,
  checkThat: ReadonlyArray<{ text: string; subjective: boolean }>,
  npov: ReadonlyArray<{ text: string; subset: string }>,
): Row[] {
  const rows: Row[] = [];
  const babeSplit = splitIndexes(babe.map((r) => r.text));
  const checkSplit = splitIndexes(checkThat.map((r) => r.text));
  const npovSplit = splitIndexes(npov.map((r) => r.text));
  for (const half of HALVES) {
    const b = babeSplit[half];
    const babeFound = pick(kept.babe, b);
    rows.push(prRow({ set: `babe · ${half}`, system: 'copydesk', family: 'loaded+editorializing', unit: 'sentence' }, sentenceTallies(babeFound, pick(babe, b).map((r) => r.biased), 'loaded+editorializing')));
    rows.push(wordRows({ set: `babe · ${half}`, system: 'copydesk', family: 'loaded' }, pick(babe, b).map((r) => r.text), pick(babe, b).map((r) => r.biased_words), babeFound, 'loaded')[0]);
    const c = checkSplit[half];
    rows.push(prRow({ set: `checkthat · ${half}`, system: 'copydesk', family: 'editorializing', unit: 'sentence' }, sentenceTallies(pick(kept.checkthat, c), pick(checkThat, c).map((r) => r.subjective), 'editorializing')));
    const n = npovSplit[half];
    for (const subset of ['featured', 'cw-hard'] as const) {
      const inSubset = n.filter((index) => npov[index].subset === subset);
      rows.push(fpRow({ set: `wiki-npov ${subset} · ${half}`, system: 'copydesk', family: 'npov-fp', unit: 'sentence, fp rate' }, flaggedBy(pick(kept.npov, inSubset), 'npov-fp')));
    }
  }
  return rows.sort((x, y) => x.set.localeCompare(y.set));
}

async function main(): Promise<void> {
  const began = performance.now();
  const options = parseArgs(process.argv.slice(2));
  const dir = evalDir();
  const babe = loadBabe(dir);
  const checkThat = loadCheckThat(dir);
  const npov = loadNpov(dir);
  const recasens = loadRecasens(dir);
  const polnear = POLNEAR_SPLITS.map((split) => ({ split, rows: loadPolnear(dir, split) }));

  const engine: Engine = await import('../../server/src/core/index');
  const listPhrases = [...engine.wordLists.loadedTerms, ...engine.wordLists.loadedVerbs].flatMap((e) => [e.term, ...e.forms]);
  // The reference lines report every match as a loaded term: they are lists of loaded words, no more.
  const systems: Record<string, LintFn> = {
    copydesk: (text) => engine.lint(text, { format: 'plaintext' }),
    'recasens-lexicon': surfaceMatcher(recasens, 'loaded-term'),
    'copydesk-list-no-context': surfaceMatcher(listPhrases, 'loaded-term'),
  };

  const rows: Row[] = [];
  const notes: string[] = [];
  // Copydesk's findings per sentence of each set, for the tune and check halves below.
  const kept: { babe?: SpanFinding[][]; checkthat?: SpanFinding[][]; npov?: SpanFinding[][] } = {};
  const timed = (set: string, system: string, texts: readonly string[]): ReturnType<typeof lintSet> => {
    const t0 = performance.now();
    const result = lintSet(texts, systems[system]);
    const seconds = ((performance.now() - t0) / 1000).toFixed(2);
    let note = `${set} × ${system}: ${texts.length} sentences in ${seconds} s`;
    if (result.unmapped > 0) note += `, ${result.unmapped} finding(s) outside every sentence ignored`;
    if (result.clipped > 0) note += `, ${result.clipped} finding(s) starting in the blank line before a sentence counted for it`;
    notes.push(note);
    return result;
  };

  // BABE: sentence level against `biased`, word level against `biased_words`.
  const babeLabels = babe.map((r) => r.biased);
  const babeWords = babe.map((r) => r.biased_words);
  for (const system of Object.keys(systems)) {
    const { perSentence, joined } = timed('babe', system, babe.map((r) => r.text));
    if (system === 'copydesk') kept.babe = perSentence;
    const families: Family[] = system === 'copydesk' ? ['loaded', 'editorializing', 'loaded+editorializing', 'attribution', 'any'] : ['loaded'];
    for (const family of families) rows.push(prRow({ set: 'babe', system, family, unit: 'sentence' }, sentenceTallies(perSentence, babeLabels, family)));
    rows.push(...wordRows({ set: 'babe', system, family: 'loaded' }, joined.sentences, babeWords, perSentence, 'loaded'));
  }

  // CheckThat!: sentence level against `subjective`.
  {
    const { perSentence } = timed('checkthat', 'copydesk', checkThat.map((r) => r.text));
    kept.checkthat = perSentence;
    const labels = checkThat.map((r) => r.subjective);
    for (const family of ['editorializing', 'loaded', 'loaded+editorializing', 'attribution', 'any'] as const) {
      rows.push(prRow({ set: 'checkthat', system: 'copydesk', family, unit: 'sentence' }, sentenceTallies(perSentence, labels, family)));
    }
  }

  // Wikipedia NPOV: P/R on the whole set, then false-positive rates on the two neutral subsets.
  for (const system of Object.keys(systems)) {
    const { perSentence } = timed('wiki-npov', system, npov.map((r) => r.text));
    if (system === 'copydesk') kept.npov = perSentence;
    if (system === 'copydesk') {
      const labels = npov.map((r) => r.biased);
      for (const family of ['attribution', 'any'] as const) {
        rows.push(prRow({ set: 'wiki-npov', system, family, unit: 'sentence' }, sentenceTallies(perSentence, labels, family)));
      }
    }
    const families: Family[] = system === 'copydesk' ? ['loaded', 'editorializing', 'attribution', 'npov-fp', 'any'] : ['loaded'];
    for (const subset of ['featured', 'cw-hard'] as const) {
      const inSubset = perSentence.filter((_, i) => npov[i].subset === subset);
      for (const family of families) rows.push(fpRow({ set: `wiki-npov ${subset}`, system, family, unit: 'sentence, fp rate' }, flaggedBy(inSubset, family)));
    }
  }

  console.log(renderTable(rows));
  console.log('');
  const halves = halfRows(kept as Required<typeof kept>, babe, checkThat, npov);
  rows.push(...halves);
  console.log('Tune and check halves (Copydesk; each sentence in a fixed half by a hash of its text: work against tune, keep a change only when check improves too)\n');
  console.log(renderTable(halves));
  console.log('');
  console.log('95% CI: percentile bootstrap over sentences, 1000 resamples, fixed seed; of precision, or of the fp rate on fp-rate rows.');
  console.log('word rows leave out biased words inside quotation marks; "word, in quotes" rows count those (quoted speech).');
  console.log(`data: ${dir}`);
  for (const [set, texts] of [['babe', babe], ['checkthat', checkThat], ['wiki-npov', npov]] as const) {
    const odd = unbalancedQuotes(texts.map((r) => r.text));
    if (odd > 0) notes.push(`${set}: ${odd} sentence(s) with unpaired double quotes`);
  }
  for (const note of notes) console.log(`note: ${note}`);

  // PolNeAR: each article linted and attributed on its own, as the scorer lints one .txt file per article.
  const polnearResults: PolnearResult[] = [];
  const polnearNotes: string[] = [];
  for (const { split, rows: articles } of polnear) {
    const t0 = performance.now();
    const findings = new Map<string, SpanFinding[]>();
    const sources = new Map<string, EngineAttribution[]>();
    for (const article of articles) {
      const draft = draftAsCliReads(article.text);
      findings.set(article.id, engine.lint(draft, { format: 'plaintext' }));
      sources.set(article.id, engine.attribute(draft, { format: 'plaintext' }));
    }
    polnearResults.push(scorePolnear(split, articles, findings, sources));
    const attributions = articles.reduce((n, a) => n + a.attributions.length, 0);
    polnearNotes.push(`polnear-${split}: ${articles.length} articles, ${attributions} annotated attributions, linted and attributed in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  }
  console.log('');
  console.log(renderPolnear(polnearResults));
  console.log('');
  console.log('flags inside: loaded-term, editorializing, uncited-figure, scare-quotes, unattributed-claim, hedged-attribution and unattributed-quote findings wholly inside the content of a named source (their words, not the reporter\'s: a wrong flag).');
  console.log('content P/R/F1: \\w+ words (counted where they start) in the engine\'s attribution content against annotated content. speaker match: of annotated attributions with a source whose content the engine finds, the share whose engine speaker overlaps the annotated source.');
  console.log('train is for reading and tuning; dev is for checking. Same figures as ../shared/eval/polnear_score.py.');
  for (const note of polnearNotes) console.log(`note: ${note}`);
  if (options.json) {
    writeFileSync(resolve(options.json), `${JSON.stringify({ rows, polnear: polnearResults }, null, 2)}\n`);
    console.log(`wrote ${rows.length} rows and ${polnearResults.length} PolNeAR splits to ${resolve(options.json)}`);
  }
  console.log(`elapsed: ${((performance.now() - began) / 1000).toFixed(2)} s`);
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
