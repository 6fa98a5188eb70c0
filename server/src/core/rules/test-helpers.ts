/** Helpers for the per-rule tests: lint a snippet of copy and read one rule's findings. */
import { expect, it } from 'vitest';
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

/**
 * Realistic copy the engine gets wrong today, with what it does instead (`engine`: the spans it flags).
 * Kept beside each rule's cases and checked as recorded, so the gap stays visible and a fix shows up as a
 * failing record to move into the rule's tables.
 */
export interface KnownGaps {
  mustFlag: Array<FlagCase & { engine: string[] }>;
  mustNotFlag: Array<{ text: string; engine: string[] }>;
}

/**
 * The tables every rule test has: copy the rule must flag, copy it must leave alone, and the known gaps,
 * each checked to still behave as recorded.
 */
export function itFlagsAndLeavesAlone(ruleId: RuleId, mustFlag: FlagCase[], mustNotFlag: string[], knownGaps?: KnownGaps): void {
  it.each(mustFlag)('flags $flags in: $text', ({ text, flags }) => {
    expect(flagged(ruleId, text)).toContain(flags);
  });
  it.each(mustNotFlag)('leaves alone: %s', (text) => {
    expect(flagged(ruleId, text)).toEqual([]);
  });
  const gaps = knownGaps ? [...knownGaps.mustFlag, ...knownGaps.mustNotFlag] : [];
  if (gaps.length > 0) {
    it.each(gaps)('known gap, as recorded: $text', ({ text, engine }) => {
      expect(flagged(ruleId, text)).toEqual(engine);
    });
  }
}
