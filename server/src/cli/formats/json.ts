/** The `json` report: one array of `{file, findings}`, the shape scripts have relied on since the first CLI. */
import type { Finding } from '../../core/index';
import type { FileReport } from './report';

/** The JSON shape of one finding: 1-based line and column (end exclusive), 0-based UTF-16 offsets. */
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

/** One JSON array of `{file, findings}`, every linted draft included (clean ones with no findings). */
export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports.map((report) => ({ file: report.file, findings: report.findings.map(toJsonFinding) })), null, 2)}\n`;
}
