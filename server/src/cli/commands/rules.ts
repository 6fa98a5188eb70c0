/** `copydesk rules`: every rule with its default severity and one line on what it flags. */
import { RULES, ruleUrl } from '../../core/index';

/** The rule list, as a table for people or as JSON for scripts. */
export function listRules(json: boolean): string {
  if (json) return `${JSON.stringify(RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description, url: ruleUrl(rule.id) })), null, 2)}\n`;
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length));
  const lines = RULES.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(11)}  ${rule.description}`);
  return `${lines.join('\n')}\n\ncopydesk explain RULE prints a rule's page. Change a severity in .copydesk.yml (rules:) or with --rule RULE=LEVEL.\n`;
}
