/**
 * Rewrites `test-fixtures/*.expected.json` from the engine's current output. Run it after a deliberate
 * change to the rules, then read the diff: the fixture test compares these files exactly.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureFindings, FIXTURE_DIR, isFixture } from '../test/fixtures';

for (const name of readdirSync(FIXTURE_DIR).filter(isFixture)) {
  const expected = fixtureFindings(name, readFileSync(join(FIXTURE_DIR, name), 'utf8'));
  writeFileSync(join(FIXTURE_DIR, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`${name}: ${expected.length} findings`);
}
