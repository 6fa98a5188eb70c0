/**
 * `npm run fuzz [-- --minutes N]`: the engine's properties (see server/src/core/properties.ts) with a
 * random seed for minutes rather than seconds. Prints the seed, the inputs tried and any failure with
 * its shrunk counterexample, so a failure can be replayed with the same seed.
 */
import fc from 'fast-check';
import { lint } from '../server/src/core/index';
import { checkFindings, draftArbitrary } from '../server/src/core/properties';

const minutes = Number(process.argv[process.argv.indexOf('--minutes') + 1]) || 2;
const seed = Date.now() % 2 ** 31;
const deadline = Date.now() + minutes * 60_000;
let tried = 0;
const failures: string[] = [];
console.log(`fuzzing for ${minutes} min with seed ${seed}`);

for (let round = 0; Date.now() < deadline; round++) {
  const result = fc.check(
    fc.property(draftArbitrary(), fc.constantFrom('markdown', 'plaintext', 'newsdraft' as const), (text, format) => {
      tried++;
      const findings = lint(text, { format });
      const problems = checkFindings(text, findings);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const again = lint(text.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n'), { format });
      if (again.length !== lint(text.replace(/\r\n?/g, '\n'), { format }).length) throw new Error('CRLF and LF give different findings');
    }),
    { seed: seed + round, numRuns: 500 },
  );
  if (result.failed) failures.push(`seed ${seed + round}: ${String(result.errorInstance)} on ${JSON.stringify(result.counterexample)}`);
}
console.log(`inputs tried: ${tried}; failures: ${failures.length}`);
failures.forEach((failure) => console.log(`  ${failure}`));
process.exitCode = failures.length > 0 ? 1 : 0;
