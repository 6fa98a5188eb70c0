/**
 * Copydesk's engine: a pure function from (text, format, config) to findings. No editor, LSP or
 * Node imports here; hosts (the CLI, the language server) inject configuration and read files.
 */
import { resolveConfig, type CopydeskConfig } from './config';
import { createLinter, type Linter } from './engine';
import type { SourceAttribution } from './attribution/document';
import type { Finding, Format } from './types';

export { DEFAULT_CONFIG, parseConfig, resolveConfig, RULE_LEVELS, type ConfigProblem, type ConfigTerm, type CopydeskConfig } from './config';
export { createLinter, type Linter, type LinterStats } from './engine';
export type { AttributionKind } from './attribution';
export type { SourceAttribution, TextSpan } from './attribution/document';
export { summariseSources, type SourceGroup, type SourcingSummary } from './attribution/summary';
export { RULE_IDS, RULES, ruleUrl, rulesWithFix, type RuleFix, type RuleId, type RuleInfo } from './rules/index';
export type { Finding, Format, Position, Severity } from './types';
export { SEVERITIES } from './types';
export { LineIndex } from './text-index';
export { escapeRegExp } from './patterns';
export { wordLists } from './vocabulary';

/** Options for {@link lint}. */
export interface LintOptions {
  format: Format;
  config?: Partial<CopydeskConfig>;
}

const linters = new Map<string, Linter>();
const LINTER_LIMIT = 16;

/** Lints a news draft. Deterministic: the same text, format and config give the same findings in the same order. */
export function lint(text: string, options: LintOptions): Finding[] {
  return linterFor(options.config).lint(text, options.format);
}

/**
 * Who is cited for what in a news draft, in document order: each speaker (or null when carried over from
 * the paragraph before), the full name it stands for, the reporting verb, the reported words, the kind of
 * source and whether it is quoted. The rules read the same model, so a report and the findings agree.
 */
export function attribute(text: string, options: LintOptions): SourceAttribution[] {
  return linterFor(options.config).attribute(text, options.format);
}

/** One linter per configuration, kept for its paragraph cache. */
function linterFor(partial: Partial<CopydeskConfig> | undefined): Linter {
  const config = resolveConfig(partial);
  const fingerprint = JSON.stringify(config);
  let linter = linters.get(fingerprint);
  if (!linter) {
    if (linters.size >= LINTER_LIMIT) linters.clear();
    linter = createLinter(config);
    linters.set(fingerprint, linter);
  }
  return linter;
}
