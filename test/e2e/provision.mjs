// Installs what the extension-host tests need, once, and reuses it after:
//   Debian packages (apt-get, only those missing) and, in <repo>/.cache/e2e (git-ignored), code-server
//   (VS Code 1.100.3's server build with its real Node extension host), playwright-core and mocha.
// Nothing is fetched but Debian and npm packages; nothing is written to the home folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages } from '../../scripts/provision-test-tools.mjs';

// code-server 4.100.3 (= VS Code 1.100.3) is the newest whose install accepts Node 20; VS Code 1.100 meets
// vscode-languageclient 11's engines.vscode (^1.91.0).
export const TOOLS = { 'code-server': '4.100.3', 'playwright-core': '1.65.1', mocha: '10.8.2' };
// chromium drives the workbench at every run; the others are needed only to build code-server's native
// modules (kerberos, node-pty, spdlog, argon2 compile against /usr headers because their prebuilt downloads
// are not reachable) and to stand in for @vscode/ripgrep's download.
const RUN_PACKAGES = ['chromium'];
const INSTALL_PACKAGES = ['ripgrep', 'build-essential', 'python3', 'libkrb5-dev'];

/** Makes sure everything is there; returns the paths the runner needs. */
export function provision(cacheDir, log) {
  const marker = join(cacheDir, 'provisioned.json');
  const wanted = JSON.stringify(TOOLS);
  const ready = existsSync(marker) && readFileSync(marker, 'utf8') === wanted;
  ensureDebianPackages(ready ? RUN_PACKAGES : [...RUN_PACKAGES, ...INSTALL_PACKAGES], log);
  if (!ready) {
    log(`npm install ${Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`).join(' ')} into ${cacheDir}`);
    const tmp = join(cacheDir, 'tmp');
    // @vscode/ripgrep's postinstall takes $TMPDIR/vscode-ripgrep-cache-<version>/<asset> when present instead of
    // downloading it: hand it Debian's rg.
    const ripgrepCache = join(tmp, 'vscode-ripgrep-cache-1.15.11');
    mkdirSync(ripgrepCache, { recursive: true });
    execFileSync('tar', ['czf', join(ripgrepCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', '/usr/bin', 'rg']);
    writeFileSync(join(cacheDir, 'package.json'), `${JSON.stringify({ name: 'copydesk-e2e-tools', private: true, dependencies: TOOLS }, null, 2)}\n`);
    const env = {
      ...process.env,
      TMPDIR: tmp,
      npm_config_cache: join(cacheDir, 'npm-cache'), // not ~/.npm
      XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
      XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
      XDG_DATA_HOME: join(tmp, 'xdg-data'),
      npm_config_nodedir: '/usr', // node-gyp builds against the installed Node headers instead of downloading them
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which this machine's npm config refuses otherwise
    };
    // --unsafe-perm: code-server's postinstall refuses to run as root without it.
    execFileSync('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cacheDir, env, stdio: 'inherit' });
    const version = execFileSync(join(cacheDir, 'node_modules', '.bin', 'code-server'), ['--version'], { env, encoding: 'utf8' });
    log(`code-server ${version.split('\n')[0]}`);
    writeFileSync(marker, wanted);
  }
  return {
    codeServer: join(cacheDir, 'node_modules', '.bin', 'code-server'),
    playwright: join(cacheDir, 'node_modules', 'playwright-core', 'index.js'),
    mocha: join(cacheDir, 'node_modules', 'mocha'),
    chromium: '/usr/bin/chromium',
  };
}
