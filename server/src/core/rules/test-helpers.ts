/** Helpers for the per-rule tests: lint a snippet of copy and read one rule's findings. */
import { lint } from '../index';
import type { Finding, Format, RuleId } from '../types';
import type { CopydeskConfig } from '../config';

/** The findings of one rule on a piece of copy. */
export function findingsOf(ruleId: RuleId, text: string, format: Format = 'plaintext', config?: Partial<CopydeskConfig>): Finding[] {
  return lint(text, { format, config }).filter((finding) => finding.ruleId === ruleId);
}

/** The flagged texts (`actual`) of one rule on a piece of copy. */
export function flagged(ruleId: RuleId, text: string, format: Format = 'plaintext', config?: Partial<CopydeskConfig>): string[] {
  return findingsOf(ruleId, text, format, config).map((finding) => finding.actual);
}

/** A case that must fire: the copy, and the text the rule must flag in it. */
export interface FlagCase {
  text: string;
  flags: string;
}
