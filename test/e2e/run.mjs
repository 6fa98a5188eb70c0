#!/usr/bin/env node
// Extension-host tests of the packaged Copydesk extension in a real VS Code, headless.
//
//   node test/e2e/run.mjs                 provision, build + package the .vsix, install it into code-server,
//                                         run host/suite.js inside the Node extension host, then web-host/suite.js
//                                         inside the web-worker extension host (VS Code for the Web); exits 0 if both pass
//   node test/e2e/run.mjs --screenshots   same editor, driven like a person, writes docs/images/*.png
//   --keep                                keep the run's temporary folder (logs, settings, workspace)
//   --web-screenshot                      also write docs/images/web-host.png when the web suite has passed
//
// How: code-server (VS Code's server build) runs the real Node extension host; Debian's chromium, driven by
// playwright-core, opens the workbench on 127.0.0.1. For tests the `payload` URL parameter names a thin test-only
// extension (host/) as extensionDevelopmentPath and its mocha entry as extensionTestsPath; the workbench reports
// the run's exit code through window.codeAutomationExit. The extension under test is the installed .vsix.
// Everything the run writes lives in one temporary folder (HOME and XDG_* point there); every process it starts
// runs in its own process group and is ended with it, pass or fail.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { provision } from './provision.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const args = process.argv.slice(2);
const screenshots = args.includes('--screenshots');
const keep = args.includes('--keep');
const webScreenshot = args.includes('--web-screenshot');
const TIMEOUT_MS = 180_000;
const t0 = Date.now();
const log = (...parts) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

