/**
 * Parsing the command line into one of copydesk's commands. Every mistake becomes a {@link UsageError}
 * naming the option and, where one is close, what was probably meant.
 */
import { RULE_IDS, SEVERITIES, type Format, type RuleId, type Severity } from '../core/index';
import { parseSources, type SourcesOptions } from './commands/sources';
import { UsageError } from './errors';
import { parseShard, type Shard } from './shard';
import { readSharedFlag } from './shared-flags';
import { didYouMean } from './suggest';

/** The report formats. */
export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
/** One of the report formats. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Severities from most to least serious; `--severity` keeps a prefix of this list. */

/** What a lint run was asked to do. */
export interface LintOptions {
  command: 'lint';
  format: OutputFormat;
  /** Write the report here instead of standard output. */
  output?: string;
  /** An explicit config file in place of the nearest `.copydesk.yml`. */
  config?: string;
  /** The format of standard input when given explicitly (`--stdin-format`). */
  stdinFormat?: Format;
  /** The path standard input stands for: picks its format and its config (`--stdin-filename`). */
  stdinFilename?: string;
  /** Fail when more warnings than this are reported (instead of on the first). */
  maxWarnings?: number;
  /** The least serious severity that is reported. */
  severity: Severity;
  /** `--rule` overrides, applied over each file's project config. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** Honour `.gitignore` and `.copydeskignore` (off with `--no-ignore`). */
  ignore: boolean;
  /** A pattern or folder that names no draft is an error (off with `--no-error-on-unmatched-pattern`). */
  errorOnUnmatchedPattern: boolean;
  /** `--color` / `--no-color`; undefined means "when stdout is a terminal". */
  color?: boolean;
  /** Worker threads: undefined for automatic, 1 for none. */
  threads?: number;
  /** Report only findings on lines changed since this git ref (`--changed-since`). */
  changedSince?: string;
  /** Report only findings on lines this unified diff adds or changes (`--diff FILE`, `-` for standard input). */
  diff?: string;
  /** Lint only this shard of the drafts the patterns name (`--shard K/N`), for splitting a run between machines. */
  shard?: Shard;
  /** Files, folders, globs and `-`. */
  patterns: string[];
}

/** Any command copydesk understands. */
export type Command =
  | LintOptions
  | SourcesOptions
  | { command: 'help'; topic?: 'init' | 'rules' | 'explain' | 'sources' }
  | { command: 'version' }
  | { command: 'init'; folder: string }
  | { command: 'rules'; json: boolean }
  | { command: 'explain'; rule: string };

const SEVERITY_ALIASES: Record<string, Severity> = { info: 'information', warn: 'warning', note: 'information' };
const OPTIONS = ['--format', '--output', '--config', '--stdin-format', '--stdin-filename', '--max-warnings', '--severity', '--rule', '--no-ignore', '--no-error-on-unmatched-pattern', '--color', '--no-color', '--threads', '--changed-since', '--diff', '--shard', '--help', '--version', '--stdio'];

/** Reads a severity name (with the aliases info and warn). */
export function parseSeverity(raw: string, what: string): Severity {
  const value = raw.trim().toLowerCase();
  const severity = SEVERITY_ALIASES[value] ?? (SEVERITIES as readonly string[]).find((name) => name === value);
  if (!severity) throw new UsageError(`${what}: "${raw}" is not a severity; use error, warning, information or hint${didYouMean(value, SEVERITIES)}.`);
  return severity as Severity;
}

/** Reads `ID=LEVEL` (or `ID:LEVEL`), several separated by commas, into rule overrides. */
export function parseRuleOverrides(raw: string, into: Partial<Record<RuleId, Severity | 'off'>>): void {
  for (const item of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(item);
    if (!match) throw new UsageError(`--rule "${item}": write RULE=LEVEL, for example --rule loaded-term=error or --rule scare-quotes=off.`);
    const [, id, level] = match;
    if (!(RULE_IDS as readonly string[]).includes(id)) throw new UsageError(`--rule: unknown rule "${id}"${didYouMean(id, RULE_IDS)}. Run copydesk rules to list them.`);
    into[id as RuleId] = level.toLowerCase() === 'off' ? 'off' : parseSeverity(level, `--rule ${id}`);
  }
}

function parseCount(raw: string, flag: string, minimum: number): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < minimum) throw new UsageError(`${flag} needs a whole number${minimum > 0 ? ` of at least ${minimum}` : ''}, not "${raw}".`);
  return Number(raw);
}

/** Splits `--flag=value` into its parts; other arguments come back whole. */
function splitInline(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  return argument.startsWith('--') && equals > 0 ? [argument.slice(0, equals), argument.slice(equals + 1)] : [argument, undefined];
}

