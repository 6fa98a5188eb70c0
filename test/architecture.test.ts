import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const core = join(root, 'server', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'test-helpers.ts' ? [path] : [];
  });
}

describe('architecture', () => {
  it('the engine imports no editor, LSP or Node module (it is a pure function)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(core)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const specifier = match[1];
        if (/^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|$)|^node:|^(fs|path|os|child_process|worker_threads|process|url)$/.test(specifier)) {
          offenders.push(`${relative(root, file)} imports ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('each rule id has exactly one plugin file named after it', async () => {
    const { RULE_IDS } = await import('../server/src/core/types');
    const files = readdirSync(join(core, 'rules'));
    for (const id of RULE_IDS) expect(files).toContain(`${id}.ts`);
  });

  it('no source file grows into a grab bag (500 lines at most)', () => {
    const long = [...sourceFiles(join(root, 'server', 'src'))].filter((file) => readFileSync(file, 'utf8').split('\n').length > 500);
    expect(long.map((file) => relative(root, file))).toEqual([]);
  });
});
