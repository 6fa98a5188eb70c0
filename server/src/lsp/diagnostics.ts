/**
 * The one pure converter from an engine finding to an LSP diagnostic (as unified-language-server does):
 * UTF-16 positions straight from the engine, code = rule id, codeDescription = the rule's doc, and
 * `data` carrying what the quick-fixes need to check the text before they edit it.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/index';

/** What a Copydesk diagnostic carries for its code actions. */
export interface FindingData {
  ruleId: string;
  /** The flagged text when the diagnostic was made; a fix edits only if the text there still reads so. */
  actual: string;
  suggestions: string[];
  /** Document version the finding was computed on. */
  version: number;
  note: string;
}

/** The diagnostics' `source`. */
export const DIAGNOSTIC_SOURCE = 'copydesk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Converts one finding of a document at a version into a diagnostic. */
export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: FindingData = { ruleId: finding.ruleId, actual: finding.actual, suggestions: finding.suggestions, version, note: finding.note };
  return {
    range: { start: finding.start, end: finding.end },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.url },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** No finding of ours offers more replacements than this, or a longer one: data beyond it is forged. */
const MAX_SUGGESTIONS = 20;
const MAX_SUGGESTION_LENGTH = 200;

/**
 * The finding data of a diagnostic, if it is one of ours and well formed. The client sends it back with
 * each code action request, so it is checked as untrusted input: every field of the right type, and the
 * suggestions plain strings of sensible size (a number or an object would make a malformed edit).
 */
export function findingData(diagnostic: Diagnostic): FindingData | undefined {
  const data = diagnostic.data as Partial<FindingData> | undefined;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data || typeof data !== 'object') return undefined;
  if (typeof data.ruleId !== 'string' || typeof data.actual !== 'string' || typeof data.version !== 'number' || !Array.isArray(data.suggestions)) return undefined;
  if (data.suggestions.length > MAX_SUGGESTIONS || !data.suggestions.every((suggestion) => typeof suggestion === 'string' && suggestion.length <= MAX_SUGGESTION_LENGTH)) return undefined;
  return data as FindingData;
}
