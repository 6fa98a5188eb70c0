/** Helpers for the attribution tests: who the model gives a draft's words to, as a reader would check it. */
import { attribute, type SourceAttribution } from '../index';

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
