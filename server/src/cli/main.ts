/**
 * `copydesk`: the command line over the engine. Lints drafts and reports findings in the format a
 * person or a pipeline wants; the exit code says whether anything reached the threshold (1), nothing
 * did (0), or the invocation, a config or a draft was wrong (2).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SEVERITIES, type CopydeskConfig, type Severity } from '../core/index';
import { createConfigResolver } from '../project/config-file';
import { nodeProjectFiles, pathOf, uriOf } from '../project/node-files';
import { parseArguments, type LintOptions } from './args';
import { explainRule } from './commands/explain';
import { writeStarterConfig } from './commands/init';
import { listRules } from './commands/rules';
import { runSources } from './commands/sources';
import { reportConfigProblems } from './config-problems';
import { describeError, UsageError } from './errors';
import { readRegularFile, realPath } from '../project/read-file';
import { collectTargets, formatForPath } from './files';
import { countSeverities, displayPath, renderReport, summaryLine, type FileReport } from './formats/index';
import type { SarifNotification } from './formats/sarif';
import { readFailure, runJob, type LintJob, type LintOutcome } from './lint-file';
import { bundledWorkerScript, lintInWorkers, threadCount } from './parallel';
import { parseUnifiedDiff, touchesChange } from './changed-lines';
import { changedSince } from './git';
import { createProgress } from './progress';
import { shardKey, shardOf } from './shard';
import { printable } from './terminal';
import { helpText, VERSION } from './usage';

export { formatForPath } from './files';
export { FILE_SIZE_LIMIT } from './lint-file';

/** The outside world of one run; parameters so that tests can drive the command line in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input's whole text (read only when `-` is among the files). */
  stdin: () => string;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (the progress line). */
  stderrIsTTY?: boolean;
  /** The working folder; relative paths and %SRCROOT% are resolved against it. */
  cwd?: string;
  /** The environment (NO_COLOR). */
  env?: Record<string, string | undefined>;
  /** The script worker threads run; defaults to the bundle this code runs from, if it does. */
  workerScript?: string;
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const command = parseArguments(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${helpText(command.topic)}\n`);
        return 0;
      case 'version':
        io.stdout(`copydesk ${VERSION}\n`);
        return 0;
      case 'rules':
        io.stdout(listRules(command.json));
        return 0;
      case 'explain':
        io.stdout(explainRule(command.rule));
        return 0;
      case 'sources':
        return runSources(command, io);
      case 'init': {
        const cwd = io.cwd ?? process.cwd();
        const path = writeStarterConfig(command.folder, cwd);
        io.stdout(`Wrote ${printable(displayPath(path, cwd))}: every setting is there as a comment; uncomment what this newsroom changes.\n`);
        return 0;
      }
      default:
        return await lintRun(command, io);
    }
  } catch (error) {
    const { line, internal } = describeError(error);
    io.stderr(`copydesk: ${printable(line)}\n`);
    if (internal && (io.env ?? process.env).COPYDESK_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}

/** A lint run from parsed options. */
async function lintRun(options: LintOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  let problems = false;
  const complain = (message: string): void => {
    problems = true;
    io.stderr(`copydesk: ${printable(message)}\n`);
  };

  const explicit = options.config === undefined ? undefined : resolve(cwd, options.config);
  if (explicit !== undefined && !existsSync(explicit)) {
    io.stderr(`copydesk: --config ${printable(options.config ?? '')}: no such file\n`);
    return 2;
  }
  // What changed, when only changed lines are to be reported: read before any draft, so a bad ref fails fast.
  const changed = options.changedSince !== undefined ? changedSince(options.changedSince, cwd) : options.diff !== undefined ? parseUnifiedDiff(readDiff(options.diff, cwd, io), realPath(cwd)) : undefined;
  const collected = collectTargets(options.patterns, { cwd, ignore: options.ignore, errorOnUnmatched: options.errorOnUnmatchedPattern });
  collected.errors.forEach(complain);
  for (const notice of collected.notices) io.stderr(`copydesk: ${printable(notice)}\n`);
  // Sharded after the patterns are expanded and checked, so "no drafts match" still means a pattern named
  // nothing, never that this shard drew none of its drafts: an empty shard is a clean run.
  const { shard } = options;
  const targets = shard === undefined ? collected.targets : collected.targets.filter((target) => target.kind === 'file' && shardOf(shardKey(target.path, cwd), shard.count) === shard.index);

  // One resolver for the whole run (the language server's, with a cache), one table entry per config.
  const resolver = createConfigResolver({ files: nodeProjectFiles, explicit: explicit === undefined ? undefined : uriOf(explicit) });
  const configs: CopydeskConfig[] = [];
  const configIndex = new Map<CopydeskConfig, number>();
  const notifications: SarifNotification[] = [];
  const configFor = async (path: string): Promise<number> => {
    const loaded = await resolver.forFile(uriOf(path));
    const config = resolver.engineConfig(loaded, options.rules);
    // One engine config per project config (the overrides are the same for the whole run).
    let index = configIndex.get(config);
    if (index === undefined) {
      index = configs.push(config) - 1;
      configIndex.set(config, index);
      if (reportConfigProblems(loaded, cwd, io)) {
        problems = true;
        notifications.push({ message: `${loaded.problems.length} problem(s) in this config file; defaults were used in their place.`, file: loaded.uri === undefined ? undefined : pathOf(loaded.uri) });
      }
    }
    return index;
  };

  const jobs: LintJob[] = [];
  const names: string[] = [];
  for (const target of targets) {
    if (target.kind === 'stdin') {
      const path = options.stdinFilename === undefined ? '<stdin>' : resolve(cwd, options.stdinFilename);
      const format = options.stdinFormat ?? (options.stdinFilename === undefined ? undefined : formatForPath(options.stdinFilename)) ?? 'markdown';
      const configPath = path === '<stdin>' ? join(cwd, '<stdin>') : path;
      names.push(path);
      jobs.push({ index: jobs.length, path, text: io.stdin(), format, configIndex: await configFor(configPath) });
      continue;
    }
    const format = formatForPath(target.path);
    if (!format) {
      complain(`${displayPath(target.path, cwd)}: unsupported file type; copydesk reads .md, .markdown, .txt and .news files.`);
      continue;
    }
    names.push(target.path);
    jobs.push({ index: jobs.length, path: target.path, format, configIndex: await configFor(target.path) });
  }

  const outcomes: LintOutcome[] = new Array(jobs.length);
  const progress = createProgress(jobs.length, io.stderr, io.stderrIsTTY === true);
  const collect = (outcome: LintOutcome): void => {
    outcomes[outcome.index] = outcome;
    progress.tick();
  };
  const threads = threadCount(jobs.length, options.threads);
  const script = io.workerScript ?? bundledWorkerScript();
  if (env.COPYDESK_DEBUG) io.stderr(`copydesk: ${jobs.length} drafts${shard === undefined ? '' : ` (shard ${shard.index}/${shard.count} of ${collected.targets.length})`}, ${threads > 1 && script ? `${threads} worker threads` : 'no worker threads'}\n`);
  if (threads > 1 && script) await lintInWorkers(jobs, configs, script, threads, collect);
  else for (const job of jobs) collect(runJob(job, configs));
  progress.done();

  const minimum = SEVERITIES.indexOf(options.severity);
  const reported = (severity: Severity): boolean => SEVERITIES.indexOf(severity) <= minimum;
  const reports: FileReport[] = [];
  for (const outcome of outcomes) {
    const file = names[outcome.index];
    if (outcome.error !== undefined) {
      complain(`${displayPath(file, cwd)}: ${outcome.error}`);
      notifications.push({ message: `Could not lint this file: ${outcome.error}.`, file: file === '<stdin>' ? undefined : file });
      continue;
    }
    if (outcome.notice !== undefined) {
      io.stderr(`copydesk: ${printable(displayPath(file, cwd))}: ${outcome.notice}\n`);
      notifications.push({ message: `This file ${outcome.notice}.`, file, level: 'note' });
    }
    const changedLines = changed && changed.get(realPath(file));
    const shown = (outcome.findings ?? []).filter((finding) => reported(finding.severity) && (changed === undefined || touchesChange(changedLines, finding.start.line, finding.end.line)));
    reports.push({ file, findings: shown, lines: outcome.lines ?? {} });
  }

  const counts = countSeverities(reports);
  const summary = summaryLine(reports.length, counts);
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const color = !noColor && (options.color ?? (options.output === undefined && io.isTTY));
  const report = renderReport(options.format, reports, { cwd, color, summary, notifications });
  if (options.output !== undefined) {
    const target = resolve(cwd, options.output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, report);
    } catch (error) {
      io.stderr(`copydesk: cannot write ${printable(options.output)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  } else io.stdout(report);
  // The stylish report ends with the summary; anywhere else it goes to stderr so a person still sees it.
  if (options.format !== 'stylish' || options.output !== undefined) io.stderr(`${summary}\n`);

  const allowedWarnings = options.maxWarnings ?? 0;
  if (options.maxWarnings !== undefined && counts.warning > allowedWarnings) io.stderr(`copydesk: ${counts.warning} warnings, more than --max-warnings ${allowedWarnings} allows.\n`);
  if (problems) return 2;
  return counts.error > 0 || counts.warning > allowedWarnings ? 1 : 0;
}


/** The text of `--diff FILE` (or standard input for `-`), read as drafts are: a regular file, capped. */
function readDiff(source: string, cwd: string, io: CliIO): string {
  if (source === '-') return io.stdin();
  try {
    return readRegularFile(resolve(cwd, source), { limit: DIFF_SIZE_LIMIT }).toString('utf8');
  } catch (error) {
    throw new UsageError(`--diff ${source}: ${readFailure(error)}`);
  }
}

/** Diffs larger than this are refused. */
const DIFF_SIZE_LIMIT = 256 * 1024 * 1024;
