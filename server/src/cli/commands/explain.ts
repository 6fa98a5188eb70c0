/** `copydesk explain RULE`: prints a rule's page. */
import { RULE_IDS } from '../../core/index';
import { UsageError } from '../errors';
import { didYouMean } from '../suggest';
import { DIRECTIVE_DOC, DIRECTIVE_RULE_ID, fallbackDoc, ruleDoc, ruleInfo } from './rule-docs';

/** The text `copydesk explain` prints for a rule id; a {@link UsageError} for an unknown one. */
export function explainRule(id: string): string {
  if (id === DIRECTIVE_RULE_ID) return DIRECTIVE_DOC;
  const rule = ruleInfo(id);
  if (!rule) throw new UsageError(`Unknown rule "${id}"${didYouMean(id, [...RULE_IDS, DIRECTIVE_RULE_ID])}. Run copydesk rules to list them.`);
  const doc = ruleDoc(id) ?? fallbackDoc(rule);
  return doc.endsWith('\n') ? doc : `${doc}\n`;
}
