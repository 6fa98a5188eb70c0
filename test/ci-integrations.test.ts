/**
 * The ready-made CI pieces run as CI runs them: the GitHub Action's steps (each `run:` of action.yml, with
 * its inputs put in as GitHub would) in a temporary git repository with two commits, and the pre-commit
 * hook's definition and entry point. `uses:` steps (setup-node) are GitHub's, not ours, and are skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const GIT_ENV = { GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.com', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.com' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });

interface Step { name?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };

/** A newsroom repository: the first commit publishes a story, the second adds a loaded term to it and a new draft. */
function newsroom(): string {
  const repo = mkdtempSync(join(tmpdir(), 'copydesk-action-'));
  const body = '\n\nThe council met at noon.\n\nThe mayor read the budget aloud.\n\nThe clerk filed the minutes.\n';
  writeFileSync(join(repo, 'story.md'), `The regime fell on Tuesday.\n\nVoters went to the polls.${body}`);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'publish');
  writeFileSync(join(repo, 'story.md'), `The regime fell on Tuesday.\n\nThe dictator left the capital.${body}`);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'update');
  return repo;
}

/** Runs the action's `run:` steps in `cwd` with these inputs over the defaults; the last step's result. */
function runAction(cwd: string, inputs: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...inputs };
  let result = { status: 0 as number | null, stdout: '', stderr: '' };
  for (const step of action.runs.steps) {
    if (step.run === undefined) continue;
    expect(step.shell, step.name).toBe('bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => values[input] ?? '')]));
    const run = spawnSync('bash', ['-c', step.run], { cwd, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_ACTION_PATH: root, GITHUB_EVENT_PATH: '' } });
    result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
    expect(run.status === 0 || step === action.runs.steps.filter((candidate) => candidate.run !== undefined).at(-1), `${step.name}: ${run.stderr}`).toBe(true);
  }
  return result;
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action on Node 20 whose inputs each reach the lint step', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    const lint = action.runs.steps.find((step) => step.name === 'Lint the drafts')!;
    for (const input of Object.keys(action.inputs).filter((name) => name !== 'upload-sarif')) expect(Object.values(lint.env ?? {}).join(' '), input).toContain(`inputs.${input}`);
    // SARIF goes to code scanning after the lint step, even when that step failed on its findings.
    const upload = action.runs.steps.at(-1) as Step & { if?: string; with?: Record<string, string> };
    expect(upload).toMatchObject({ uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: '${{ inputs.sarif-file }}' } });
    expect(upload.if).toBe("${{ always() && inputs.format == 'sarif' && inputs.upload-sarif == 'true' }}");
  });

  it('by default annotates only the lines the last commit changed, and fails on the warning', () => {
    const { status, stdout } = runAction(newsroom());
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::warning file=story\.md,line=3,col=5,.*title=loaded-term::/)]);
  });

  it('changed-only false annotates every finding; max-warnings lets them pass; sarif writes the report file', () => {
    const repo = newsroom();
    const all = runAction(repo, { 'changed-only': 'false' });
    expect(all.stdout.trim().split('\n').map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual(['1', '3']);
    expect(runAction(repo, { 'changed-only': 'false', 'max-warnings': '2' }).status).toBe(0);
    const sarif = runAction(repo, { format: 'sarif', 'sarif-file': 'out/copydesk.sarif', 'base-ref': 'HEAD~1' });
    expect(sarif.status).toBe(1);
    const log = JSON.parse(readFileSync(join(repo, 'out', 'copydesk.sarif'), 'utf8'));
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['loaded-term']);
  });

  it('a bad input is an error annotation, and a path with spaces or shell characters is a path', () => {
    const repo = newsroom();
    const bad = runAction(repo, { format: 'html' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('::error title=copydesk action::format must be github or sarif, not "html"\n');
    writeFileSync(join(repo, '$(touch pwned).md'), 'The strongman spoke.\n');
    const odd = runAction(repo, { paths: 'story.md\n$(touch pwned).md\n', 'changed-only': 'false' });
    expect(odd.stdout).toMatch(/file=\$\(touch pwned\)\.md,line=1/);
    expect(existsSync(join(repo, 'pwned'))).toBe(false);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;

  it('runs the package\'s copydesk command on staged drafts only', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'copydesk', entry: 'copydesk', language: 'node' });
    const files = new RegExp(hook.files);
    expect(['story.md', 'notes.markdown', 'brief.txt', 'wire.news'].every((name) => files.test(name))).toBe(true);
    expect(['photo.png', 'story.md.bak', 'README'].some((name) => files.test(name))).toBe(false);
    // pre-commit installs the repository as a node package and runs its `copydesk` bin with the staged files.
    const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin[hook.entry];
    const repo = newsroom();
    writeFileSync(join(repo, 'staged.md'), 'He landed in the pariah state.\n');
    writeFileSync(join(repo, 'unstaged.md'), 'The strongman spoke.\n');
    git(repo, 'add', 'staged.md');
    const staged = git(repo, 'diff', '--cached', '--name-only').trim().split('\n').filter((name) => files.test(name));
    const run = spawnSync(process.execPath, [join(root, bin), ...staged], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('staged.md');
    expect(run.stdout).toContain('pariah state');
    expect(run.stdout).not.toContain('unstaged.md');
  });
});