// ---- 1. tools, build, package -----------------------------------------------------------------------------
const tools = provision(join(repo, '.cache', 'e2e'), log);
log('tools ready');
// npm_config_cache: npm's log files go there too, not to ~/.npm.
const packaging = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(repo, '.cache', 'e2e', 'npm-cache') } });
if (packaging.status !== 0) {
  process.stdout.write(packaging.stdout + packaging.stderr);
  log(`npm run package failed (${packaging.status ?? packaging.signal})`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const vsix = join(repo, `copydesk-${version}.vsix`);
log(`packaged ${vsix}`);

// ---- 2. one temporary folder for everything the run writes ----------------------------------------------------
const run = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
const dir = (...parts) => { const path = join(run, ...parts); mkdirSync(path, { recursive: true }); return path; };
const env = {
  ...process.env,
  HOME: dir('home'), XDG_CONFIG_HOME: dir('xdg-config'), XDG_DATA_HOME: dir('xdg-data'), XDG_CACHE_HOME: dir('xdg-cache'),
  TMPDIR: dir('tmp'), VSCODE_AGENT_FOLDER: dir('agent'),
  EXTENSIONS_GALLERY: '{}', // no marketplace queries
  COPYDESK_E2E_REPO: repo, COPYDESK_E2E_MOCHA: tools.mocha, // read by host/ inside the extension host
};
process.env.TMPDIR = env.TMPDIR; // playwright makes chromium's profile folder under os.tmpdir()
const workspace = dir('workspace');
copyFileSync(join(repo, 'test-fixtures', 'seed-article.md'), join(workspace, 'seed-article.md'));
// The web suite gets its own workspace, and its test extension carries the expected findings (it has no disk to read them from).
const webWorkspace = dir('workspace-web');
copyFileSync(join(repo, 'test-fixtures', 'seed-article.md'), join(webWorkspace, 'seed-article.md'));
const webHost = dir('web-host');
copyFileSync(join(here, 'web-host', 'package.json'), join(webHost, 'package.json'));
// The worker host's require() knows only 'vscode': the shared helpers go in front of the suite, in a scope of their own.
writeFileSync(join(webHost, 'suite.js'), `const e2eHelpers = (() => {\nconst module = { exports: {} };\n${readFileSync(join(here, 'helpers.js'), 'utf8')}\nreturn module.exports;\n})();\n${readFileSync(join(here, 'web-host', 'suite.js'), 'utf8')}`);
copyFileSync(join(repo, 'test-fixtures', 'seed-article.md.expected.json'), join(webHost, 'seed-article.md.expected.json'));
if (webScreenshot) writeFileSync(join(webHost, 'take-screenshot'), '');
const userSettings = join(dir('user-data', 'User'), 'settings.json');
writeFileSync(userSettings, JSON.stringify({
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false,
  'workbench.enableExperiments': false, 'git.enabled': false, 'security.workspace.trust.enabled': false,
  ...(screenshots ? { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.hover.delay': 100 } : {}),
}, null, 1));
writeFileSync(join(run, 'config.yaml'), 'auth: none\ncert: false\n');
const port = await new Promise((resolve, reject) => {
  const server = createServer().on('error', reject).listen(0, '127.0.0.1', () => { const { port: free } = server.address(); server.close(() => resolve(free)); });
});
const codeServerArgs = ['--config', join(run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--user-data-dir', join(run, 'user-data'), '--extensions-dir', dir('extensions')];

// ---- 3. start, run, end everything --------------------------------------------------------------------------------
let codeServer;
let browser;
async function stop(code) {
  try { await browser?.close(); } catch { /* already gone */ }
  if (codeServer) {
    const alive = () => { try { process.kill(-codeServer.pid, 0); return true; } catch { return false; } };
    try { process.kill(-codeServer.pid, 'SIGTERM'); } catch { /* already gone */ }
    for (const until = Date.now() + 5000; alive() && Date.now() < until;) await new Promise((resolve) => setTimeout(resolve, 50));
    try { process.kill(-codeServer.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  if (keep) log(`kept ${run}`);
  else rmSync(run, { recursive: true, force: true });
  log(`done, exit code ${code}`);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => { log(signal); void stop(130); });

try {
  // The shipped artifact is what is tested.
  execFileSync(tools.codeServer, [...codeServerArgs, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`installed ${vsix} into ${join(run, 'extensions')}`);

  // detached: code-server, its extension host, the language server and watchers share one process group.
  codeServer = spawn(tools.codeServer, [...codeServerArgs, '--ignore-last-opened'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  await new Promise((resolve, reject) => {
    const onData = (data) => { serverLog += data; if (process.env.E2E_VERBOSE) process.stdout.write(`[code-server] ${data}`); if (serverLog.includes('HTTP server listening')) resolve(); };
    codeServer.stdout.on('data', onData);
    codeServer.stderr.on('data', onData);
    codeServer.on('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${serverLog}`)));
  });
  log(`code-server ${codeServer.pid} listening on 127.0.0.1:${port}`);

  const { chromium } = createRequire(import.meta.url)(tools.playwright);
  browser = await chromium.launch({ executablePath: tools.chromium, headless: true, env, args: ['--no-sandbox', '--disable-gpu',
    '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => log('[page error]', error.message));
    return page;
  };
  const timeout = (what) => new Promise((resolve) => setTimeout(() => { log(`TIMEOUT: ${what} after ${TIMEOUT_MS / 1000}s`); resolve(1); }, TIMEOUT_MS).unref());
  if (screenshots) {
    await stop(await Promise.race([takeScreenshots(await newPage(), port), timeout('screenshots')]));
  } else {
    const desktopPage = await newPage();
    const desktop = await Promise.race([runSuite(desktopPage, port, { host: join(here, 'host'), folder: workspace, kind: 'node' }), timeout('the desktop suite')]);
    await desktopPage.close();
    // The installed extension runs where remote.extensionKind puts it, decided when the workbench loads: a
    // new page, with Copydesk and the test extension both in the web-worker extension host.
    const settings = JSON.parse(readFileSync(userSettings, 'utf8'));
    writeFileSync(userSettings, JSON.stringify({ ...settings, 'remote.extensionKind': { 'copydesk.copydesk': ['web'] } }, null, 1));
    const started = Date.now();
    const web = await Promise.race([runSuite(await newPage(), port, { host: webHost, folder: webWorkspace, kind: 'web' }), timeout('the web suite')]);
    log(`web suite: exit code ${web} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await stop(desktop === 0 && web === 0 ? 0 : 1);
  }
} catch (error) {
  log(error?.stack ?? error);
  await stop(1);
}

// ---- the suite inside the extension host ------------------------------------------------------------------------
async function runSuite(page, port, { host, folder, kind }) {
  // The status bar item cannot be read through the API: watch the workbench's DOM for it while the suite runs.
  const expectedCount = JSON.parse(readFileSync(join(repo, 'test-fixtures', 'seed-article.md.expected.json'), 'utf8')).length;
  const statusSeen = new Set();
  await page.exposeFunction('copydeskStatus', (text) => statusSeen.add(text));
  await page.addInitScript(() => {
    let last;
    new MutationObserver(() => {
      const text = document.getElementById('workbench.parts.statusbar')?.textContent.match(/Copydesk: \d+/)?.[0];
      if (text && text !== last) window.copydeskStatus((last = text));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The workbench calls these when they exist (the contract @vscode/test-web uses).
  const counts = { passing: 0, failing: 0 };
  // The web suite logs from its worker; chromium reports a worker's console on the page.
  // The web suite's lines come through codeAutomationLog too; an extension's errors in the worker host only here.
  if (kind === 'web') page.on('console', (message) => { if (process.env.E2E_VERBOSE || (message.type() === 'error' && /copydesk/i.test(message.text()))) log(`[web console ${message.type()}] ${message.text()}`); });
  await page.exposeFunction('codeAutomationLog', (type, parts) => {
    const line = format(...(typeof parts?.[0] === 'string' && parts[0].startsWith('%c') ? parts.slice(2) : parts ?? []));
    const count = /^\s*(?:\[web suite\]\s*)?(\d+) (passing|failing)/.exec(line);
    if (count) counts[count[2]] = Number(count[1]);
    if (kind === 'web' && webScreenshot && line.includes('[web suite] ready for the screenshot')) {
      mkdirSync(join(repo, 'docs', 'images'), { recursive: true });
      void page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
        .then(() => page.screenshot({ path: join(repo, 'docs', 'images', 'web-host.png') }))
        .then(() => { log('wrote docs/images/web-host.png'); writeFileSync(join(host, 'screenshot-taken'), ''); });
    }
    if (process.env.E2E_VERBOSE || !/^(Resolving|Resolved|Creating a socket|Updating additional|\[Service Worker\]|Ignoring fetching)/.test(line)) log(`[${type}] ${line}`);
  });
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(host)], ['extensionTestsPath', remote(join(host, kind === 'web' ? 'suite.js' : 'index.js'))],
    ...(kind === 'web' ? [['extensionDevelopmentKind', 'web']] : []),
    ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  log(`workbench loaded; ${kind} suite running in the ${kind === 'web' ? 'web-worker' : 'Node'} extension host`);
  const code = await exited;
  log(`suite finished with exit code ${code}; status bar showed: ${[...statusSeen].join(', ') || 'nothing'}`);
  const statusOk = statusSeen.has(`Copydesk: ${expectedCount}`);
  if (!statusOk) log(`FAIL: the status bar never showed "Copydesk: ${expectedCount}" for the seed article`);
  console.log(`${kind} extension host: ${counts.passing + (statusOk ? 1 : 0)} passed, ${counts.failing + (statusOk ? 0 : 1)} failed`);
  return code === 0 && !statusOk ? 1 : code;
}

// ---- screenshots for the README, taken as a person would make them ----------------------------------------------
async function takeScreenshots(page, port) {
  const out = join(repo, 'docs', 'images');
  mkdirSync(out, { recursive: true });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  const statusBar = page.locator('[id="workbench.parts.statusbar"]');
  await statusBar.waitFor({ timeout: 60_000 });
  const command = async (name) => { // runs a command from the palette by its exact title
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${name}`);
    await page.locator('.quick-input-list .label-name').filter({ hasText: new RegExp(`^${name.replace(/[^\w\s]/g, '\\$&')}$`) }).first().click({ timeout: 10_000 });
  };
  const shot = async (name) => { await page.screenshot({ path: join(out, name) }); log(`wrote docs/images/${name}`); };

  // Diagnostics: the seed article with its squiggles, the Problems panel and the status bar count.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('seed-article.md');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'seed-article.md' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await statusBar.getByText(/Copydesk: [1-9]/).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await command('View: Focus Active Editor Group');
  await shot('diagnostics.png');

  // Quick fix: the cursor on "pariah state" (line 7), then Ctrl+. — asked again while VS Code is still registering
  // other providers and cancels the first request.
  const gotoPariah = async () => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':7:214');
    await page.keyboard.press('Enter');
  };
  await gotoPariah();
  const fixMenu = page.locator('.action-widget', { hasText: 'isolated country' });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try { await fixMenu.waitFor({ timeout: 3000 }); break; } catch (error) {
      if (attempt === 5) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await shot('quick-fix.png');
  await page.keyboard.press('Escape');

  // Hover on the same finding.
  await command('Show or Focus Hover');
  await page.locator('.monaco-hover', { hasText: 'Better' }).first().waitFor({ timeout: 10_000 });
  await shot('hover.png');
  await page.keyboard.press('Escape');

  // The sourcing report, opened beside the draft, with room to read it.
  await command('View: Hide Panel');
  await command('View: Close Primary Side Bar');
  await command('Copydesk: Show Sourcing Report');
  await page.locator('.monaco-editor', { hasText: 'Named sources' }).first().waitFor({ timeout: 20_000 });
  await command('Fold Level 3'); // one line per source, so that all four sections fit
  await page.locator('.monaco-editor', { hasText: 'Unattributed quotes' }).first().waitFor({ timeout: 10_000 });
  await command('View: Focus First Editor Group'); // the status bar counts the draft's findings
  await statusBar.getByText(/Copydesk: [1-9]/).waitFor({ timeout: 10_000 });
  await shot('sourcing-report.png');
  return 0;
}
