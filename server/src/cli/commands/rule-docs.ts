/**
 * The rule pages (`docs/rules/<id>.md`), found beside whatever copydesk is running from: the repository,
 * the built bundle in server/out, or an installed .vsix (which ships docs/rules). Shared by
 * `copydesk explain` and the SARIF report's rule help.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES, ruleUrl, type RuleInfo } from '../../core/index';

/** The pseudo-rule that reports unknown rule ids in disable directives. */
export const DIRECTIVE_RULE_ID = 'copydesk-directive';

let docsFolder: string | null | undefined;

/** The `docs/rules` folder nearest above this module, or null when none ships with it. */
function rulesDocsFolder(): string | null {
  if (docsFolder !== undefined) return docsFolder;
  docsFolder = null;
  // Walk up: server/out/cli.js and server/src/cli/commands/*.ts both reach the package root this way.
  for (let folder = __dirname, depth = 0; depth < 6; folder = dirname(folder), depth++) {
    const candidate = join(folder, 'docs', 'rules');
    if (existsSync(candidate)) {
      docsFolder = candidate;
      break;
    }
    if (dirname(folder) === folder) break;
  }
  return docsFolder;
}

/** A rule's page as markdown, or undefined when the docs did not ship. */
export function ruleDoc(id: string): string | undefined {
  const folder = rulesDocsFolder();
  if (!folder || !/^[a-z-]+$/.test(id)) return undefined;
  const path = join(folder, `${id}.md`);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** What to say about a rule when its page is missing: the catalog's own words. */
export function fallbackDoc(rule: RuleInfo): string {
  return `# ${rule.id} (default: ${rule.defaultSeverity})\n\n${rule.description}\n\nGuidance: ${rule.guidance}.\n\nMore: ${ruleUrl(rule.id)}\n`;
}

/** The directive pseudo-rule's explanation (it has no page of its own). */
export const DIRECTIVE_DOC = `# ${DIRECTIVE_RULE_ID} (warning)

A \`copydesk-disable\`, \`copydesk-enable\` or \`copydesk-disable-next-line\` comment names a rule id that does
not exist, so it would silently do nothing. The finding suggests the nearest rule id; \`copydesk rules\` lists them.
`;

/** Rule info by id, for every rule. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((rule) => rule.id === id);
}
