/**
 * `copydesk`: the command line over the engine. Lints drafts and prints findings; the exit code says
 * whether any finding is at warning or above (1), none is (0), or the invocation or config is wrong (2).
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { lint, type Finding, type Format } from '../core/index';
import { configForFile, loadConfigFile, type LoadedConfig } from '../project/config-file';
import { formatJson, formatStylish, type FileResult } from './formats';

/** Drafts larger than this are refused with a message rather than linted. */
export const FILE_SIZE_LIMIT = 10 * 1024 * 1024;

const USAGE = `Usage: copydesk [--format stylish|json] [--config FILE] FILE... (use - for standard input)

Lints news drafts for unattributed claims, loaded terms and uncited figures.
  --format stylish|json   output format (default: stylish)
  --config FILE           use this .copydesk.yml instead of the nearest one
  --stdin-format FORMAT   format of standard input: markdown, plaintext or newsdraft (default: markdown)
  -h, --help              show this help
File kinds by extension: .md/.markdown markdown, .txt plaintext, .news newsdraft.`;

/** A mistake in how copydesk was called: one line on stderr, exit code 2. */
class UsageError extends Error {}

interface Options {
  format: 'stylish' | 'json';
  config?: string;
  stdinFormat: Format;
  files: string[];
}

/** Which format a file is, from its extension. */
export function formatForPath(path: string): Format | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.txt') return 'plaintext';
  if (extension === '.news') return 'newsdraft';
  return undefined;
}

function parseArguments(argv: string[]): Options | 'help' {
  const options: Options = { format: 'stylish', stdinFormat: 'markdown', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${argument} needs a value.`);
      return next;
    };
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '--format' || flag === '-f') {
      const format = inline ?? value();
      if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format "${format}": use stylish or json.`);
      options.format = format;
    } else if (flag === '--config' || flag === '-c') options.config = inline ?? value();
    else if (flag === '--stdin-format') {
      const format = inline ?? value();
      if (format !== 'markdown' && format !== 'plaintext' && format !== 'newsdraft') throw new UsageError(`Unknown input format "${format}": use markdown, plaintext or newsdraft.`);
      options.stdinFormat = format;
    } else if (argument.startsWith('-') && argument !== '-') throw new UsageError(`Unknown option "${argument}". Run copydesk --help for usage.`);
    else options.files.push(argument);
  }
  if (options.files.length === 0) throw new UsageError('No files given. Run copydesk --help for usage.');
  return options;
}

/** Runs the command line; returns the exit code. Streams are parameters so tests can drive it. */
export function run(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; stdin: () => string; isTTY: boolean }): number {
  let options: Options | 'help';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`copydesk: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }

  let configError = false;
  const reported = new Set<string>();
  const reportConfig = (loaded: LoadedConfig): void => {
    if (!loaded.path || loaded.problems.length === 0 || reported.has(loaded.path)) return;
    reported.add(loaded.path);
    configError = true;
    for (const problem of loaded.problems) io.stderr(`${loaded.path}:${problem.line}:${problem.column}: ${problem.message}\n`);
    io.stderr(`copydesk: ${loaded.path} has errors; linting with the defaults in their place.\n`);
  };
  const explicit = options.config ? loadConfigFile(resolve(options.config)) : undefined;
  if (explicit) reportConfig(explicit);

  const results: FileResult[] = [];
  let fileError = false;
  for (const file of options.files) {
    try {
      const isStdin = file === '-';
      const format = isStdin ? options.stdinFormat : formatForPath(file);
      if (!format) throw new UsageError(`${file}: unsupported file type; copydesk reads .md, .markdown, .txt and .news files.`);
      const path = isStdin ? resolve('<stdin>') : resolve(file);
      if (!isStdin && statSync(path).size > FILE_SIZE_LIMIT) throw new UsageError(`${file}: larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MB; skipped.`);
      const text = isStdin ? io.stdin() : readFileSync(path, 'utf8');
      if (text.includes('\u0000')) throw new UsageError(`${file}: looks like a binary file (it contains NUL bytes); skipped.`);
      const loaded = explicit ?? configForFile(path);
      reportConfig(loaded);
      results.push({ file: isStdin ? '<stdin>' : path, findings: lint(text, { format, config: loaded.config }) });
    } catch (error) {
      fileError = true;
      const message = error instanceof UsageError ? error.message : `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`;
      io.stderr(`copydesk: ${message}\n`);
    }
  }

  io.stdout(options.format === 'json' ? formatJson(results) : formatStylish(results, io.isTTY && !process.env.NO_COLOR));
  if (configError || fileError) return 2;
  const serious = (finding: Finding): boolean => finding.severity === 'error' || finding.severity === 'warning';
  return results.some((result) => result.findings.some(serious)) ? 1 : 0;
}
