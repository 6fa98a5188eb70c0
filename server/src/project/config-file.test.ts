import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SIZE_LIMIT, createConfigResolver as createResolver, loadConfigFile as loadConfig, NO_PROJECT_CONFIG, type ConfigResolverOptions } from './config-file';
import { nodeProjectFiles, uriOf } from './node-files';

// The resolver as the command line and the Node server use it: on disk, by path.
const loadConfigFile = (path: string, options: { confineTo?: string } = {}) => loadConfig(nodeProjectFiles, uriOf(path), options.confineTo === undefined ? undefined : uriOf(options.confineTo));
const createConfigResolver = (options: Omit<ConfigResolverOptions, 'files'> = {}) => {
  const resolver = createResolver({ files: nodeProjectFiles, ...options });
  return { ...resolver, forFile: (path: string) => resolver.forFile(uriOf(path)) };
};

const folder = (): string => mkdtempSync(join(tmpdir(), 'copydesk-config-file-'));

describe('loadConfigFile', async () => {
  it('reads a regular file, and one linked from inside the workspace to inside it', async () => {
    const workspace = folder();
    mkdirSync(join(workspace, 'house'));
    writeFileSync(join(workspace, 'house', 'rules.yml'), 'allow: [regime]\n');
    symlinkSync(join(workspace, 'house', 'rules.yml'), join(workspace, '.copydesk.yml'));
    expect(await loadConfigFile(join(workspace, '.copydesk.yml'), { confineTo: workspace })).toMatchObject({ config: { allow: ['regime'] }, problems: [] });
  });

  it('refuses a link that leads outside the workspace it is confined to (the command line, unconfined, follows it)', async () => {
    const outside = folder();
    writeFileSync(join(outside, 'house.yml'), 'allow: [regime]\n');
    const workspace = folder();
    symlinkSync(join(outside, 'house.yml'), join(workspace, '.copydesk.yml'));
    const confined = await loadConfigFile(join(workspace, '.copydesk.yml'), { confineTo: workspace });
    expect(confined.config.allow).toEqual([]);
    expect(confined.problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(confined.problems[0].message).toMatch(/outside the workspace; Copydesk does not follow it\. Copydesk uses its defaults\.$/);
    expect((await loadConfigFile(join(workspace, '.copydesk.yml'))).config.allow).toEqual(['regime']);
  });

  it('refuses a FIFO, a folder and an oversized file without reading them, and a missing file without throwing', async () => {
    const workspace = folder();
    execFileSync('mkfifo', [join(workspace, 'fifo.yml')]);
    mkdirSync(join(workspace, 'folder.yml'));
    writeFileSync(join(workspace, 'big.yml'), `allow: [${'a, '.repeat(CONFIG_SIZE_LIMIT / 3)}b]\n`);
    expect((await loadConfigFile(join(workspace, 'fifo.yml'))).problems[0].message).toContain('not a regular file');
    expect((await loadConfigFile(join(workspace, 'folder.yml'))).problems[0].message).toContain('The config file is a folder');
    expect((await loadConfigFile(join(workspace, 'big.yml'))).problems[0].message).toContain('The config file is larger than 1 MB; not read');
    expect((await loadConfigFile(join(workspace, 'missing.yml'))).problems[0].message).toContain('Cannot read the config file');
  });
});

describe('createConfigResolver: the one resolver of the command line and the language server', async () => {
  /** A project with a config at its top and a draft two folders down. */
  const project = (): { top: string; draft: string } => {
    const top = folder();
    mkdirSync(join(top, 'desk', 'politics'), { recursive: true });
    writeFileSync(join(top, '.copydesk.yml'), 'allow: [regime]\nrules:\n  scare-quotes: off\n');
    return { top, draft: join(top, 'desk', 'politics', 'story.md') };
  };

  it('finds the nearest .copydesk.yml above a draft, reads it once, and reports each read once', async () => {
    const { top, draft } = project();
    const read: string[] = [];
    const resolver = createConfigResolver({ onLoad: (loaded) => read.push(loaded.uri ?? '?') });
    const first = await resolver.forFile(draft);
    expect(first.config.allow).toEqual(['regime']);
    expect(await resolver.forFile(join(top, 'desk', 'other.md'))).toBe(first);
    expect(read).toEqual([uriOf(join(top, '.copydesk.yml'))]);
  });

  it('lays rule overrides over the project config, giving the same object for the same pair', async () => {
    const { draft } = project();
    const resolver = createConfigResolver();
    const loaded = await resolver.forFile(draft);
    const overrides = { 'loaded-term': 'error' as const, 'scare-quotes': 'warning' as const };
    const config = resolver.engineConfig(loaded, overrides);
    expect(config.rules).toEqual({ 'scare-quotes': 'warning', 'loaded-term': 'error' });
    expect(config.allow).toEqual(['regime']);
    expect(resolver.engineConfig(loaded, overrides)).toBe(config);
    expect(resolver.engineConfig(loaded, {})).not.toBe(config);
    expect(loaded.config.rules).toEqual({ 'scare-quotes': 'off' });
  });

  it('uses an explicit config for every draft, and the defaults where there is none', async () => {
    const { top } = project();
    const elsewhere = folder();
    writeFileSync(join(elsewhere, 'house.yml'), 'allow: [junta]\n');
    expect((await createConfigResolver({ explicit: uriOf(join(elsewhere, 'house.yml')) }).forFile(join(top, 'a.md'))).config.allow).toEqual(['junta']);
    expect(await createConfigResolver().forFile(join(elsewhere, 'a.md'))).toBe(NO_PROJECT_CONFIG);
  });

  it('stops at the workspace folder and refuses a config that links out of it', async () => {
    const { top, draft } = project();
    const workspace = join(top, 'desk');
    expect(await createConfigResolver({ rootFor: () => uriOf(workspace) }).forFile(draft)).toBe(NO_PROJECT_CONFIG);
    const outside = folder();
    writeFileSync(join(outside, 'house.yml'), 'allow: [junta]\n');
    symlinkSync(join(outside, 'house.yml'), join(workspace, '.copydesk.yml'));
    const linked = await createConfigResolver({ rootFor: () => uriOf(workspace) }).forFile(draft);
    expect(linked.config.allow).toEqual([]);
    expect(linked.problems[0].message).toMatch(/outside the workspace/);
  });

  it('sees a config created later after clear(), or at once when lookups are not remembered', async () => {
    const top = folder();
    const draft = join(top, 'story.md');
    const remembering = createConfigResolver();
    const looking = createConfigResolver({ rememberLookups: () => false });
    expect(await remembering.forFile(draft)).toBe(NO_PROJECT_CONFIG);
    expect(await looking.forFile(draft)).toBe(NO_PROJECT_CONFIG);
    writeFileSync(join(top, '.copydesk.yml'), 'allow: [regime]\n');
    expect(await remembering.forFile(draft)).toBe(NO_PROJECT_CONFIG);
    expect((await looking.forFile(draft)).config.allow).toEqual(['regime']);
    remembering.clear();
    expect((await remembering.forFile(draft)).config.allow).toEqual(['regime']);
  });
});
