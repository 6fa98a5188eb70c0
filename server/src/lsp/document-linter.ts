/**
 * The server's per-document state: one lint per draft version, shared by diagnostics, hovers and code
 * actions; one engine per configuration, with its paragraph cache; huge drafts on the worker thread.
 *
 * A lint is computed from the text as it was when asked; callers publish it only if the draft is still
 * open at that version (`isCurrent`), so a change or close while linting leaves nothing stale.
 */
import type { Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter, type CopydeskConfig, type Finding, type Format, type Linter } from '../core/index';
import { answerWith, BACKGROUND_LINT_THRESHOLD, lintWeight, SupersededError, type BackgroundLint, type LintAnswer, type LintHere, type LintOperation } from './lint-jobs';
import { toDiagnostic } from './diagnostics';
import { declineNotice, notice, NOTICE_CODES, withTruncationNotice } from './limits';
import type { StatsResult } from './protocol';
import type { Settings } from './settings';

/** What linting a draft gave: findings, a notice saying why it was not linted, or nothing (Copydesk is off for it). */
export type LintResult = { kind: 'findings'; findings: Finding[]; total: number } | { kind: 'notice'; notice: Diagnostic } | { kind: 'off' };

/** Which engine format a language id is read as. */
export function formatOf(languageId: string): Format | undefined {
  return languageId === 'markdown' || languageId === 'newsdraft' || languageId === 'plaintext' ? languageId : undefined;
}

/** What the document linter asks of the server around it. */
export interface DocumentLinterHost {
  documents: TextDocuments<TextDocument>;
  settingsFor(uri: string): Promise<Settings>;
  /** The engine config for a draft: its project config with the editor's settings on top. */
  engineConfigFor(uri: string, settings: Settings): Promise<CopydeskConfig>;
  /**
   * Starts the background linter heavy drafts go to (the Node server's worker thread), given how to lint on
   * this thread when it cannot; without one, every draft is linted in line (the browser server, which is
   * itself a worker).
   */
  startBackground?: (lintHere: LintHere, warn: (message: string) => void) => BackgroundLint;
  log(error: unknown, where: string): void;
  warn(message: string): void;
}

/** Engines kept at once, one per configuration; more are dropped together (a project rarely has more). */
const MAX_ENGINES = 8;

export class DocumentLinter {
  /** The last lint of each open draft, reused by hovers and code actions at the same version. */
  private readonly results = new Map<string, { document: TextDocument; version: number; text: string; generation: number; result: Promise<LintResult> }>();
  private readonly linters = new Map<string, Linter>();
  /** Each engine config's fingerprint, computed once: a config with 100,000 terms is no small string. */
  private readonly fingerprints = new WeakMap<CopydeskConfig, string>();
  private readonly background: BackgroundLint | undefined;
  /** Bumped when settings or project config change: every cached lint is then out of date. */
  private generation = 0;

  constructor(private readonly host: DocumentLinterHost) {
    this.background = host.startBackground?.((operation, text, format, config) => answerWith(this.linterFor(config), operation, text, format), host.warn);
  }

  /** Every cached lint is out of date (settings or a project config changed). */
  invalidate(): void {
    this.generation++;
  }

  /** A draft was closed: drop its lint and stop any background work on it. */
  forget(uri: string): void {
    this.results.delete(uri);
    this.background?.cancel(uri);
  }

  dispose(): void {
    this.background?.dispose();
  }

  /** The lint of an open draft at its current version, shared by diagnostics, hovers and code actions. */
  lintDocument(document: TextDocument): Promise<LintResult> {
    const cached = this.results.get(document.uri);
    const text = document.getText();
    // The text too, not only the version: a client that reuses a version number for new text gets a new lint.
    if (cached && cached.document === document && cached.version === document.version && cached.text === text && cached.generation === this.generation) return cached.result;
    const result = this.lintText(document.uri, document.languageId, text);
    const entry = { document, version: document.version, text, generation: this.generation, result };
    this.results.set(document.uri, entry);
    result.catch(() => {
      if (this.results.get(document.uri) === entry) this.results.delete(document.uri);
    });
    return result;
  }

  /**
   * Lints a text as it is now. The text is passed in, never re-read after an await, so the result
   * always belongs to the version the caller captured.
   */
  async lintText(uri: string, languageId: string, text: string): Promise<LintResult> {
    const settings = await this.host.settingsFor(uri);
    const format = formatOf(languageId);
    if (!settings.enable || !format || !settings.languages.includes(languageId)) return { kind: 'off' };
    const declined = declineNotice(text);
    if (declined) return { kind: 'notice', notice: declined };
    try {
      const { findings, total } = await this.run(uri, 'lint', text, format, await this.host.engineConfigFor(uri, settings));
      return { kind: 'findings', findings, total };
    } catch (error) {
      if (error instanceof SupersededError) throw error;
      this.host.log(error, `linting ${uri}`);
      return { kind: 'notice', notice: notice(NOTICE_CODES.failed, `Copydesk could not check this draft (${(error as Error).message}). Other drafts are not affected; the next edit tries again.`) };
    }
  }

  /** The findings and sources of a draft's text, for the sourcing report. */
  async sourcing(uri: string, text: string, format: Format): Promise<LintAnswer> {
    return this.run(uri, 'sourcing', text, format, await this.host.engineConfigFor(uri, await this.host.settingsFor(uri)));
  }

  /** Whether a draft is still open at the version a lint was computed for. */
  isCurrent(document: TextDocument, version: number): boolean {
    return this.host.documents.get(document.uri) === document && document.version === version;
  }

  /** The diagnostics a lint result publishes at a version. */
  diagnosticsOf(result: LintResult, version: number): Diagnostic[] {
    if (result.kind === 'off') return [];
    if (result.kind === 'notice') return [result.notice];
    return withTruncationNotice(result.findings.map((finding) => toDiagnostic(finding, version)), result.total);
  }

  /** How much work the engines did; with `afterBackground`, once the worker thread is idle. */
  async stats(afterBackground: boolean): Promise<StatsResult> {
    if (afterBackground) await this.background?.whenIdle();
    let paragraphsAnalysed = this.background?.paragraphsAnalysed ?? 0;
    for (const linter of this.linters.values()) paragraphsAnalysed += linter.stats.paragraphsAnalysed;
    return { paragraphsAnalysed, backgroundBusy: this.background?.busy ?? false, backgroundJobsDone: this.background?.completed ?? 0 };
  }

  /** Runs the engine on a text: in line for ordinary drafts, in the background (where there is one) for huge ones. */
  private run(key: string, operation: LintOperation, text: string, format: Format, config: CopydeskConfig): Promise<LintAnswer> {
    if (this.background && lintWeight(text, format) > BACKGROUND_LINT_THRESHOLD) return this.background.run(key, operation, text, format, config);
    return Promise.resolve(answerWith(this.linterFor(config), operation, text, format));
  }

  private linterFor(config: CopydeskConfig): Linter {
    let key = this.fingerprints.get(config);
    if (key === undefined) this.fingerprints.set(config, (key = JSON.stringify(config)));
    let linter = this.linters.get(key);
    if (!linter) {
      if (this.linters.size > MAX_ENGINES) this.linters.clear();
      linter = createLinter(config);
      this.linters.set(key, linter);
    }
    return linter;
  }
}
