/**
 * The `sarif` report: a SARIF 2.1.0 log that GitHub code scanning (github/codeql-action/upload-sarif)
 * accepts. One rule descriptor per rule id, with help text and a help URI; each result points at its
 * draft by a path relative to %SRCROOT% (the working folder, normally the repository root) with 1-based
 * lines and columns counted in UTF-16 code units, as the engine counts them.
 */
import { pathToFileURL } from 'node:url';
import { RULES, ruleUrl, type Severity } from '../../core/index';
import { DIRECTIVE_DOC, DIRECTIVE_RULE_ID, fallbackDoc, ruleDoc } from '../commands/rule-docs';
import { VERSION } from '../usage';
import { displayPath, type FileReport } from './report';

/** The base every relative artifact URI is resolved against. */
export const SRCROOT = '%SRCROOT%';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/copydesk/copydesk';
const DIRECTIVE_HELP_URI = `${INFORMATION_URI}#turning-findings-off-in-the-text`;

/** SARIF has three levels that mean something; information and hints are notes. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A problem that kept a draft or a config from being used, reported as a tool notification. */
export interface SarifNotification {
  message: string;
  file?: string;
  /** `error` (the default): the file could not be linted; `note`: it was, with a remark. */
  level?: 'error' | 'note';
}

/** `loaded-term` -> `LoadedTerm`: SARIF's human-readable rule name. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** The rule descriptors: every rule, in the registry's order, then the directive pseudo-rule, always in this order. */
function ruleDescriptors(): Array<Record<string, unknown>> {
  const rules: Array<Record<string, unknown>> = RULES.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Guidance: ${rule.guidance}.` },
    help: { text: `${rule.description}\nGuidance: ${rule.guidance}.\nDocumentation: ${ruleUrl(rule.id)}`, markdown: ruleDoc(rule.id) ?? fallbackDoc(rule) },
    helpUri: ruleUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: ['copydesk', 'journalism', 'attribution'] },
  }));
  rules.push({
    id: DIRECTIVE_RULE_ID,
    name: ruleName(DIRECTIVE_RULE_ID),
    shortDescription: { text: 'A disable directive names a rule id that does not exist.' },
    fullDescription: { text: 'A copydesk-disable, copydesk-enable or copydesk-disable-next-line comment names an unknown rule id, so it would silently do nothing.' },
    help: { text: 'Use a rule id exactly as `copydesk rules` lists it.', markdown: DIRECTIVE_DOC },
    helpUri: DIRECTIVE_HELP_URI,
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['copydesk'] },
  });
  return rules;
}

/**
 * Where a draft is, as SARIF wants it: a relative URI under %SRCROOT% when it is under the working
 * folder (each segment percent-encoded: it is a URI, not a path), else an absolute file URI with no base.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, cwd);
  if (shown === file && file !== '<stdin>') return { uri: pathToFileURL(file).href };
  return { uri: shown.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The SARIF log of a run, as a string. */
export function formatSarif(reports: readonly FileReport[], cwd: string, notifications: readonly SarifNotification[] = []): string {
  const descriptors = ruleDescriptors();
  const indexOf = new Map(descriptors.map((descriptor, index) => [descriptor.id as string, index]));
  const results = reports.flatMap((report) => {
    const artifact = artifactLocation(report.file, cwd);
    return report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(indexOf.has(finding.ruleId) ? { ruleIndex: indexOf.get(finding.ruleId) } : {}),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifact,
          region: {
            startLine: finding.start.line + 1,
            startColumn: finding.start.character + 1,
            endLine: finding.end.line + 1,
            // SARIF's endColumn is the column just past the region: exclusive, like the engine's end.
            endColumn: finding.end.character + 1,
            snippet: { text: finding.actual },
          },
        },
      }],
      properties: { actual: finding.actual, suggestions: finding.suggestions },
    }));
  });
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Copydesk', informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules: descriptors } },
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: notifications.length === 0,
        toolExecutionNotifications: notifications.map((notification) => ({
          level: notification.level ?? 'error',
          message: { text: notification.message },
          ...(notification.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(notification.file, cwd) } }] } : {}),
        })),
      }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
