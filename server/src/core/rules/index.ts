/**
 * The rule registry: the one list of rules. Every other list (the id type, the settings enum and schema
 * pattern, `copydesk rules`, the README's table) comes from the manifests here; `npm run generate` writes
 * the generated ones and a test fails when a committed copy drifts.
 */
import anonymousSource from './anonymous-source';
import editorializing from './editorializing';
import hedgedAttribution from './hedged-attribution';
import loadedTerm from './loaded-term';
import loadedVerb from './loaded-verb';
import type { RuleFix, RuleMeta, RuleModule } from './rule';
import scareQuotes from './scare-quotes';
import unattributedClaim from './unattributed-claim';
import unattributedQuote from './unattributed-quote';
import uncitedFigure from './uncited-figure';
import unfilledPlaceholder from './unfilled-placeholder';

/** Every rule module, in the order rules are listed (DESIGN.md's table). */
export const RULE_MODULES = [
  unattributedClaim,
  anonymousSource,
  hedgedAttribution,
  unattributedQuote,
  loadedTerm,
  loadedVerb,
  editorializing,
  scareQuotes,
  uncitedFigure,
  unfilledPlaceholder,
] as const;

/** Stable rule identifiers: config keys, diagnostic codes and disable-comment names. */
export type RuleId = (typeof RULE_MODULES)[number]['meta']['id'];

/** The rule ids, in listing order. */
export const RULE_IDS: readonly RuleId[] = RULE_MODULES.map((rule) => rule.meta.id);

/** What every rule is, for documentation, `copydesk rules` and diagnostics. */
export type RuleInfo = RuleMeta<RuleId>;

/** The manifests, in listing order. */
export const RULES: readonly RuleInfo[] = RULE_MODULES.map((rule) => rule.meta);

/** A rule's module by id. */
export const ruleModule = (id: RuleId): RuleModule<RuleId> => RULE_MODULES.find((rule) => rule.meta.id === id)!;

export { ruleUrl, RULE_DOCS_BASE, type ConfigKey, type RuleFix, type RuleMeta, type RuleModule, type RulePlugin } from './rule';

/** The ids of the rules whose findings get a quick-fix of this kind in the editor. */
export const rulesWithFix = (fix: RuleFix): ReadonlySet<RuleId> => new Set(RULES.filter((rule) => rule.fixes.includes(fix)).map((rule) => rule.id));
