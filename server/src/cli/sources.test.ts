/**
 * `copydesk sources`, driven in-process: the JSON shape and its UTF-16 offsets, the editor's stylish
 * summary, the CSV (quoting and formula defusing), terminal safety, errors and help, and configured sources.
 * Every draft here is written for these tests.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from './main';
import { cli, folder } from './test-helpers';

interface Span {
  offset: number;
  endOffset: number;
  text: string;
}
interface JsonSource {
  speaker: Span | null;
  resolved: string | null;
  cue: Span | null;
  content: Array<{ offset: number; endOffset: number }>;
  kind: string;
  direct: boolean;
}
interface JsonDraft {
  file: string;
  sources: JsonSource[];
}

/** A raw control character or bidi control, other than the newline every report ends its lines with. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ANSI = /\u001b\[/u;

/** Runs `copydesk sources --format json story.md` over one draft. */
async function sourcesOf(text: string): Promise<{ root: string; sources: JsonSource[] }> {
  const root = folder({ 'story.md': text });
  const result = await cli(['sources', '--format', 'json', 'story.md'], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const drafts = JSON.parse(result.stdout) as JsonDraft[];
  expect(drafts).toHaveLength(1);
  return { root, sources: drafts[0].sources };
}

/** The text of each content range of an attribution. */
const contentOf = (text: string, source: JsonSource): string[] => source.content.map((range) => text.slice(range.offset, range.endOffset));

/** Runs one subcommand over a single draft called story.md. */
async function runOn(text: string, argv: string[], io?: Partial<CliIO>): ReturnType<typeof cli> {
  return cli(['sources', ...argv, 'story.md'], { cwd: folder({ 'story.md': text }), io });
}

// A fire chief cited three ways (full name, pronoun, surname), once quoted.
const ONE_SOURCE =
  'Marta Olsen, the county fire chief, said the blaze started in a storage room behind the bakery. She said the sprinklers in the hall were switched off.\n\n' +
  '“Nobody should have been sleeping in there,” Olsen said.\n';

// Two named sources, one anonymous group, one vague group.
const MIXED =
  'Marta Olsen, the county fire chief, said the blaze started in a storage room behind the bakery.\n\n' +
  'Council spokesman Ivo Brandt said the last inspection was in 2019. Two officials said the report was never filed. Critics say the council ignored the warnings.\n';

describe('copydesk sources --format json', () => {
  it('gives [{file, sources: [{speaker, resolved, cue, content, kind, direct}]}] with UTF-16 offsets past an astral character', async () => {
    // 🚒 is one code point but two UTF-16 units: every offset after it differs between the two counts.
    const text = 'Fire crews 🚒 reached the Dock Street market after midnight. Ana Ruiz said the roof had already collapsed.\n';
    const { root, sources } = await sourcesOf(text);
    const speaker = text.indexOf('Ana Ruiz');
    const cue = text.indexOf('said');
    const content = text.indexOf('the roof');
    expect(sources).toStrictEqual([
      {
        speaker: { offset: speaker, endOffset: speaker + 'Ana Ruiz'.length, text: 'Ana Ruiz' },
        resolved: 'Ana Ruiz',
        cue: { offset: cue, endOffset: cue + 'said'.length, text: 'said' },
        content: [{ offset: content, endOffset: expect.any(Number) }],
        kind: 'named',
        direct: false,
      },
    ]);
    const [source] = sources;
    // 0-based UTF-16 code units, not code points.
    expect(Array.from(text.slice(0, source.speaker!.offset)).length).toBe(source.speaker!.offset - 1);
    expect(text.slice(source.speaker!.offset, source.speaker!.endOffset)).toBe(source.speaker!.text);
    expect(text.slice(source.cue!.offset, source.cue!.endOffset)).toBe(source.cue!.text);
    // The indirect content is the reported clause (with or without its full stop).
    expect(contentOf(text, source)[0].replace(/\.$/u, '')).toBe('the roof had already collapsed');

    const file = JSON.parse((await cli(['sources', '--format=json', 'story.md'], { cwd: root })).stdout) as JsonDraft[];
    expect(file.map((draft) => draft.file)).toEqual([join(root, 'story.md')]);
  });

  it('lists every draft named, in order, a draft with no attribution with an empty list', async () => {
    const root = folder({ 'a-fire.md': 'Ana Ruiz said the roof had already collapsed.\n', 'b-weather.md': 'Rain fell on the harbour all morning.\n' });
    const result = await cli(['sources', '--format', 'json', 'b-weather.md', 'a-fire.md'], { cwd: root });
    expect(result.code).toBe(0);
    const drafts = JSON.parse(result.stdout) as JsonDraft[];
    expect(drafts.map((draft) => draft.file)).toEqual([join(root, 'b-weather.md'), join(root, 'a-fire.md')]);
    expect(drafts[0].sources).toEqual([]);
    expect(drafts[1].sources.map((source) => source.resolved)).toEqual(['Ana Ruiz']);
  });

  it('marks a quotation with its speaker after it as direct, the content covering the quotation', async () => {
    const text = 'Stallholders gathered outside the ruins on Wednesday.\n\n“We lost everything in twenty minutes,” Ana Ruiz said.\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toHaveLength(1);
    const [source] = sources;
    expect(source).toMatchObject({ speaker: { text: 'Ana Ruiz' }, resolved: 'Ana Ruiz', cue: { text: 'said' }, kind: 'named', direct: true });
    expect(contentOf(text, source)).toEqual(['“We lost everything in twenty minutes,”']);
  });

  it('gives a quotation split by its attribution two content ranges', async () => {
    const text = '“We lost the stall,” Ana Ruiz said, “and the van with it.”\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ resolved: 'Ana Ruiz', direct: true });
    expect(contentOf(text, sources[0])).toEqual(['“We lost the stall,”', '“and the van with it.”']);
  });

  it('resolves "she said" to the full name given before it', async () => {
    const text = 'Marta Olsen said the blaze started in a storage room. She said the crews arrived late.\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toHaveLength(2);
    const she = text.indexOf('She');
    expect(sources[1]).toMatchObject({ speaker: { offset: she, endOffset: she + 3, text: 'She' }, resolved: 'Marta Olsen', kind: 'pronoun', direct: false });
    expect(contentOf(text, sources[1])).toEqual(['the crews arrived late.']);
  });

  it('carries the named speaker of a paragraph ending in a quotation into the quotation paragraph after it', async () => {
    const text = 'The mayor toured the site on Friday. “We will rebuild the market,” Peter Lind said.\n\n“It will take a year, maybe two, but it will open again.”\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatchObject({ speaker: { text: 'Peter Lind' }, resolved: 'Peter Lind', direct: true });
    expect(sources[1]).toStrictEqual({
      speaker: null,
      resolved: 'Peter Lind',
      cue: null,
      content: [expect.anything()],
      kind: 'named',
      direct: true,
    });
    expect(contentOf(text, sources[1])).toEqual(['“It will take a year, maybe two, but it will open again.”']);
  });

  it('gives a vague group ("Critics say") kind vague and no resolved name', async () => {
    const text = 'Critics say the council ignored warnings about the wiring.\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toStrictEqual([
      {
        speaker: { offset: 0, endOffset: 7, text: 'Critics' },
        resolved: null,
        cue: { offset: 8, endOffset: 11, text: 'say' },
        content: [{ offset: 12, endOffset: expect.any(Number) }],
        kind: 'vague',
        direct: false,
      },
    ]);
    expect(contentOf(text, sources[0])[0]).toMatch(/^the council ignored warnings about the wiring\.?$/u);
  });

  // A "that" late in the reported clause is part of the speech, not the "said that" complementiser.
  it('keeps "that" inside the reported words when it is not the complementiser after the verb', async () => {
    const text = 'Olsen said the crews came twice that week.\n';
    const { sources } = await sourcesOf(text);
    expect(sources).toHaveLength(1);
    expect(contentOf(text, sources[0])[0].replace(/\.$/u, '')).toBe('the crews came twice that week');
  });
});

