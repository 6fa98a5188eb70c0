/**
 * Public types of the Copydesk engine. The engine is a pure function of (text, format, config):
 * nothing here may depend on an editor, the LSP or Node's standard library.
 */

/** Stable rule identifiers, typed from the rule manifests (the registry is `rules/index.ts`). */
import type { RuleId } from './rules/index';

export type { RuleId };

/** Severity of a finding, named as LSP names them. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The kinds of input the engine reads. */
export type Format = 'markdown' | 'plaintext' | 'newsdraft';

/** A place in the text: 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** A finding: what the copy desk would query, where, why, and what to write instead. */
export interface Finding {
  ruleId: RuleId | 'copydesk-directive' | 'copydesk-config';
  severity: Severity;
  message: string;
  /** 0-based UTF-16 offset of the first code unit of the flagged text. */
  offset: number;
  /** 0-based UTF-16 offset just past the flagged text. */
  endOffset: number;
  start: Position;
  end: Position;
  /** The flagged text, exactly as it stands in the document. */
  actual: string;
  /** Replacement strings, best first; empty when no mechanical fix is safe. */
  suggestions: string[];
  /** Why this is flagged, and the guidance it rests on. */
  note: string;
  /** The rule's documentation. */
  url: string;
}
