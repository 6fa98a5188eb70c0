/** Telling the user about a project config with errors, the same way for every command. */
import type { LoadedConfig } from '../project/config-file';
import { pathOf } from '../project/node-files';
import type { CliIO } from './main';
import { displayPath } from './formats/report';
import { printable, printablePath } from './terminal';

/** Prints each problem of a loaded config with its place, then what was done about it; true when there were any. */
export function reportConfigProblems(loaded: LoadedConfig, cwd: string, io: Pick<CliIO, 'stderr'>): boolean {
  if (!loaded.uri || loaded.problems.length === 0) return false;
  // The place opens the line: a config named '::error::x.yml' must not read as a workflow command.
  const shown = printablePath(displayPath(pathOf(loaded.uri), cwd));
  for (const problem of loaded.problems) io.stderr(`${shown}:${problem.line}:${problem.column}: ${printable(problem.message)}\n`);
  io.stderr(`copydesk: ${shown} has errors; linting with the defaults in their place.\n`);
  return true;
}