describe('copydesk sources (stylish)', () => {
  it('lists each source once with its mentions merged and its claims split into quoted and reported', async () => {
    const result = await runOn(ONE_SOURCE, []);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'story.md',
        '  Marta Olsen  named, 3 claims (1 quoted, 2 reported); also “She”, “Olsen”',
        '  3 named, 0 anonymous, 0 vague',
        '  This story rests on a single named source: Marta Olsen.',
        '',
      ].join('\n'),
    );
  });

  it('counts named, anonymous and vague sourcing, with no single-source line when two named sources speak', async () => {
    const result = await runOn(MIXED, []);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('story.md');
    expect(lines.filter((line) => line.startsWith('  Marta Olsen  '))).toEqual(['  Marta Olsen  named, 1 claim (0 quoted, 1 reported)']);
    expect(lines.filter((line) => line.startsWith('  Ivo Brandt  '))).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('  Ivo Brandt  '))).toContain('named, 1 claim (0 quoted, 1 reported)');
    expect(lines).toContain('  Two officials  anonymous, 1 claim (0 quoted, 1 reported)');
    expect(lines).toContain('  Critics  vague, 1 claim (0 quoted, 1 reported)');
    expect(lines).toContain('  2 named, 1 anonymous, 1 vague');
    expect(result.stdout).not.toContain('single named source');
    expect(result.stdout).not.toContain('No named source');
  });

  it('says "No attributions found." for a draft that cites no one', async () => {
    const result = await runOn('The market on Dock Street burned for six hours on Tuesday night.\n', []);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('story.md\n  No attributions found.\n  0 named, 0 anonymous, 0 vague\n');
  });

  it('says so when no source is named', async () => {
    const result = await runOn('Critics say the council ignored warnings about the wiring.\n', []);
    expect(result.stdout).toContain('  0 named, 0 anonymous, 1 vague\n');
    expect(result.stdout).toContain('No named source: every attribution is anonymous or vague.');
    expect(result.stdout).not.toContain('single named source');
  });

  it('prints one block per draft, headed by its path relative to the working folder', async () => {
    const root = folder({ 'desk/fire.md': 'Ana Ruiz said the roof had already collapsed.\n', 'desk/weather.md': 'Rain fell on the harbour all morning.\n' });
    const result = await cli(['sources', 'desk'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        join('desk', 'fire.md'),
        '  Ana Ruiz  named, 1 claim (0 quoted, 1 reported)',
        '  1 named, 0 anonymous, 0 vague',
        '',
        join('desk', 'weather.md'),
        '  No attributions found.',
        '  0 named, 0 anonymous, 0 vague',
        '',
      ].join('\n'),
    );
  });

  it('uses no colour off a terminal, colour with --color or on a terminal, and none with --no-color or NO_COLOR', async () => {
    const plain = await runOn(ONE_SOURCE, []);
    expect(plain.stdout).not.toMatch(ANSI);

    const forced = await runOn(ONE_SOURCE, ['--color']);
    expect(forced.stdout).toContain('\u001b[1mstory.md\u001b[22m');
    expect(forced.stdout).toMatch(/\u001b\[2mnamed, 3 claims/u);
    // Colour changes the look, not the words.
    expect(forced.stdout.replace(/\u001b\[\d+m/gu, '')).toBe(plain.stdout);

    expect((await runOn(ONE_SOURCE, [], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await runOn(ONE_SOURCE, ['--no-color'], { isTTY: true })).stdout).not.toMatch(ANSI);
    expect((await runOn(ONE_SOURCE, ['--color'], { env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });
});

describe('copydesk sources --format csv', () => {
  const HEADER = 'file,speaker,resolved,kind,direct,cue,offset,endOffset,content';

  it('writes the header and one row per attribution, offsets spanning its content', async () => {
    const root = folder({ 'story.md': MIXED });
    const csv = await cli(['sources', '--format', 'csv', 'story.md'], { cwd: root });
    expect(csv.code).toBe(0);
    expect(csv.stdout.endsWith('\n')).toBe(true);
    const rows = csv.stdout.slice(0, -1).split('\n');
    expect(rows[0]).toBe(HEADER);
    const json = (JSON.parse((await cli(['sources', '--format', 'json', 'story.md'], { cwd: root })).stdout) as JsonDraft[])[0].sources;
    expect(rows).toHaveLength(1 + json.length);
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 6))).toEqual([
      ['story.md', 'Marta Olsen', 'Marta Olsen', 'named', 'false', 'said'],
      ['story.md', 'Council spokesman Ivo Brandt', 'Ivo Brandt', 'named', 'false', 'said'],
      ['story.md', 'Two officials', '', 'anonymous', 'false', 'said'],
      ['story.md', 'Critics', '', 'vague', 'false', 'say'],
    ]);
    // The offsets agree with the JSON's content ranges, and point at the reported words of the draft.
    rows.slice(1).forEach((row, index) => {
      const [offset, endOffset, content] = row.split(',').slice(6);
      const ranges = json[index].content;
      expect(content).toBe(ranges.map((range) => `${range.offset}-${range.endOffset}`).join(' '));
      expect(Number(offset)).toBe(ranges[0].offset);
      expect(Number(endOffset)).toBe(ranges[ranges.length - 1].endOffset);
    });
    const officials = rows[3].split(',');
    expect(MIXED.slice(Number(officials[6]), Number(officials[7]))).toMatch(/^the report was never filed\.?$/u);
  });

  it('writes a quotation split in two as one row spanning both parts', async () => {
    const text = '“We lost the stall,” Ana Ruiz said, “and the van with it.”\n';
    const csv = await runOn(text, ['--format', 'csv']);
    const rows = csv.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    const second = text.indexOf('“and');
    expect(rows[1]).toBe(`story.md,Ana Ruiz,Ana Ruiz,named,true,said,0,${text.length - 1},0-20 ${second}-${text.length - 1}`);
  });

  it('writes only the header for a draft with no attribution', async () => {
    const csv = await runOn('Rain fell on the harbour all morning.\n', ['--format', 'csv']);
    expect(csv.stdout).toBe(`${HEADER}\n`);
  });

  it('quotes fields holding commas and double quotes, doubling the quotes', async () => {
    const root = folder({ 'fire, "final".md': 'The roof fell in at 2 a.m., Ana "Bear" Ruiz said.\n' });
    const csv = await cli(['sources', '--format', 'csv', 'fire, "final".md'], { cwd: root });
    expect(csv.code).toBe(0);
    const row = csv.stdout.split('\n')[1];
    expect(row.startsWith('"fire, ""final"".md","Ana ""Bear"" Ruiz",')).toBe(true);
  });

  it('defuses a field that a spreadsheet would run as a formula, quoting it with a leading apostrophe', async () => {
    // The engine's speaker and cue spans start at a word, so draft text cannot start either field with
    // = + - @ (checked below); the file column goes through the same field writer, so it carries the test.
    const draft = 'Ana Ruiz said the stall was insured.\n';
    const root = folder({ '=SUM(A1,A2).md': draft, '@today.md': draft, '+1 report.md': draft, '-draft.md': draft });
    const csv = await cli(['sources', '--format', 'csv', '.'], { cwd: root });
    expect(csv.code).toBe(0);
    const files = csv.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((row) => /^("(?:[^"]|"")*"|[^,]*),/u.exec(row)![1]);
    expect(files.sort()).toEqual([`"'+1 report.md"`, `"'-draft.md"`, `"'=SUM(A1,A2).md"`, `"'@today.md"`]);
  });

  it('never writes a speaker or cue field that starts a formula, even from a draft that tries', async () => {
    const text = '=HYPERLINK said the market was closed. @Ana said the same. +Kim said no. -Olsen said yes.\n';
    const csv = await runOn(text, ['--format', 'csv']);
    const rows = csv.stdout.trimEnd().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const field of row.split(',')) expect(field).not.toMatch(/^[=+\-@]/u);
    }
  });
});

