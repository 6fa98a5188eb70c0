/**
 * Shared plumbing for rule plugins: each rule reports through vfile messages with the fields
 * retext-equality uses (ruleId, source, place, actual, expected, note, url).
 */
import type { VFile } from 'vfile';
import type { ParagraphModel } from '../attribution';
import { LineIndex } from '../text-index';
import type { RuleId } from '../types';
import { ruleUrl } from './rule';
import { startsUpper } from '../letters';

/** What a rule says about one span of a paragraph. */
export interface Report {
  ruleId: RuleId;
  start: number;
  end: number;
  message: string;
  suggestions?: string[];
  note: string;
  /**
   * The most this finding may weigh, whatever the rule's level: a vague round magnitude ("billions of
   * dollars") is worth a note, not a warning. Below the rule's level it changes nothing.
   */
  atMost?: 'information' | 'hint';
}

/** The paragraph model the attribution plugin left for the rules. */
export function paragraphModel(file: VFile): ParagraphModel {
  const model = file.data.copydeskModel as ParagraphModel | undefined;
  if (!model) throw new Error('copydesk: the attribution plugin must run before the rules');
  return model;
}

/** Adds a finding to the paragraph's file, with points the vfile can print. */
export function report(file: VFile, finding: Report): void {
  const text = String(file.value);
  const message = file.message(finding.message, {
    place: { start: point(file, text, finding.start), end: point(file, text, finding.end) },
    ruleId: finding.ruleId,
    source: 'copydesk',
  });
  message.actual = text.slice(finding.start, finding.end);
  message.expected = finding.suggestions ?? [];
  message.note = finding.note;
  message.url = ruleUrl(finding.ruleId);
  if (finding.atMost) (message as { copydeskAtMost?: string }).copydeskAtMost = finding.atMost;
}

const lineIndexes = new WeakMap<VFile, LineIndex>();

/** Line and column (1-based, as vfile counts them) of an offset; the paragraph's line index is built once. */
function point(file: VFile, text: string, offset: number): { line: number; column: number; offset: number } {
  let index = lineIndexes.get(file);
  if (!index) lineIndexes.set(file, (index = new LineIndex(text)));
  const { line, character } = index.positionAt(offset);
  return { line: line + 1, column: character + 1, offset };
}

/** Quotes a span of copy for a message, with typographic quotes so it reads as copy. */
export function quoted(text: string): string {
  return `\u201c${text.replace(/\s+/g, ' ')}\u201d`;
}

/** Matches an alternative's capitalisation to the flagged text ("Dictator" -> "Leader"). */
export function matchCase(alternative: string, actual: string): string {
  if (startsUpper(actual) && !startsUpper(alternative)) return alternative[0].toUpperCase() + alternative.slice(1);
  return alternative;
}
