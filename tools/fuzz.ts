/**
 * `npm run fuzz [-- --minutes N] [-- --seed S]`: the property tests' checks with a random seed, for
 * minutes rather than seconds: the engine's (ranges, determinism, line endings; see
 * server/src/core/properties.ts), every quick-fix's (server/src/lsp/quick-fix-properties.ts) and the
 * config parser's (never throws, problems inside the text). Prints the seed, the inputs tried and each
 * failure with its shrunk counterexample and the command that replays it.
 */
import fc from 'fast-check';
import { attribute, createLinter, lint, parseConfig, type Format } from '../server/src/core/index';
import { HOSTILE_SHAPES, hostileDraft } from '../server/src/core/hostile-shapes';
import { checkAttributions, checkFindings, draftArbitrary, lineEndingSummary } from '../server/src/core/properties';
import { checkQuickFixes } from '../server/src/lsp/quick-fix-properties';

const option = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
};
const minutes = option('minutes') ?? 2;
const replaySeed = option('seed');
const RUNS_PER_ROUND = 200;
const formats = fc.constantFrom<Format>('markdown', 'plaintext', 'newsdraft');
/** Drafts up to several times longer than the unit tests', so long-range state (quotes, fences) is exercised. */
const drafts = fc.oneof(draftArbitrary(60), draftArbitrary(400));
const yamlish = fc
  .array(fc.oneof(fc.constantFrom('rules:', 'allow:', 'sources:', 'loaded_terms:', '  - ', 'term: ', 'alternatives: ', '\n', '  ', '[', ']', '{', '}', ', ', '&a ', '*a', '!!js/function ', '!x ', '? ', ': ', '---\n', '"', "'", '#', 'loaded-term', 'off', '\t', '\u0000', '\uFEFF', '|\n', '>-\n', '<<: '), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/** Inputs tried per property (shrinking included, when a failure is shrunk). */
const tried: Record<string, number> = { engine: 0, 'quick-fixes': 0, config: 0 };
const properties: Record<string, fc.IPropertyWithHooks<never>> = {
  engine: fc.property(drafts, formats, (text, format) => {
    tried.engine++;
    const findings = lint(text, { format });
    const problems = checkFindings(text, findings);
    if (problems.length > 0) throw new Error(problems.join('; '));
    if (JSON.stringify(lint(text, { format })) !== JSON.stringify(findings)) throw new Error('two lints of the same text differ');
    const attributionProblems = checkAttributions(text, attribute(text, { format }));
    if (attributionProblems.length > 0) throw new Error(attributionProblems.join('; '));
    if (format !== 'newsdraft') {
      const lf = text.replace(/\r\n?/g, '\n');
      if (JSON.stringify(lineEndingSummary(lint(lf.replace(/\n/g, '\r\n'), { format }))) !== JSON.stringify(lineEndingSummary(lint(lf, { format })))) throw new Error('CRLF and LF give different findings');
    }
  }) as never,
  'quick-fixes': fc.property(drafts, formats, (text, format) => {
    tried['quick-fixes']++;
    const problems = checkQuickFixes(text, format);
    if (problems.length > 0) throw new Error(problems.join('; '));
  }) as never,
  config: fc.property(yamlish, (text) => {
    tried.config++;
    for (const problem of parseConfig(text).problems) {
      if (!(problem.offset >= 0 && problem.endOffset <= text.length && problem.line >= 1)) throw new Error(`problem outside the text: ${JSON.stringify(problem)}`);
    }
  }) as never,
};

const seed = replaySeed ?? Math.floor(Math.random() * 2 ** 31);
const started = Date.now();
const deadline = started + minutes * 60_000;
const failures: string[] = [];
console.log(replaySeed === undefined ? `fuzzing ${Object.keys(properties).join(', ')} for ${minutes} min with seed ${seed}` : `replaying one round of seed ${seed}`);

// Rounds of each property in turn, seeded seed, seed+1, ...: a failure names its round's seed.
for (let round = 0; Date.now() < deadline && (replaySeed === undefined || round === 0); round++) {
  for (const [name, property] of Object.entries(properties)) {
    const result = fc.check(property, { seed: seed + round, numRuns: RUNS_PER_ROUND });
    if (result.failed) {
      failures.push(`${name}, seed ${seed + round}: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\n    counterexample: ${JSON.stringify(result.counterexample)}\n    replay: npm run fuzz -- --seed ${seed + round}`);
    }
  }
}
// The hostile shapes, timed at n and 2n characters (256 and 512 KB, within the documented limits): a
// ratio well above 2 is superlinear growth. Timed here rather than in the tests, which must not depend on
// the machine's speed; the best of three runs keeps a stray pause out of the figure.
const SHAPE_SIZES = [256 * 1024, 512 * 1024];
const bestOf = (run: () => void): number => Math.min(...[0, 1, 2].map(() => { const start = performance.now(); run(); return performance.now() - start; }));
console.log('hostile shapes, time at 256 KB and 512 KB:');
for (const shape of HOSTILE_SHAPES) {
  const [small, large] = SHAPE_SIZES.map((size) => { const text = hostileDraft(shape, size); return bestOf(() => createLinter().lint(text, shape.format)); });
  const ratio = large / Math.max(small, 1);
  console.log(`  ${shape.name.padEnd(36)} ${small.toFixed(0).padStart(6)} ms ${large.toFixed(0).padStart(6)} ms  x${ratio.toFixed(2)}`);
  // Below 50 ms the ratio is noise; above it, 3 is well past linear.
  if (large > 50 && ratio > 3) failures.push(`hostile shape "${shape.name}" grows superlinearly: ${small.toFixed(0)} ms at 256 KB, ${large.toFixed(0)} ms at 512 KB`);
}

const seconds = Math.round((Date.now() - started) / 1000);
const total = Object.values(tried).reduce((sum, count) => sum + count, 0);
console.log(`${seconds} s; inputs tried: ${total} (${Object.entries(tried).map(([name, count]) => `${name} ${count}`).join(', ')}); failures: ${failures.length}`);
failures.forEach((failure) => console.log(`  ${failure}`));
process.exitCode = failures.length > 0 ? 1 : 0;
