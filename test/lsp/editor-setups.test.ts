/**
 * The README's setups for Helix, Zed and Sublime Text cannot be run here (those editors are not on these
 * machines; the Neovim setup is run, in test/neovim). What can be checked is checked: each snippet parses
 * in its own format, starts a command the package installs, and names only languages, rule ids and levels
 * the server knows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULE_LEVELS } from '../../server/src/core/index';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const serverBins = Object.keys(JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')).bin as Record<string, string>);
const FORMATS = ['markdown', 'plaintext', 'newsdraft'];

/** The fenced code blocks of one README section (from its heading to the next heading of that level). */
function codeBlocks(heading: string): Array<{ lang: string; code: string }> {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0];
  const next = readme.indexOf(`\n${level} `, start + heading.length + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1], code: match[2] }));
}

/** Checks an editor-settings object for Copydesk: known rule ids and levels only. */
function expectKnownRuleSettings(settings: { rules?: Record<string, string> } | undefined): void {
  for (const [rule, level] of Object.entries(settings?.rules ?? {})) {
    expect(RULE_IDS, `rule id ${rule}`).toContain(rule);
    expect(RULE_LEVELS, `level ${level}`).toContain(level);
  }
}

describe("the README's setups for other editors", () => {
  it('Helix: languages.toml starts the installed server for markdown and .news drafts', () => {
    const [block] = codeBlocks('### Helix').filter((block) => block.lang === 'toml');
    const config = parseToml(block.code) as {
      'language-server': Record<string, { command: string; config?: { copydesk?: { rules?: Record<string, string> } } }>;
      language: Array<{ name: string; 'language-servers': string[]; 'file-types'?: string[] }>;
    };
    const server = config['language-server'].copydesk;
    expect(serverBins).toContain(server.command);
    expectKnownRuleSettings(server.config?.copydesk);
    expect(config.language.find((language) => language.name === 'markdown')?.['language-servers']).toContain('copydesk');
    expect(config.language.find((language) => language.name === 'newsdraft')).toMatchObject({ 'file-types': ['news'], 'language-servers': ['copydesk'] });
  });

  it('Zed: the extension manifest maps its languages to formats the server reads, and starts the installed server', () => {
    const blocks = codeBlocks('### Zed');
    const manifest = parseToml(blocks.find((block) => block.code.startsWith('# extension.toml'))!.code) as {
      language_servers: Record<string, { languages: string[]; language_ids: Record<string, string> }>;
    };
    const server = manifest.language_servers.copydesk;
    for (const language of server.languages) expect(FORMATS).toContain(server.language_ids[language]);
    expect(parseToml(blocks.find((block) => block.code.startsWith('# Cargo.toml'))!.code)).toMatchObject({ lib: { 'crate-type': ['cdylib'] } });
    const rust = blocks.find((block) => block.lang === 'rust')!.code;
    const started = /which\("([^"]+)"\)/.exec(rust)?.[1];
    expect(serverBins).toContain(started);
    expect(rust).toContain('"--stdio"');
  });

  it('Sublime Text: the LSP client settings start the installed server with valid editor settings', () => {
    const [block] = codeBlocks('### Sublime Text').filter((block) => block.lang === 'jsonc');
    const errors: ParseError[] = [];
    const settings = parseJsonc(block.code, errors) as { clients: Record<string, { command: string[]; selector: string; settings?: { copydesk?: { rules?: Record<string, string> } } }> };
    expect(errors).toEqual([]);
    const client = settings.clients.copydesk;
    expect(serverBins).toContain(client.command[0]);
    expect(client.selector).toContain('text.html.markdown');
    expectKnownRuleSettings(client.settings?.copydesk);
  });
});
