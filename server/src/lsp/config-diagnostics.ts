/** A problem in `.copydesk.yml` as a diagnostic on the config file, underlining the entry it is about. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../core/index';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Messages that already say what Copydesk does instead ("only its first occurrence is used"). */
const SAYS_WHAT_IS_USED = /\b(is|are) used\b|\bdefaults\b|read as plain text/;

/** Converts one config problem (1-based places) into an LSP diagnostic (0-based). */
export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  const start = { line: problem.line - 1, character: problem.column - 1 };
  const spansText = problem.endLine !== undefined && problem.endColumn !== undefined && (problem.endLine > problem.line || problem.endColumn > problem.column);
  // An empty span (a missing value) still gets one character underlined, so it can be seen.
  const end = spansText ? { line: problem.endLine! - 1, character: problem.endColumn! - 1 } : { line: start.line, character: start.character + 1 };
  return {
    range: { start, end },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'copydesk-config',
    message: SAYS_WHAT_IS_USED.test(problem.message) ? problem.message : `${problem.message} Copydesk uses its defaults in place of this entry.`,
  };
}
