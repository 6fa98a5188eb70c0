/**
 * What a rule is: one module per rule exports its manifest (`meta`) beside its check (`create`), as ESLint
 * rules export `{ meta, create }`. Everything that lists rules (the id list, the settings enum and the
 * schema's id pattern, `copydesk rules`, the README's table) is read or generated from these manifests.
 */
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import type { Severity } from '../types';
import type { RuleOptions } from './options';

/** The keys of `.copydesk.yml` a rule may read, besides its own severity under `rules:`. */
export type ConfigKey = 'allow' | 'loaded_terms' | 'sources' | 'not_figures' | 'require_anonymity_reason';

/** A quick-fix a rule's findings get in the editor besides their replacements. */
export type RuleFix = 'add-attribution' | 'allow-term';

/** A rule's manifest: all that is said about it anywhere outside its check. */
export interface RuleMeta<Id extends string = string> {
  /** Stable API: config key, diagnostic code, disable-comment name. Also the module's and its page's file name. */
  id: Id;
  defaultSeverity: Severity;
  /** One line, for rule listings, settings and SARIF. */
  description: string;
  /** What it flags, with examples, for the README's rule table (markdown, one line). */
  flags: string;
  /** The guidance the rule rests on. */
  guidance: string;
  /** The `.copydesk.yml` keys that change what it flags. */
  options: readonly ConfigKey[];
  /**
   * The editor's quick-fixes beyond a finding's own replacements: `add-attribution` inserts ", according to
   * TK," where the claim needs a source; `allow-term` adds the flagged term to the project's `allow:` list.
   */
  fixes: readonly RuleFix[];
  /**
   * Copy it flags and copy it leaves alone, side by side (our own writing). A test lints each: every
   * `flagged` example gets a finding of this rule and no `quiet` one does.
   */
  examples: { flagged: readonly string[]; quiet: readonly string[] };
}

/** A rule's check: a unified plugin over one paragraph, reading the attribution model the engine left on the file. */
export type RulePlugin = (options: RuleOptions) => (tree: Root, file: VFile) => void;

/** A rule module's default export. */
export interface RuleModule<Id extends string = string> {
  meta: RuleMeta<Id>;
  create: RulePlugin;
}

/** Declares a rule, keeping its id as a literal type so the id list is typed from the manifests. */
export function defineRule<const Id extends string>(rule: RuleModule<Id>): RuleModule<Id> {
  return rule;
}

/** Where each rule's documentation lives (diagnostics link here as `codeDescription`). */
export const RULE_DOCS_BASE = 'https://github.com/copydesk/copydesk/blob/main/docs/rules/';

/** Documentation address of a rule. */
export function ruleUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
