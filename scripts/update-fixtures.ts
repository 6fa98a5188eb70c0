/**
 * Proposes new expected findings for the reference drafts in `test-fixtures/`, for review. The reviewed
 * `*.expected.json` files are never overwritten here: where the engine's findings differ, this writes
 * `*.expected.proposed.json` beside them and prints what changed; the fixture test fails until the
 * proposal is accepted (`npm run fixtures -- --accept`) or the change in the engine is undone.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingsDiff, fixtureFindings, FIXTURE_DIR, isFixture, proposedName } from '../test/fixtures';

const accept = process.argv.includes('--accept');
let pending = 0;
for (const name of readdirSync(FIXTURE_DIR).filter(isFixture)) {
  const expectedPath = join(FIXTURE_DIR, `${name}.expected.json`);
  const proposedPath = join(FIXTURE_DIR, proposedName(name));
  if (accept) {
    if (existsSync(proposedPath)) {
      renameSync(proposedPath, expectedPath);
      console.log(`${name}: accepted the proposed findings`);
    }
    continue;
  }
  const reviewed = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Array<Record<string, unknown>>) : [];
  const proposed = fixtureFindings(name, readFileSync(join(FIXTURE_DIR, name), 'utf8'));
  const diff = findingsDiff(reviewed, proposed);
  if (diff.length === 0 && existsSync(expectedPath)) {
    rmSync(proposedPath, { force: true });
    console.log(`${name}: ${proposed.length} finding(s), as reviewed`);
    continue;
  }
  pending++;
  writeFileSync(proposedPath, `${JSON.stringify(proposed, null, 2)}\n`);
  console.log(`${name}: ${diff.length} change(s) against the reviewed findings, proposed in ${proposedName(name)}:`);
  for (const line of diff) console.log(`  ${line}`);
}
if (pending > 0) {
  console.log('\nRead each change as a copy editor would. If every one is right: npm run fixtures -- --accept');
  process.exitCode = 1;
}
