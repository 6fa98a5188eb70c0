/**
 * The worker thread behind huge drafts, driven directly: answers equal the engine's, a newer job for a
 * draft replaces a waiting one, closing a draft stops its running job, and a worker that dies fails
 * only the job it was running (the next job gets a fresh worker). Run against the built bundle, as the
 * server runs it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinter, DEFAULT_CONFIG, lint } from '../../server/src/core/index';
import { BackgroundLintError, BackgroundLinter, jobTimeLimitMs } from '../../server/src/lsp/background-lint';
import { BACKGROUND_LINT_THRESHOLD, SupersededError, answerWith, lintWeight, type LintAnswer } from '../../server/src/lsp/lint-jobs';
import { bigDraft } from './drafts';
import { SERVER_PATH } from './lsp-client';

const inLine = (): LintAnswer => ({ findings: [], total: -1 });
let linter: BackgroundLinter | undefined;
afterEach(() => linter?.dispose());

describe('BackgroundLinter', () => {
  it('answers with the engine\'s findings, computed on the worker', async () => {
    linter = new BackgroundLinter(SERVER_PATH, inLine);
    const text = 'The dictator claimed that many believe the vote was fair.';
    const answer = await linter.run('a', 'lint', text, 'markdown', DEFAULT_CONFIG);
    expect(answer.total).toBe(lint(text, { format: 'markdown' }).length);
    expect(answer.findings).toEqual(lint(text, { format: 'markdown' }));
  });

  it('a newer job for the same draft replaces the one waiting; the running one finishes', async () => {
    linter = new BackgroundLinter(SERVER_PATH, inLine);
    const running = linter.run('draft', 'lint', bigDraft(300_000, 40), 'markdown', DEFAULT_CONFIG);
    const waiting = linter.run('draft', 'lint', 'The dictator spoke.', 'markdown', DEFAULT_CONFIG);
    const newest = linter.run('draft', 'lint', 'The regime spoke.', 'markdown', DEFAULT_CONFIG);
    await expect(waiting).rejects.toBeInstanceOf(SupersededError);
    expect((await running).total).toBeGreaterThan(0);
    expect((await newest).findings.map((finding) => finding.actual)).toEqual(['regime']);
  });

  it('closing a draft stops its running job; the next job runs on a fresh worker', async () => {
    linter = new BackgroundLinter(SERVER_PATH, inLine);
    const running = linter.run('closed', 'lint', bigDraft(2 * 1024 * 1024, 41), 'markdown', DEFAULT_CONFIG);
    const other = linter.run('other', 'lint', 'The dictator spoke.', 'markdown', DEFAULT_CONFIG);
    linter.cancel('closed');
    await expect(running).rejects.toBeInstanceOf(SupersededError);
    expect((await other).findings.map((finding) => finding.actual)).toEqual(['dictator']);
  });

  it('a worker that dies fails the job it was running with a reason, and later jobs still settle', async () => {
    const dying = join(mkdtempSync(join(tmpdir(), 'copydesk-dying-')), 'dying.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const logs: string[] = [];
    linter = new BackgroundLinter(dying, inLine, (message) => logs.push(message));
    await expect(linter.run('a', 'lint', 'text', 'markdown', DEFAULT_CONFIG)).rejects.toThrow(new BackgroundLintError('the background linter stopped (exit code 3)'));
    await expect(linter.run('b', 'lint', 'text', 'markdown', DEFAULT_CONFIG)).rejects.toBeInstanceOf(BackgroundLintError);
    expect(logs).toContain('the lint worker stopped: exit code 3');
  });

  it("a job over its time limit stops the worker and fails with the reason; the next draft's job runs on a fresh worker", async () => {
    // A worker that never answers "hang" (a draft the engine cannot finish) and answers anything else.
    const hanging = join(mkdtempSync(join(tmpdir(), 'copydesk-hanging-')), 'hanging.js');
    writeFileSync(hanging, "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (job) => { if (job.text !== 'hang') parentPort.postMessage({ id: job.id, answer: { findings: [], total: 7 } }); });\n");
    const logs: string[] = [];
    linter = new BackgroundLinter(hanging, inLine, (message) => logs.push(message), 30_000, (characters) => (characters === 4 ? 200 : 60_000));
    const stuck = linter.run('bad', 'lint', 'hang', 'markdown', DEFAULT_CONFIG);
    const next = linter.run('good', 'lint', 'fine text', 'markdown', DEFAULT_CONFIG);
    await expect(stuck).rejects.toThrow(new BackgroundLintError('it took longer than 0.2 s'));
    expect((await next).total).toBe(7);
    expect(logs).toContain('a lint took longer than 0.2 s; the worker was stopped');
  });

  it('markup-dense markdown weighs more than its length: 8 KB of reference links go to the worker, a 6 KB article with links does not', () => {
    let references = '';
    for (let i = 0; references.length < 8_000; i++) references += i % 2 ? `[r${i}]: https://example.com/${i}\n` : `The minister said the plan [r${i + 1}] would pass.\n\n`;
    expect(lintWeight(references, 'markdown')).toBeGreaterThan(BACKGROUND_LINT_THRESHOLD);
    expect(lintWeight(references, 'plaintext')).toBe(references.length);
    const article = Array.from({ length: 12 }, (_, i) => `The council voted ${i} times, [the minutes](https://example.com/${i}) show, and the mayor said the budget would pass on Tuesday after a long debate about the new library, the roads and the parks. Officials said the vote was close.`).join('\n\n');
    expect(article.length).toBeGreaterThan(2_500);
    expect(lintWeight(article, 'markdown')).toBeLessThan(BACKGROUND_LINT_THRESHOLD);
    expect(lintWeight('x'.repeat(BACKGROUND_LINT_THRESHOLD + 1), 'markdown')).toBe(BACKGROUND_LINT_THRESHOLD + 1);
  });

  it('the time limit allows 5 s and 4 s per million characters', () => {
    expect(jobTimeLimitMs(0)).toBe(5_000);
    expect(jobTimeLimitMs(5 * 1024 * 1024)).toBe(5_000 + Math.ceil(5 * 1.048576 * 4_000));
  });

  it('a worker with nothing to do is stopped, and the next job starts another', async () => {
    linter = new BackgroundLinter(SERVER_PATH, inLine, () => {}, 50);
    await linter.run('a', 'lint', 'The dictator spoke.', 'markdown', DEFAULT_CONFIG);
    expect(linter.hasWorker).toBe(true);
    for (const deadline = Date.now() + 20_000; linter.hasWorker && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(linter.hasWorker).toBe(false);
    expect((await linter.run('b', 'lint', 'The regime spoke.', 'markdown', DEFAULT_CONFIG)).findings.map((finding) => finding.actual)).toEqual(['regime']);
    expect(linter.hasWorker).toBe(true);
  });

  it('with no worker script (running from sources), jobs run in line', async () => {
    linter = new BackgroundLinter(undefined, (operation, text, format, config) => answerWith(createLinter(config), operation, text, format));
    expect((await linter.run('a', 'lint', 'The dictator spoke.', 'markdown', DEFAULT_CONFIG)).findings.map((finding) => finding.actual)).toEqual(['dictator']);
  });
});
