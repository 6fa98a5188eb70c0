/** The fixture drafts and how their expected findings are recorded. */
import { join } from 'node:path';
import { formatForPath } from '../server/src/cli/main';
import { toJsonFinding } from '../server/src/cli/formats/json';
import { lint } from '../server/src/core/index';

/** Where the real drafts with their expected findings live. */
export const FIXTURE_DIR = join(__dirname, '..', 'test-fixtures');

/** Whether a file in the fixture folder is a draft (not an expectation or a config). */
export function isFixture(name: string): boolean {
  return formatForPath(name) !== undefined;
}

/** The recorded shape of a finding: enough to pin rule, place and text, without message wording. */
export function fixtureFindings(name: string, text: string): Array<Record<string, unknown>> {
  const format = formatForPath(name);
  if (!format) throw new Error(`${name} is not a draft`);
  // The command line's JSON finding, without the message wording and the offsets.
  return lint(text, { format }).map((finding) => {
    const { message: _message, offset: _offset, endOffset: _endOffset, ...recorded } = toJsonFinding(finding);
    return recorded;
  });
}
