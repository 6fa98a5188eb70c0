/** The report formats, behind one function the command line calls. */
import type { OutputFormat } from '../args';
import { formatGithub } from './github';
import { formatJson } from './json';
import type { FileReport } from './report';
import { formatSarif, type SarifNotification } from './sarif';
import { formatStylish } from './stylish';

export { countSeverities, displayPath, summaryLine, type FileReport, type SeverityCounts } from './report';
export { toJsonFinding } from './json';

/** What a report may need beyond the findings. */
export interface ReportContext {
  cwd: string;
  color: boolean;
  summary: string;
  /** Drafts or configs that could not be used (SARIF records them as tool notifications). */
  notifications: SarifNotification[];
}

/** Renders a run's reports in the chosen format. */
export function renderReport(format: OutputFormat, reports: readonly FileReport[], context: ReportContext): string {
  switch (format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, context.cwd, context.notifications);
    case 'github':
      return formatGithub(reports, context.cwd);
    default:
      return formatStylish(reports, { color: context.color, cwd: context.cwd, summary: context.summary });
  }
}
