/**
 * `copydesk sources`: who is cited for what, per draft, from the same attribution model the rules read.
 * `stylish` is what an editor reads before a story runs (each source once, its claims, quoted or reported,
 * counts of named, anonymous and vague sourcing, a line for a story that rests on one source); `json` and
 * `csv` give every attribution with 0-based UTF-16 offsets, like the lint JSON.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { attribute, summariseSources, type SourceAttribution } from '../../core/index';
import { createConfigResolver, type LoadedConfig } from '../../project/config-file';
import { nodeProjectFiles, uriOf } from '../../project/node-files';
import { reportConfigProblems } from '../config-problems';
import type { CliIO } from '../main';
import { UsageError } from '../errors';
import { collectTargets, formatForPath } from '../files';
import { displayPath } from '../formats/report';
import { readDraft, readFailure } from '../lint-file';
import { readSharedFlag } from '../shared-flags';
import { printable, printablePath } from '../terminal';
import { didYouMean } from '../suggest';

/** The formats of `copydesk sources`. */
export const SOURCES_FORMATS = ['stylish', 'json', 'csv'] as const;

/** What `copydesk sources` was asked to do. */
export interface SourcesOptions {
  command: 'sources';
  format: (typeof SOURCES_FORMATS)[number];
  config?: string;
  ignore: boolean;
  color?: boolean;
  patterns: string[];
}

