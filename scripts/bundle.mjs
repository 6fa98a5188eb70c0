#!/usr/bin/env node
// Bundles the command line, the language server, the VS Code client and the engine as a library into
// CommonJS files that run on plain Node with no node_modules beside them.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const bundles = [
  { entry: 'server/src/cli/index.ts', out: 'server/out/cli.js' },
  { entry: 'server/src/lsp/main.ts', out: 'server/out/server.js' },
  { entry: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
  // `lint` and `createLinter` for programs that embed the engine (and for the benchmark, which times the
  // engine as it ships rather than as a TypeScript loader compiles it).
  { entry: 'server/src/core/index.ts', out: 'server/out/engine.js' },
];

for (const bundle of bundles.filter((candidate) => existsSync(candidate.entry))) {
  await build({
    entryPoints: [bundle.entry],
    outfile: bundle.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: bundle.external ?? [],
    sourcemap: true,
    logLevel: 'warning',
  });
}
