/** Helpers for the command line's in-process tests: drive `run` with captured streams, make draft folders. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, type CliIO } from './main';

/** The seed article in the repository's fixtures. */
export const SEED = join(__dirname, '..', '..', '..', 'test-fixtures', 'seed-article.md');

/** What one run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process with no terminal, an empty environment and `cwd` as working folder. */
export async function cli(argv: string[], options: { stdin?: string; cwd?: string; io?: Partial<CliIO> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: () => options.stdin ?? '',
    isTTY: false,
    env: {},
    cwd: options.cwd,
    ...options.io,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder holding the given files (paths may contain folders). */
export function folder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/** A sentence with one loaded-term warning. */
export const WARNING_TEXT = 'He landed in the pariah state.\n';
/** A sentence with one hedged-attribution information finding and nothing at warning. */
export const INFORMATION_TEXT = 'The man was reportedly seen in Paris.\n';
/** A sentence with no findings. */
export const CLEAN_TEXT = 'The council met on Tuesday, its chair said.\n';