describe('copydesk sources: terminal safety', () => {
  it('escapes a bidi override inside a speaker name in the stylish report', async () => {
    const result = await runOn('Ana\u202eRuiz said the market was closed.\n', []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  Ana\\u{202e}Ruiz  named, 1 claim');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it('escapes ESC, BEL and C1 controls in a file name heading the stylish report', async () => {
    const name = 'fire\u001b[31m\u0007\u009bnotes.md';
    const root = folder({ [name]: 'Ana Ruiz said the market was closed.\n' });
    const result = await cli(['sources', name], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('fire\\u{1b}[31m\\u{7}\\u{9b}notes.md');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toBe('');
  });

  it('escapes control characters in file names on stderr', async () => {
    const unsupported = 'notes\u001b]0;owned\u0007.docx';
    const root = folder({ [unsupported]: 'Ana Ruiz said no.\n' });
    const result = await cli(['sources', unsupported, 'gone\u001b[2J\u202e.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('notes\\u{1b}]0;owned\\u{7}.docx: unsupported file type');
    expect(result.stderr).toContain('gone\\u{1b}[2J\\u{202e}.md');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  // Usage errors go through printable(): a file name beginning with "-" that a shell glob expanded cannot put escape sequences on stderr.
  it('escapes control characters in an unknown option or format on stderr', async () => {
    const option = await cli(['sources', '-\u001b]0;owned\u0007.md'], { cwd: folder({}) });
    expect(option.code).toBe(2);
    expect(option.stderr).not.toMatch(RAW_CONTROL);
    const format = await runOn('Ana Ruiz said no.\n', ['--format', 'csv\u001b[2J']);
    expect(format.code).toBe(2);
    expect(format.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('copydesk sources: errors and help', () => {
  it('refuses an unknown format with exit 2, naming the valid ones', async () => {
    const result = await runOn('Ana Ruiz said no.\n', ['--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown format "xml"');
    expect(result.stderr).toContain('stylish, json, csv');
    // A near miss gets a suggestion; a sarif request (a lint format) is not accepted here.
    expect((await runOn('Ana Ruiz said no.\n', ['--format', 'jsn'])).stderr).toContain('did you mean "json"?');
    expect((await runOn('Ana Ruiz said no.\n', ['--format', 'sarif'])).code).toBe(2);
  });

  it('refuses a --format with no value', async () => {
    const result = await cli(['sources', '--format'], { cwd: folder({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format needs a value');
  });

  it('refuses to run with no files', async () => {
    const result = await cli(['sources'], { cwd: folder({}) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no files given/u);
  });

  it('refuses standard input', async () => {
    const result = await cli(['sources', '-'], { cwd: folder({}), stdin: 'Ana Ruiz said no.\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not standard input/u);
  });

  it('reports a missing file with exit 2 and still lists the drafts it could read', async () => {
    const root = folder({ 'story.md': 'Ana Ruiz said the roof had already collapsed.\n' });
    const result = await cli(['sources', 'missing.md', 'story.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.md: no such file');
    expect(result.stdout).toContain('Ana Ruiz  named, 1 claim');
    expect(result.stdout).not.toContain('missing.md');
  });

  it('reports an unsupported file type with exit 2', async () => {
    const root = folder({ 'notes.docx': 'Ana Ruiz said no.\n', 'story.md': 'Ana Ruiz said no.\n' });
    const result = await cli(['sources', '--format', 'json', 'notes.docx', 'story.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('notes.docx: unsupported file type');
    expect((JSON.parse(result.stdout) as JsonDraft[]).map((draft) => draft.file)).toEqual([join(root, 'story.md')]);
  });

  it('prints its usage for `help sources` and `sources --help`, exit 0', async () => {
    const viaHelp = await cli(['help', 'sources'], { cwd: folder({}) });
    const viaFlag = await cli(['sources', '--help'], { cwd: folder({}) });
    expect(viaHelp.code).toBe(0);
    expect(viaFlag.code).toBe(0);
    expect(viaHelp.stdout.startsWith('Usage: copydesk sources [--format stylish|json|csv]')).toBe(true);
    expect(viaHelp.stdout).toContain('csv');
    expect(viaHelp.stdout).toContain('--no-ignore');
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
    expect(viaHelp.stderr + viaFlag.stderr).toBe('');
  });

  it('skips an ignored draft with a notice, and reads it with --no-ignore', async () => {
    const root = folder({ '.gitignore': 'embargoed/\n', 'embargoed/fire.md': 'Ana Ruiz said the roof had already collapsed.\n' });
    const skipped = await cli(['sources', join('embargoed', 'fire.md')], { cwd: root });
    expect(skipped.stderr).toContain('ignored by .gitignore or .copydeskignore');
    expect(skipped.stdout).not.toContain('Ana Ruiz');
    const read = await cli(['sources', '--no-ignore', join('embargoed', 'fire.md')], { cwd: root });
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Ana Ruiz  named, 1 claim');
  });

  // A --config that does not exist is an error (exit 2), as it is for the lint run.
  it('refuses a --config file that does not exist', async () => {
    const result = await runOn('Ana Ruiz said no.\n', ['--config', 'newsroom.yml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('newsroom.yml');
    expect(result.stderr).toContain('no such file');
  });

  // A .copydesk.yml with errors is reported with its places, as the lint run reports it, so a mistyped key is not silently dropped.
  it('reports the problems of a .copydesk.yml it reads', async () => {
    const root = folder({ '.copydesk.yml': 'source: [Harbourwire]\n', 'story.md': 'The alarms failed twice in March, Harbourwire said.\n' });
    const result = await cli(['sources', 'story.md'], { cwd: root });
    expect(result.stderr).toContain('.copydesk.yml');
    expect(result.stderr).toContain('Unknown key "source"');
  });
});

describe('copydesk sources with configured sources', () => {
  const DRAFT = 'The alarms failed twice in March, Harbourwire said.\n';

  it('reports a source named in .copydesk.yml `sources` as an organisation', async () => {
    const bare = await sourcesOf(DRAFT);
    // Without the config a capitalised single word before "said" reads as a person.
    expect(bare.sources.map((source) => source.kind)).toEqual(['named']);

    const root = folder({ '.copydesk.yml': 'sources:\n  - Harbourwire\n', 'story.md': DRAFT });
    const json = JSON.parse((await cli(['sources', '--format', 'json', 'story.md'], { cwd: root })).stdout) as JsonDraft[];
    expect(json[0].sources).toHaveLength(1);
    expect(json[0].sources[0]).toMatchObject({ speaker: { text: 'Harbourwire' }, resolved: 'Harbourwire', kind: 'organisation' });
    const stylish = await cli(['sources', 'story.md'], { cwd: root });
    expect(stylish.stdout).toContain('  Harbourwire  organisation, 1 claim (0 quoted, 1 reported)');
    expect(stylish.stdout).toContain('  1 named, 0 anonymous, 0 vague');
  });

  it('turns a lower-case outlet from an anonymous speaker into a named source', async () => {
    const text = 'The alarms failed twice in March, harbourwire said.\n';
    const bare = await sourcesOf(text);
    expect(bare.sources.map((source) => [source.kind, source.resolved])).toEqual([['anonymous', null]]);
    const root = folder({ 'conf/newsroom.yml': 'sources: [harbourwire]\n', 'story.md': text });
    const stylish = await cli(['sources', '--config', join('conf', 'newsroom.yml'), 'story.md'], { cwd: root });
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('  harbourwire  organisation, 1 claim');
    expect(stylish.stdout).toContain('  1 named, 0 anonymous, 0 vague');
  });
});
