/**
 * The `github` report: workflow commands that GitHub Actions turns into annotations on the pull
 * request's diff (`::warning file=...,line=...::message`).
 */
import type { Severity } from '../../core/index';
import { posixDisplayPath, type FileReport } from './report';

// Actions has three annotation levels; information and hints are notices, which never fail a check.
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a workflow command's message (GitHub's toolkit escapes %, CR and LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::LEVEL file=...,line=...,col=...,endLine=...,endColumn=...,title=RULE::message` line per finding. */
export function formatGithub(reports: readonly FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = escapeProperty(posixDisplayPath(report.file, cwd));
    for (const finding of report.findings) {
      const place = `file=${file},line=${finding.start.line + 1},col=${finding.start.character + 1},endLine=${finding.end.line + 1},endColumn=${finding.end.character + 1}`;
      lines.push(`::${COMMAND[finding.severity]} ${place},title=${escapeProperty(finding.ruleId)}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
