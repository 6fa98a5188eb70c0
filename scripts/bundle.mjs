#!/usr/bin/env node
// Bundles the command line, the language server, the VS Code client and the engine as a library into
// CommonJS files that run on plain Node with no node_modules beside them; and the web client and the
// language server's web worker for VS Code for the Web, minified (they are downloaded by every browser
// that opens a draft).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const bundles = [
  { entry: 'server/src/cli/index.ts', out: 'server/out/cli.js' },
  { entry: 'server/src/lsp/main.ts', out: 'server/out/server.js' },
  { entry: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
  // `lint` and `createLinter` for programs that embed the engine (and for the benchmark, which times the
  // engine as it ships rather than as a TypeScript loader compiles it).
  { entry: 'server/src/core/index.ts', out: 'server/out/engine.js' },
  // VS Code for the Web: the client runs in the web-worker extension host (CommonJS, `vscode` provided),
  // and starts the server as a classic web worker (an IIFE, no module system).
  { entry: 'client/src/browser-extension.ts', out: 'client/out/browser-extension.js', external: ['vscode'], platform: 'browser' },
  { entry: 'server/src/lsp/browser-main.ts', out: 'server/out/browser-server.js', platform: 'browser', format: 'iife' },
];

for (const bundle of bundles.filter((candidate) => existsSync(candidate.entry))) {
  await build({
    entryPoints: [bundle.entry],
    outfile: bundle.out,
    bundle: true,
    platform: bundle.platform ?? 'node',
    target: bundle.platform === 'browser' ? 'es2022' : 'node20',
    format: bundle.format ?? 'cjs',
    minify: bundle.platform === 'browser',
    // Both browser bundles run in web workers, which have no DOM: packages that offer a DOM build under
    // `browser` (decode-named-character-reference, in the markdown parser) give their worker build here.
    conditions: bundle.platform === 'browser' ? ['worker'] : [],
    external: bundle.external ?? [],
    sourcemap: true,
    logLevel: 'warning',
  });
}