/** Parses copydesk's arguments (without the node and script paths). Throws {@link UsageError}. */
export function parseArguments(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  // Subcommands are words in first place; a draft called "rules" is still reachable as ./rules.
  if (first === 'init') return parseInit(rest);
  if (first === 'rules') return parseRules(rest);
  if (first === 'explain') return parseExplain(rest);
  if (first === 'sources') return parseSources(rest);
  if (first === 'help') return { command: 'help', topic: rest[0] === 'init' || rest[0] === 'rules' || rest[0] === 'explain' || rest[0] === 'sources' ? rest[0] : undefined };

  const options: LintOptions = { command: 'lint', format: 'stylish', severity: 'hint', rules: {}, ignore: true, errorOnUnmatchedPattern: true, patterns: [] };
  let onlyPatterns = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (onlyPatterns || argument === '-' || !argument.startsWith('-')) {
      options.patterns.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPatterns = true;
      continue;
    }
    const [flag, inline] = splitInline(argument);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value. Run copydesk --help for usage.`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '-v':
      case '--version':
        return { command: 'version' };
      case '-f':
      case '--format': {
        const format = value();
        if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"${didYouMean(format, OUTPUT_FORMATS)}: use ${OUTPUT_FORMATS.join(', ')}.`);
        options.format = format as OutputFormat;
        break;
      }
      case '-o':
      case '--output':
        options.output = value();
        break;
      case '--stdin-format': {
        const format = value();
        if (format !== 'markdown' && format !== 'plaintext' && format !== 'newsdraft') throw new UsageError(`Unknown input format "${format}": use markdown, plaintext or newsdraft.`);
        options.stdinFormat = format;
        break;
      }
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--max-warnings':
        options.maxWarnings = parseCount(value(), '--max-warnings', 0);
        break;
      case '--severity':
        options.severity = parseSeverity(value(), '--severity');
        break;
      case '--rule':
        parseRuleOverrides(value(), options.rules);
        break;
      case '--no-error-on-unmatched-pattern':
        options.errorOnUnmatchedPattern = false;
        break;
      case '--threads':
        options.threads = parseCount(value(), '--threads', 1);
        break;
      case '--changed-since':
        options.changedSince = value();
        break;
      case '--diff':
        options.diff = value();
        break;
      case '--shard':
        options.shard = parseShard(value());
        break;
      default:
        if (readSharedFlag(flag, value, options)) break;
        throw new UsageError(`Unknown option "${flag}"${didYouMean(flag, OPTIONS)}. Run copydesk --help for usage.`);
    }
  }
  if (options.patterns.length === 0) throw new UsageError('No files given. Run copydesk --help for usage (copydesk . lints every draft under this folder).');
  if (options.stdinFilename !== undefined && !options.patterns.includes('-')) throw new UsageError('--stdin-filename names standard input: add - to the files.');
  if (options.changedSince !== undefined && options.diff !== undefined) throw new UsageError('--changed-since and --diff both say what changed: use one.');
  if (options.diff === '-' && options.patterns.includes('-')) throw new UsageError('--diff - reads the diff from standard input, so a draft cannot come from it too.');
  // Standard input has no path to hash, and every shard would read it: it belongs to no shard.
  if (options.shard !== undefined && options.patterns.includes('-')) throw new UsageError('--shard splits drafts by their paths; standard input (-) has none: lint it in a run without --shard.');
  return options;
}

function parseInit(rest: string[]): Command {
  if (rest.some((argument) => argument === '-h' || argument === '--help')) return { command: 'help', topic: 'init' };
  const unknown = rest.find((argument) => argument.startsWith('-'));
  if (unknown) throw new UsageError(`init: unknown option "${unknown}". Run copydesk init --help.`);
  if (rest.length > 1) throw new UsageError('init takes at most one folder.');
  return { command: 'init', folder: rest[0] ?? '.' };
}

function parseRules(rest: string[]): Command {
  if (rest.some((argument) => argument === '-h' || argument === '--help')) return { command: 'help', topic: 'rules' };
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = splitInline(rest[i]);
    if (flag === '--format' || flag === '-f') {
      const format = inline ?? rest[++i];
      if (format !== 'json' && format !== 'stylish') throw new UsageError(`rules: format "${format ?? ''}" is not one of stylish, json.`);
      json = format === 'json';
    } else if (flag === '--json') json = true;
    else throw new UsageError(`rules: unexpected "${rest[i]}". Run copydesk rules --help.`);
  }
  return { command: 'rules', json };
}

function parseExplain(rest: string[]): Command {
  if (rest.some((argument) => argument === '-h' || argument === '--help')) return { command: 'help', topic: 'explain' };
  if (rest.length !== 1) throw new UsageError('explain takes one rule id, for example copydesk explain loaded-term. Run copydesk rules to list them.');
  return { command: 'explain', rule: rest[0] };
}
