import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

  it('each rule is one module named after its id, and every rule module is registered', async () => {
    const { RULE_IDS } = await import('../server/src/core/rules/index');
    const modules = readdirSync(join(core, 'rules')).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const declared: string[] = [];
    for (const file of modules) {
      const exported = (await import(`../server/src/core/rules/${file}`)) as { default?: { meta?: { id?: string } } };
      if (exported.default?.meta === undefined) continue;
      expect(exported.default.meta.id, file).toBe(file.slice(0, -3));
      declared.push(exported.default.meta.id!);
    }
    expect(declared.sort()).toEqual([...RULE_IDS].sort());
  });

  it('rules ask the attribution model through its query API, never its internals', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(core, 'rules'))) {
      const source = readFileSync(file, 'utf8');
      // The modules behind the API (speakers, speech, model ...) and the model's raw fields.
      for (const match of source.matchAll(/from\s+['"]\.\.\/attribution\/[^'"]+['"]|\.(?:mentions|quotationSpeakers|speech|attributions)\b/g)) {
        offenders.push(`${relative(root, file)}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the custom request and command names are spelled once, in lsp/protocol.ts, for client and server', () => {
    const protocol = join(root, 'server', 'src', 'lsp', 'protocol.ts');
    const offenders = [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))]
      .filter((file) => file !== protocol)
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/['"`](copydesk\/\w+|copydesk\.server\.\w+)['"`]/g)].map((match) => `${relative(root, file)}: ${match[1]}`));
    expect(offenders).toEqual([]);
    expect(readFileSync(protocol, 'utf8')).toMatch(/'copydesk\/sourcingReport'/);
  });

  it('no source file grows into a grab bag (500 lines at most)', () => {
    const long = [...sourceFiles(join(root, 'server', 'src'))].filter((file) => readFileSync(file, 'utf8').split('\n').length > 500);
    expect(long.map((file) => relative(root, file))).toEqual([]);
  });

  it('no Copydesk source opens a network connection or spawns a process, but the command line\'s one git module', () => {
    const offenders: string[] = [];
    for (const dir of [join(root, 'server', 'src'), join(root, 'client', 'src')]) {
      for (const file of sourceFiles(dir)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
          // `--changed-since` asks git what changed: by argument list, no shell, from the CLI only.
          if (relative(root, file) === GIT_MODULE && match[1] === 'node:child_process') continue;
          if (NETWORK_OR_PROCESS_MODULE.test(match[1])) offenders.push(`${relative(root, file)} imports ${match[1]}`);
        }
        for (const match of text.matchAll(NETWORK_GLOBAL)) offenders.push(`${relative(root, file)} uses ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('in the bundles, only known library code touches network or process modules, and none of it on our paths', () => {
    // esbuild marks each bundled module with a "// path" comment; a require belongs to the module above it.
    // The allowed ones: vscode-jsonrpc's pipe and socket transports (the server runs on --stdio) and
    // vscode-languageserver's global-module resolver (never called); the client starts its own server.
    const allowed: Record<string, string[]> = {
      'server/out/server.js': ['node_modules/vscode-jsonrpc/lib/node/main.js net', 'node_modules/vscode-languageserver/lib/node/files.js child_process'],
      'server/out/cli.js': [`${GIT_MODULE} child_process`],
      'client/out/extension.js': ['node_modules/vscode-jsonrpc/lib/node/main.js net', 'node_modules/vscode-languageclient/lib/node/main.js child_process', 'node_modules/vscode-languageclient/lib/node/processes.js child_process'],
    };
    for (const [bundle, expected] of Object.entries(allowed)) {
      const path = join(root, bundle);
      expect(existsSync(path), `${bundle} is built by npm run build`).toBe(true);
      const found = new Set<string>();
      let module = '(bundle prelude)';
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const marker = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(line);
        if (marker) module = marker[1];
        for (const match of line.matchAll(/require\("([^"]+)"\)/g)) if (NETWORK_OR_PROCESS_MODULE.test(match[1])) found.add(`${module} ${match[1].replace(/^node:/, '')}`);
        if (!module.startsWith('node_modules/')) for (const match of line.matchAll(NETWORK_GLOBAL)) found.add(`${module} ${match[0]}`);
      }
      expect([...found].sort(), bundle).toEqual(expected);
    }
  });
});

/** The one module that may start a process (git, for the command line's --changed-since); never in the server bundle. */
const GIT_MODULE = 'server/src/cli/git.ts';

/** Node modules that reach the network or start processes (worker threads are neither). */
const NETWORK_OR_PROCESS_MODULE = /^(node:)?(child_process|cluster|net|http|https|http2|tls|dgram|dns|inspector)(\/|$)|^(undici|node-fetch|axios|got|ws)(\/|$)/;
/** Globals that reach the network. */
const NETWORK_GLOBAL = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(/g;
