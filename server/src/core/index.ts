/**
 * Copydesk's engine: a pure function from (text, format, config) to findings. No editor, LSP or
 * Node imports here; hosts (the CLI, the language server) inject configuration and read files.
 */
import { resolveConfig, type CopydeskConfig } from './config';
import { createLinter, type Linter } from './engine';
import type { Finding, Format } from './types';

export { DEFAULT_CONFIG, parseConfig, resolveConfig, RULE_LEVELS, type ConfigProblem, type ConfigTerm, type CopydeskConfig } from './config';
export { createLinter, type Linter, type LinterStats, type SourceMention } from './engine';
export { RULES, ruleUrl, type RuleInfo } from './rules/catalog';
export { RULE_IDS, type Finding, type Format, type Position, type RuleId, type Severity } from './types';
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
  const config = resolveConfig(options.config);
  const fingerprint = JSON.stringify(config);
  let linter = linters.get(fingerprint);
  if (!linter) {
    if (linters.size >= LINTER_LIMIT) linters.clear();
    linter = createLinter(config);
    linters.set(fingerprint, linter);
  }
  return linter.lint(text, options.format);
}