/** Parses the arguments after `sources`. Throws {@link UsageError}. */
export function parseSources(rest: readonly string[]): SourcesOptions | { command: 'help'; topic: 'sources' } {
  const options: SourcesOptions = { command: 'sources', format: 'stylish', ignore: true, patterns: [] };
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    if (argument === '-' || !argument.startsWith('-')) {
      if (argument === '-') throw new UsageError('sources reads files, not standard input: name the drafts.');
      options.patterns.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const value = (): string => {
      const next = equals > 0 ? argument.slice(equals + 1) : rest[++i];
      if (next === undefined) throw new UsageError(`sources: ${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help', topic: 'sources' };
      case '-f':
      case '--format': {
        const format = value();
        if (!(SOURCES_FORMATS as readonly string[]).includes(format)) throw new UsageError(`sources: unknown format "${format}"${didYouMean(format, SOURCES_FORMATS)}: use ${SOURCES_FORMATS.join(', ')}.`);
        options.format = format as SourcesOptions['format'];
        break;
      }
      default:
        if (readSharedFlag(flag, value, options)) break;
        throw new UsageError(`sources: unknown option "${flag}"${didYouMean(flag, ['--format', '--config', '--no-ignore', '--color', '--no-color', '--help'])}. Run copydesk sources --help.`);
    }
  }
  if (options.patterns.length === 0) throw new UsageError('sources: no files given, for example copydesk sources story.md.');
  return options;
}

/** One draft's attributions, or why it could not be read. */
interface DraftSources {
  file: string;
  sources?: SourceAttribution[];
  error?: string;
}

/** Runs `copydesk sources`; resolves to the exit code (0, or 2 when a draft or config could not be read). */
export async function runSources(options: SourcesOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let problems = false;
  const complain = (message: string): void => {
    problems = true;
    io.stderr(`copydesk: ${printable(message)}\n`);
  };
  const collected = collectTargets(options.patterns, { cwd, ignore: options.ignore, errorOnUnmatched: true });
  collected.errors.forEach(complain);
  for (const notice of collected.notices) io.stderr(`copydesk: ${printable(notice)}\n`);
  const explicit = options.config === undefined ? undefined : resolve(cwd, options.config);
  if (explicit !== undefined && !existsSync(explicit)) {
    io.stderr(`copydesk: --config ${printable(options.config!)}: no such file\n`);
    return 2;
  }
  const resolver = createConfigResolver({ files: nodeProjectFiles, explicit: explicit === undefined ? undefined : uriOf(explicit) });
  const reported = new Set<LoadedConfig>();

  const drafts: DraftSources[] = [];
  for (const target of collected.targets) {
    if (target.kind !== 'file') continue;
    const format = formatForPath(target.path);
    if (!format) {
      complain(`${displayPath(target.path, cwd)}: unsupported file type; copydesk reads .md, .markdown, .txt and .news files.`);
      continue;
    }
    try {
      const loaded = await resolver.forFile(uriOf(target.path));
      if (!reported.has(loaded)) {
        reported.add(loaded);
        if (reportConfigProblems(loaded, cwd, io)) problems = true;
      }
      const draft = readDraft(target.path);
      if (draft.notice) io.stderr(`copydesk: ${printable(displayPath(target.path, cwd))}: ${draft.notice}\n`);
      drafts.push({ file: target.path, sources: attribute(draft.text, { format, config: loaded.config }) });
    } catch (error) {
      const reason = readFailure(error);
      complain(`${displayPath(target.path, cwd)}: ${reason}`);
      drafts.push({ file: target.path, error: reason });
    }
  }
  const readable = drafts.filter((draft): draft is Required<Pick<DraftSources, 'file' | 'sources'>> => draft.sources !== undefined);
  if (options.format === 'json') io.stdout(`${JSON.stringify(readable.map((draft) => ({ file: draft.file, sources: draft.sources.map(sourceToJson) })), null, 2)}\n`);
  else if (options.format === 'csv') io.stdout(formatCsv(readable, cwd));
  else {
    const env = io.env ?? process.env;
    const color = !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && (options.color ?? io.isTTY);
    io.stdout(formatSourcesStylish(readable, cwd, color));
  }
  return problems ? 2 : 0;
}

/** The JSON shape of one attribution (the shape the PolNeAR scorer reads). */
/** One attribution as `copydesk sources --format json` and the MCP `sources` tool give it. */
export function sourceToJson(source: SourceAttribution): Pick<SourceAttribution, 'speaker' | 'resolved' | 'cue' | 'content' | 'kind' | 'direct'> {
  return {
    speaker: source.speaker,
    resolved: source.resolved,
    cue: source.cue,
    content: source.content,
    kind: source.kind,
    direct: source.direct,
  };
}

const CSV_COLUMNS = ['file', 'speaker', 'resolved', 'kind', 'direct', 'cue', 'offset', 'endOffset', 'content'];

/** One row per attribution; `offset`/`endOffset` span all of its content. Fields that could start a formula are quoted and prefixed. */
function formatCsv(drafts: ReadonlyArray<{ file: string; sources: SourceAttribution[] }>, cwd: string): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const draft of drafts) {
    for (const source of draft.sources) {
      const first = source.content[0];
      const last = source.content[source.content.length - 1];
      rows.push(
        [
          displayPath(draft.file, cwd),
          source.speaker?.text ?? '',
          source.resolved ?? '',
          source.kind,
          String(source.direct),
          source.cue?.text ?? '',
          first ? String(first.offset) : '',
          last ? String(last.endOffset) : '',
          source.content.map((range) => `${range.offset}-${range.endOffset}`).join(' '),
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** A CSV field: quoted where needed, and a leading =, +, - or @ defused so a spreadsheet shows it as text. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The editor's view: each source once with what it carries, then the counts, per draft. */
function formatSourcesStylish(drafts: ReadonlyArray<{ file: string; sources: SourceAttribution[] }>, cwd: string, color: boolean): string {
  const bold = (text: string): string => (color ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string): string => (color ? `\u001b[2m${text}\u001b[22m` : text);
  const out: string[] = [];
  for (const draft of drafts) {
    out.push(bold(printablePath(displayPath(draft.file, cwd))));
    const summary = summariseSources(draft.sources);
    if (summary.groups.length === 0) out.push('  No attributions found.');
    for (const group of summary.groups) {
      const also = group.mentions.filter((mention) => mention !== group.name);
      const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
      out.push(`  ${printable(group.name)}  ${dim(`${group.kind}, ${plural(group.claims, 'claim')} (${group.direct} quoted, ${group.indirect} reported)${also.length > 0 ? `; also “${also.map(printable).join('”, “')}”` : ''}`)}`);
    }
    out.push(`  ${summary.named} named, ${summary.anonymous} anonymous, ${summary.vague} vague`);
    if (summary.singleSource !== null && summary.named > 1) out.push(`  This story rests on a single named source: ${printable(summary.singleSource)}.`);
    else if (summary.named === 0 && draft.sources.length > 0) out.push('  No named source: every attribution is anonymous or vague.');
    out.push('');
  }
  return `${out.join('\n')}`;
}
