import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SIZE_LIMIT, loadConfigFile } from './config-file';

const folder = (): string => mkdtempSync(join(tmpdir(), 'copydesk-config-file-'));

describe('loadConfigFile', () => {
  it('reads a regular file, and one linked from inside the workspace to inside it', () => {
    const workspace = folder();
    mkdirSync(join(workspace, 'house'));
    writeFileSync(join(workspace, 'house', 'rules.yml'), 'allow: [regime]\n');
    symlinkSync(join(workspace, 'house', 'rules.yml'), join(workspace, '.copydesk.yml'));
    expect(loadConfigFile(join(workspace, '.copydesk.yml'), { confineTo: workspace })).toMatchObject({ config: { allow: ['regime'] }, problems: [] });
  });

  it('refuses a link that leads outside the workspace it is confined to (the command line, unconfined, follows it)', () => {
    const outside = folder();
    writeFileSync(join(outside, 'house.yml'), 'allow: [regime]\n');
    const workspace = folder();
    symlinkSync(join(outside, 'house.yml'), join(workspace, '.copydesk.yml'));
    const confined = loadConfigFile(join(workspace, '.copydesk.yml'), { confineTo: workspace });
    expect(confined.config.allow).toEqual([]);
    expect(confined.problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(confined.problems[0].message).toMatch(/outside the workspace; Copydesk does not follow it\. Copydesk uses its defaults\.$/);
    expect(loadConfigFile(join(workspace, '.copydesk.yml')).config.allow).toEqual(['regime']);
  });

  it('refuses a FIFO, a folder and an oversized file without reading them, and a missing file without throwing', () => {
    const workspace = folder();
    execFileSync('mkfifo', [join(workspace, 'fifo.yml')]);
    mkdirSync(join(workspace, 'folder.yml'));
    writeFileSync(join(workspace, 'big.yml'), `allow: [${'a, '.repeat(CONFIG_SIZE_LIMIT / 3)}b]\n`);
    expect(loadConfigFile(join(workspace, 'fifo.yml')).problems[0].message).toContain('not a regular file');
    expect(loadConfigFile(join(workspace, 'folder.yml')).problems[0].message).toContain('not a regular file');
    expect(loadConfigFile(join(workspace, 'big.yml')).problems[0].message).toMatch(/bytes; the limit is 1048576/);
    expect(loadConfigFile(join(workspace, 'missing.yml')).problems[0].message).toContain('Cannot read the config file');
  });
});
