import type { RuleId, Severity } from '../types';

/** What every rule is, for documentation, `copydesk rules` and diagnostics. */
export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line, for rule listings. */
  description: string;
  /** The guidance the rule rests on. */
  guidance: string;
}

/** Where each rule's documentation lives (diagnostics link here as `codeDescription`). */
export const RULE_DOCS_BASE = 'https://github.com/copydesk/copydesk/blob/main/docs/rules/';

/** The ten rules, in the order of DESIGN.md's table. */
export const RULES: readonly RuleInfo[] = [
  { id: 'unattributed-claim', defaultSeverity: 'warning', description: 'A vague group with a belief or speech verb, an agentless passive, or evidence with no one behind it.', guidance: 'Wikipedia MOS:WEASEL; BBC Editorial Guidelines 11.4; Reuters Handbook of Journalism, "Attribution"' },
  { id: 'anonymous-source', defaultSeverity: 'information', description: '"Sources said", "officials said" with no agency, role or reason for anonymity.', guidance: 'Reuters Handbook of Journalism, "Anonymous sources"; AP Stylebook, "anonymous sources"' },
  { id: 'hedged-attribution', defaultSeverity: 'information', description: 'Reportedly, allegedly, apparently and the like with no source for the claim.', guidance: 'AP Stylebook, "allege"; Wikipedia MOS:WEASEL' },
  { id: 'unattributed-quote', defaultSeverity: 'warning', description: 'A direct quotation with no speaker in its sentence or the neighbouring ones.', guidance: 'AP Stylebook, "quotations in the news"; Reuters Handbook, "Quotes"' },
  { id: 'loaded-term', defaultSeverity: 'warning', description: 'A contentious label in the reporter\'s own voice.', guidance: 'Wikipedia MOS:LABEL; BBC Editorial Guidelines 11.4.5; AP Stylebook' },
  { id: 'loaded-verb', defaultSeverity: 'warning', description: 'An attribution verb that editorialises where "said" is neutral.', guidance: 'Wikipedia MOS:SAID; AP Stylebook, "said"' },
  { id: 'editorializing', defaultSeverity: 'information', description: 'Words that put the reporter\'s opinion into reported fact.', guidance: 'Wikipedia MOS:EDITORIALIZING' },
  { id: 'scare-quotes', defaultSeverity: 'information', description: 'A word or short phrase in quotation marks with no speaker, and "so-called".', guidance: 'Wikipedia MOS:SCAREQUOTES; AP Stylebook, "so-called"' },
  { id: 'uncited-figure', defaultSeverity: 'warning', description: 'A count, amount, percentage or estimate stated as fact with no source in reach.', guidance: 'Reuters Handbook of Journalism, "Numbers"; AP Stylebook, "numerals"' },
  { id: 'unfilled-placeholder', defaultSeverity: 'information', description: 'A TK or [SOURCE] mark left in copy.', guidance: 'AP Stylebook, "TK"' },
];

/** Documentation address of a rule. */
export function ruleUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
