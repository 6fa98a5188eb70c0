#!/usr/bin/env node
// The steps of action.yml, as a script so that they run the same in GitHub Actions and in the test that
// runs them (test/ci-integrations.test.ts). `setup` builds the command line if this checkout has not;
// `lint` turns the action's inputs (COPYDESK_* variables) into one copydesk run, by argument list (no shell,
// so a path with spaces or quotes is a path), and exits with its status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'server', 'out', 'cli.js');
const step = process.argv[2];

const fail = (message) => {
  // An error annotation; the message is escaped as the workflow-command rules ask.
  process.stdout.write(`::error title=copydesk action::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(2);
};

if (step === 'setup') {
  if (existsSync(cli)) process.exit(0);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  process.exit(npm.status ?? 1);
}
if (step !== 'lint') fail(`unknown step "${step}": use setup or lint`);

const env = process.env;
const format = env.COPYDESK_FORMAT || 'github';
if (format !== 'github' && format !== 'sarif') fail(`format must be github or sarif, not "${format}"`);
const args = ['--format', format];
if (format === 'sarif') args.push('--output', env.COPYDESK_SARIF_FILE || 'copydesk.sarif');
if (env.COPYDESK_SEVERITY) args.push('--severity', env.COPYDESK_SEVERITY);
if (env.COPYDESK_MAX_WARNINGS) args.push('--max-warnings', env.COPYDESK_MAX_WARNINGS);
const changedOnly = (env.COPYDESK_CHANGED_ONLY || 'true').trim().toLowerCase();
if (changedOnly !== 'true' && changedOnly !== 'false') fail(`changed-only must be true or false, not "${changedOnly}"`);
if (changedOnly === 'true') args.push('--changed-since', baseRef());
// One path per line when there are several lines (so a path may hold spaces), else separated by spaces.
const paths = env.COPYDESK_PATHS || '.';
args.push('--', ...paths.split(paths.includes('\n') ? /\r?\n/ : /\s+/).map((path) => path.trim()).filter((path) => path !== ''));

const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 2);

/** The input, else the pull request's base commit (from the event payload), else the commit before HEAD. */
function baseRef() {
  if (env.COPYDESK_BASE_REF) return env.COPYDESK_BASE_REF;
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
      const base = event.pull_request?.base?.sha ?? event.before;
      if (typeof base === 'string' && /^[0-9a-f]{7,64}$/.test(base) && !/^0+$/.test(base)) return base;
    } catch {
      // Not JSON: fall back.
    }
  }
  return 'HEAD~1';
}
