#!/usr/bin/env node
// Installs the programs the tests drive that npm cannot provide, from Debian's archive, so that
// `npm test` passes on a fresh machine. `npm test` runs this before vitest.
//
// Only missing packages are installed, and apt-get runs only when something is missing: a machine that
// has them all pays one `dpkg-query` per package. Without root, a missing package stops the run with a
// message naming it, rather than a test failing later for a reason that is hard to read.
//
// Usage: node scripts/provision-test-tools.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The Debian packages the test suite needs: neovim for the headless Neovim LSP test (test/neovim), chromium for the browser server's test (test/web). */
export const TEST_PACKAGES = ['neovim', 'chromium'];

/** Whether dpkg reports a package as installed. */
export function isInstalled(pkg) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (query.error) throw new Error(`cannot ask dpkg whether ${pkg} is installed (${query.error.code}); this script provisions Debian only: install ${pkg} yourself`);
  return query.stdout === 'install ok installed';
}

/**
 * Installs whichever of `packages` are missing, with apt-get, non-interactively and without recommended
 * extras. Returns the packages it installed (none when all were there). Throws with a readable message
 * when something is missing and this process is not root.
 */
export function ensureDebianPackages(packages, log) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(`the tests need these Debian packages, which are not installed: ${missing.join(' ')}.\n` +
      `Install them as root (sudo apt-get install --no-install-recommends ${missing.join(' ')}) or run npm test as root.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  log(`apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const stillMissing = missing.filter((pkg) => !isInstalled(pkg));
  if (stillMissing.length > 0) throw new Error(`apt-get finished but these are still not installed: ${stillMissing.join(' ')}`);
  return missing;
}

// Run as a script (not imported): provision what the tests need.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (message) => process.stderr.write(`provision-test-tools: ${message}\n`);
  try {
    ensureDebianPackages(TEST_PACKAGES, log);
  } catch (error) {
    log(error.message);
    process.exitCode = 1;
  }
}
