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

/** The file a regeneration proposes beside a draft's reviewed expectation, until it is accepted. */
export const proposedName = (name: string): string => `${name}.expected.proposed.json`;

/** One recorded finding as a reviewer reads it: place, rule, severity, flagged text, suggestions. */
export function reviewLine(finding: Record<string, unknown>): string {
  const suggestions = Array.isArray(finding.suggestions) && finding.suggestions.length > 0 ? ` -> ${finding.suggestions.join(' | ')}` : '';
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId} (${finding.severity}) ${JSON.stringify(finding.actual)}${suggestions}`;
}

/**
 * What changed between the reviewed findings and the engine's: the lines gone ("- ") and the lines new
 * ("+ "), in document order, a finding that moved showing as one of each. Empty when nothing changed.
 */
export function findingsDiff(reviewed: Array<Record<string, unknown>>, proposed: Array<Record<string, unknown>>): string[] {
  const count = (lines: string[]): Map<string, number> => lines.reduce((counts, line) => counts.set(line, (counts.get(line) ?? 0) + 1), new Map<string, number>());
  const before = reviewed.map(reviewLine);
  const after = proposed.map(reviewLine);
  const remaining = count(after);
  const gone = before.filter((line) => {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    return left === 0;
  });
  const kept = count(before);
  const added = after.filter((line) => {
    const left = kept.get(line) ?? 0;
    if (left > 0) kept.set(line, left - 1);
    return left === 0;
  });
  return [...gone.map((line) => `- ${line}`), ...added.map((line) => `+ ${line}`)];
}
