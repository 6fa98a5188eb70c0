/** Output formats of the command line: `stylish` for people, `json` for machines. */
import { relative } from 'node:path';
import type { Finding } from '../core/index';

/** The findings of one file. */
export interface FileResult {
  file: string;
  findings: Finding[];
}

/** The JSON shape of one finding: 1-based line and column, 0-based UTF-16 offsets. */
export function toJsonFinding(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.start.line + 1,
    column: finding.start.character + 1,
    endLine: finding.end.line + 1,
    endColumn: finding.end.character + 1,
    offset: finding.offset,
    endOffset: finding.endOffset,
    actual: finding.actual,
    suggestions: finding.suggestions,
  };
}

/** One JSON array of `{file, findings}`. */
export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(results.map((result) => ({ file: result.file, findings: result.findings.map(toJsonFinding) })), null, 2)}\n`;
}

const STYLES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

/** Grouped by file, with line:column, severity, message and rule id; colour only when asked. */
export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (style: keyof typeof STYLES, text: string): string => (color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  const severityStyle = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' } as const;
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push(paint('underline', displayPath(result.file)));
    const width = Math.max(...result.findings.map((finding) => `${finding.start.line + 1}:${finding.start.character + 1}`.length));
    for (const finding of result.findings) {
      counts[finding.severity]++;
      const where = `${finding.start.line + 1}:${finding.start.character + 1}`.padEnd(width);
      lines.push(`  ${paint('dim', where)}  ${paint(severityStyle[finding.severity], finding.severity.padEnd(11))}  ${finding.message}  ${paint('dim', finding.ruleId)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = (Object.keys(counts) as Array<keyof typeof counts>).filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity === 'information' ? 'information' : `${severity}${counts[severity] === 1 ? '' : 's'}`}`);
  lines.push(paint('bold', `${results.length} file${results.length === 1 ? '' : 's'}, ${total} finding${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`));
  return `${lines.join('\n')}\n`;
}

function displayPath(file: string): string {
  if (file === '<stdin>') return file;
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}
