/** Helpers for the attribution tests: who the model gives a draft's words to, as a reader would check it. */
import { attribute, lint, type SourceAttribution } from '../index';

/** One attribution as a reader would check it: who, by which cue, saying what. */
export interface Seen {
  speaker: string | null;
  resolved: string | null;
  cue: string | null;
  kind: string;
  direct: boolean;
  content: string[];
}

/** Every attribution of a plain-text draft, as text. */
export const seen = (text: string): Seen[] =>
  attribute(text, { format: 'plaintext' }).map((source: SourceAttribution) => ({
    speaker: source.speaker?.text ?? null,
    resolved: source.resolved,
    cue: source.cue?.text ?? null,
    kind: source.kind,
    direct: source.direct,
    content: source.content.map((range) => text.slice(range.offset, range.endOffset)),
  }));

/** The speaker the model gives for the words `said` (its resolved name), null when carried over, undefined for none. */
export const speakerOf = (text: string, said: string): string | null | undefined => {
  const at = text.indexOf(said);
  const source = attribute(text, { format: 'plaintext' }).find((candidate) => candidate.content.some((range) => range.offset <= at && at + said.length <= range.endOffset));
  return source === undefined ? undefined : (source.resolved ?? source.speaker?.text ?? null);
};

/** The text of each finding of the given rules on a plain-text draft, in order. */
export const flagged = (text: string, ...rules: string[]): string[] =>
  lint(text, { format: 'plaintext' })
    .filter((finding) => rules.includes(finding.ruleId))
    .map((finding) => text.slice(finding.offset, finding.endOffset));

/** The figures `uncited-figure` flags in a draft. */
export const figures = (text: string): string[] => flagged(text, 'uncited-figure');

/** How many quotations `unattributed-quote` flags in a draft. */
export const unattributedQuotes = (text: string): number => flagged(text, 'unattributed-quote').length;
