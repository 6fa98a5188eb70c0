#!/usr/bin/env node
// Bundles the command line (and, as they exist, the language server and the VS Code client) into
// CommonJS files that run on plain Node with no node_modules beside them.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const bundles = [
  { entry: 'server/src/cli/index.ts', out: 'server/out/cli.js' },
  { entry: 'server/src/lsp/main.ts', out: 'server/out/server.js' },
  { entry: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
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
