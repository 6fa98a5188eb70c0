import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, RULES } from '../core/index';
import { CLEAN_TEXT, cli, folder, INFORMATION_TEXT, SEED, WARNING_TEXT } from './test-helpers';

describe('copydesk command line: output', () => {
  it('prints JSON findings with 1-based lines and columns and 0-based offsets, exit 1 on warnings', async () => {
    const { code, stdout, stderr } = await cli(['--format', 'json', SEED]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.file).toBe(SEED);
    const pariah = result.findings.find((finding: { actual: string }) => finding.actual === 'pariah state');
    expect(pariah).toMatchObject({ ruleId: 'loaded-term', severity: 'warning', line: 7, suggestions: ['isolated country', expect.any(String)] });
    expect(Object.keys(pariah).sort()).toEqual(['actual', 'column', 'endColumn', 'endLine', 'endOffset', 'line', 'message', 'offset', 'ruleId', 'severity', 'suggestions']);
    // The summary still reaches a person, on stderr, without spoiling the JSON.
    expect(stderr).toMatch(/^1 file, \d+ findings: \d+ warnings, \d+ information\n$/);
  });

  it('prints stylish output grouped by file, with the line and the span marked, and a summary; no colour off a terminal', async () => {
    const { stdout } = await cli([SEED]);
    expect(stdout).toMatch(/seed-article\.md\n/);
    expect(stdout).toMatch(/ {2}7:\d+ +warning +“pariah state” is a loaded label.*loaded-term\n/);
    // The excerpt of line 7 is cut to a window around the span, and the carets sit exactly under it.
    const lines = stdout.split('\n');
    const header = lines.findIndex((line) => line.includes('“pariah state” is a loaded label'));
    const source = lines[header + 1];
    const marks = lines[header + 2];
    expect(source).toMatch(/^ +7 \| …/);
    const at = marks.indexOf('^');
    expect(Array.from(source).slice(at, at + 12).join('')).toBe('pariah state');
    expect(marks.slice(at)).toBe('^'.repeat(12));
    expect(stdout).toMatch(/\n1 file, \d+ findings: \d+ warnings, \d+ information\n$/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours only on a terminal, never with NO_COLOR, and --color/--no-color force it', async () => {
    const dir = folder({ 'a.txt': WARNING_TEXT });
    const file = join(dir, 'a.txt');
    expect((await cli([file], { io: { isTTY: true } })).stdout).toContain('\u001b[33mwarning');
    expect((await cli([file], { io: { isTTY: true, env: { NO_COLOR: '1' } } })).stdout).not.toContain('\u001b[');
    expect((await cli(['--color', file], { io: { isTTY: true, env: { NO_COLOR: '1' } } })).stdout).not.toContain('\u001b[');
    expect((await cli(['--color', file])).stdout).toContain('\u001b[');
    expect((await cli(['--no-color', file], { io: { isTTY: true } })).stdout).not.toContain('\u001b[');
  });

  it('prints GitHub workflow annotations, escaping what the command syntax reserves', async () => {
    const dir = folder({ 'a,b.txt': 'He landed in the pariah state.\nThe man was reportedly seen in Paris.\n' });
    const { code, stdout } = await cli(['--format', 'github', 'a,b.txt'], { cwd: dir });
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::warning file=a%2Cb\.txt,line=1,col=18,endLine=1,endColumn=30,title=loaded-term::“pariah state” is a loaded label/);
    expect(lines[1]).toMatch(/^::notice file=a%2Cb\.txt,line=2,col=\d+,endLine=2,endColumn=\d+,title=hedged-attribution::/);
  });

  it('writes the report to --output and the summary to stderr', async () => {
    const dir = folder({ 'a.txt': WARNING_TEXT });
    const { code, stdout, stderr } = await cli(['--format', 'json', '--output', 'reports/out.json', 'a.txt'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('1 file, 1 finding: 1 warning\n');
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'out.json'), 'utf8'))[0].findings[0].ruleId).toBe('loaded-term');
  });

  it('shows a progress line on a terminal stderr for many drafts, erased before the report', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`d${index}.txt`, CLEAN_TEXT]));
    const dir = folder(files);
    const tty = await cli(['.'], { cwd: dir, io: { stderrIsTTY: true } });
    expect(tty.stderr).toMatch(/^\r\u001b\[2KLinting 0\/20 drafts.*Linting 20\/20 drafts\r\u001b\[2K$/s);
    expect(tty.stdout).toBe('20 files, 0 findings\n');
    expect((await cli(['.'], { cwd: dir })).stderr).toBe('');
  });
});

describe('copydesk command line: exit codes and thresholds', () => {
  const dir = folder({ 'warn.txt': WARNING_TEXT, 'info.txt': INFORMATION_TEXT, 'clean.txt': CLEAN_TEXT });

  it('exits 0 when nothing reaches warning, 1 when something does', async () => {
    expect((await cli(['clean.txt'], { cwd: dir })).code).toBe(0);
    expect((await cli(['info.txt'], { cwd: dir })).code).toBe(0);
    expect((await cli(['warn.txt'], { cwd: dir })).code).toBe(1);
  });

  it('--severity reports only findings at or above a level, and the exit code follows what is reported', async () => {
    const all = JSON.parse((await cli(['-f', 'json', 'info.txt', 'warn.txt'], { cwd: dir })).stdout);
    expect(all.flatMap((file: { findings: Array<{ severity: string }> }) => file.findings.map((finding) => finding.severity))).toEqual(['information', 'warning']);
    const warnings = await cli(['-f', 'json', '--severity', 'warning', 'info.txt', 'warn.txt'], { cwd: dir });
    expect(JSON.parse(warnings.stdout).map((file: { findings: unknown[] }) => file.findings.length)).toEqual([0, 1]);
    expect(warnings.code).toBe(1);
    const errors = await cli(['--severity', 'error', 'warn.txt'], { cwd: dir });
    expect(errors.code).toBe(0);
    expect(errors.stdout).toBe('1 file, 0 findings\n');
  });

  it('--rule overrides a severity or turns a rule off, over the project config', async () => {
    expect((await cli(['--rule', 'loaded-term=off', 'warn.txt'], { cwd: dir })).code).toBe(0);
    expect((await cli(['--rule', 'hedged-attribution=warning', 'info.txt'], { cwd: dir })).code).toBe(1);
    const error = await cli(['-f', 'json', '--rule', 'loaded-term=error', '--rule', 'scare-quotes:off', 'warn.txt'], { cwd: dir });
    expect(JSON.parse(error.stdout)[0].findings[0].severity).toBe('error');
    const project = folder({ '.copydesk.yml': 'rules:\n  loaded-term: off\n', 'warn.txt': WARNING_TEXT });
    expect((await cli(['warn.txt'], { cwd: project })).code).toBe(0);
    expect((await cli(['--rule', 'loaded-term=warning', 'warn.txt'], { cwd: project })).code).toBe(1);
  });

  it('--max-warnings lets up to N warnings pass, and says so when there are more', async () => {
    const many = folder({ 'two.txt': 'He landed in the pariah state. The dictator waved.\n' });
    expect((await cli(['--max-warnings', '2', 'two.txt'], { cwd: many })).code).toBe(0);
    const over = await cli(['--max-warnings', '1', 'two.txt'], { cwd: many });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('copydesk: 2 warnings, more than --max-warnings 1 allows.\n');
    expect((await cli(['--max-warnings', '5', '--rule', 'loaded-term=error', 'two.txt'], { cwd: many })).code).toBe(1);
  });

  it('exits 2 with one clear line (and no stack) on usage errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /No files given/],
      [['--format', 'xml', SEED], /Unknown format "xml"/],
      [['--formt', 'json', SEED], /Unknown option "--formt" \(did you mean "--format"\?\)/],
      [['--bogus', SEED], /Unknown option "--bogus"/],
      [['--severity', 'loud', SEED], /"loud" is not a severity/],
      [['--rule', 'loaded-terms=off', SEED], /unknown rule "loaded-terms" \(did you mean "loaded-term"\?\)/],
      [['--rule', 'loaded-term', SEED], /write RULE=LEVEL/],
      [['--max-warnings', 'many', SEED], /--max-warnings needs a whole number/],
      [['--config', 'nowhere.yml', SEED], /--config nowhere\.yml: no such file/],
      [['--format'], /--format needs a value/],
      [['--stdin-filename', 'a.md', SEED], /add - to the files/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await cli(argv, { cwd: dir });
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^copydesk: /);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe('');
    }
  });

  it('reports a missing file and an unsupported, binary or undecodable file with exit 2, and goes on to the next', async () => {
    // 0x81 is a character neither in UTF-8 (alone) nor in Windows-1252: there is no honest way to read it.
    const undecodable = Uint8Array.from([...Buffer.from('Caf'), 0x81, ...Buffer.from(' owner: the regime fell.\n')]);
    const files = folder({ 'a.pdf': 'x', 'bin.txt': 'abc\u0000def', 'odd.md': undecodable, 'ok.txt': WARNING_TEXT });
    const { code, stdout, stderr } = await cli(['--format', 'json', 'missing.md', 'a.pdf', 'bin.txt', 'odd.md', 'ok.txt'], { cwd: files });
    expect(code).toBe(2);
    expect(stderr).toContain('missing.md: no such file');
    expect(stderr).toContain('a.pdf: unsupported file type');
    expect(stderr).toContain('bin.txt: looks like a binary file');
    expect(stderr).toContain('odd.md: is neither UTF-8 nor Windows-1252 text; skipped');
    expect(JSON.parse(stdout).map((result: { findings: unknown[] }) => result.findings.length)).toEqual([1]);
  });

  it('reads a draft saved in Windows-1252 (curly quotes, é), says so on stderr and in SARIF, and lints the right words', async () => {
    // A word processor's "plain text": 0x93/0x94 are curly double quotes, 0xE9 is é, in Windows-1252.
    const cp1252 = Uint8Array.from([...Buffer.from('The caf'), 0xe9, ...Buffer.from(' owner said the '), 0x93, ...Buffer.from('regime'), 0x94, ...Buffer.from(' fell. Critics say the regime lied.\n')]);
    const files = folder({ 'word.txt': cp1252 });
    const json = await cli(['--format', 'json', 'word.txt'], { cwd: files });
    expect(json.stderr).toContain('copydesk: word.txt: is not UTF-8: read as Windows-1252');
    const findings = JSON.parse(json.stdout)[0].findings as Array<{ ruleId: string; offset: number; endOffset: number }>;
    const text = 'The café owner said the \u201cregime\u201d fell. Critics say the regime lied.\n';
    expect(findings.map((finding) => text.slice(finding.offset, finding.endOffset))).toEqual(expect.arrayContaining(['Critics say', 'regime']));
    const sarif = await cli(['--format', 'sarif', 'word.txt'], { cwd: files });
    const notes = JSON.parse(sarif.stdout).runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toEqual([expect.objectContaining({ level: 'note', message: { text: 'This file is not UTF-8: read as Windows-1252 (save it as UTF-8 to be sure).' } })]);
  });

  it('refuses, without hanging or filling memory, a FIFO and a link to /dev/zero named explicitly', async () => {
    const files = folder({ 'ok.md': WARNING_TEXT });
    execFileSync('mkfifo', [join(files, 'pipe.md')]);
    symlinkSync('/dev/zero', join(files, 'zero.md'));
    symlinkSync('/dev/urandom', join(files, 'random.txt'));
    const { code, stdout, stderr } = await cli(['--format', 'json', 'pipe.md', 'zero.md', 'random.txt', 'ok.md'], { cwd: files });
    expect(code).toBe(2);
    expect(stderr).toContain('copydesk: pipe.md: is not a regular file (a FIFO); skipped');
    expect(stderr).toContain('copydesk: zero.md: is not a regular file (a device); skipped');
    expect(stderr).toContain('copydesk: random.txt: is not a regular file (a device); skipped');
    expect(JSON.parse(stdout).map((result: { file: string }) => result.file.split('/').pop())).toEqual(['ok.md']);
  });

  it('uses the nearest .copydesk.yml, and reports a broken one with its place (exit 2) while linting with defaults', async () => {
    const good = folder({ '.copydesk.yml': 'rules:\n  loaded-term: off\n', 'draft.txt': WARNING_TEXT });
    expect((await cli([join(good, 'draft.txt')])).code).toBe(0);
    const broken = folder({ '.copydesk.yml': 'rules:\n  loaded-term: [off\n', 'a.txt': WARNING_TEXT, 'b.txt': WARNING_TEXT });
    const { code, stdout, stderr } = await cli(['--format', 'json', 'a.txt', 'b.txt'], { cwd: broken });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\.copydesk\.yml:\d+:\d+: YAML syntax error/);
    // Reported once, however many drafts it governs.
    expect(stderr.match(/has errors/g)).toHaveLength(1);
    expect(JSON.parse(stdout)[0].findings[0].actual).toBe('pariah state');
  });

  it('--config names the config file explicitly', async () => {
    const files = folder({ 'house.yml': 'allow: [pariah state]\n', 'draft.txt': WARNING_TEXT });
    expect((await cli(['--config', join(files, 'house.yml'), join(files, 'draft.txt')])).code).toBe(0);
  });
});

describe('copydesk command line: worker threads', () => {
  it('lints every draft on the main thread when workers cannot start or die, so a run never loses a file', async () => {
    const files = Object.fromEntries(Array.from({ length: 24 }, (_, index) => [`d${index}.txt`, index % 2 ? WARNING_TEXT : CLEAN_TEXT]));
    const dir = folder({ ...files, 'quits.js': 'process.exit(0);\n' });
    const serial = await cli(['-f', 'json', '--threads', '1', '.'], { cwd: dir });
    for (const workerScript of [join(dir, 'quits.js'), join(dir, 'missing.js')]) {
      const run = await cli(['-f', 'json', '--threads', '3', '.'], { cwd: dir, io: { workerScript } });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(serial.stdout);
    }
    expect(JSON.parse(serial.stdout)).toHaveLength(24);
  });
});

describe('copydesk command line: standard input', () => {
  it('reads standard input with -, as markdown unless told otherwise', async () => {
    const { code, stdout } = await cli(['--format', 'json', '--stdin-format', 'plaintext', '-'], { stdin: 'He landed in the pariah state.' });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ file: '<stdin>', findings: [{ actual: 'pariah state' }] });
  });

  it('--stdin-filename picks the format from its extension and the config from its folder', async () => {
    const project = folder({ 'desk/.copydesk.yml': 'rules:\n  loaded-term: error\n' });
    const text = '// copydesk-disable-next-line uncited-figure\nMore than 200 people fled the pariah state. [[check]]\n';
    const { code, stdout } = await cli(['-f', 'json', '--stdin-filename', 'desk/story.news', '-'], { cwd: project, stdin: text });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.file).toBe(join(project, 'desk', 'story.news'));
    // Newsdraft: the // directive is honoured; the project config in desk/ made loaded-term an error.
    expect(result.findings.map((finding: { ruleId: string; severity: string }) => `${finding.ruleId}:${finding.severity}`)).toEqual(['loaded-term:error']);
    // Read as plain text instead, the // line is prose and the directive does not apply.
    const plain = await cli(['-f', 'json', '--stdin-filename', 'desk/story.news', '--stdin-format', 'plaintext', '-'], { cwd: project, stdin: text });
    expect(JSON.parse(plain.stdout)[0].findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('uncited-figure');
  });

  it('lints standard input alongside files, reading it once', async () => {
    const dir = folder({ 'a.txt': CLEAN_TEXT });
    let reads = 0;
    const { stdout } = await cli(['-f', 'json', 'a.txt', '-', '-'], { cwd: dir, io: { stdin: () => (reads++, WARNING_TEXT) } });
    expect(reads).toBe(1);
    expect(JSON.parse(stdout).map((result: { file: string }) => result.file)).toEqual([join(dir, 'a.txt'), '<stdin>']);
  });
});

describe('copydesk init, rules, explain', () => {
  it('init writes a commented starter config that parses cleanly and changes nothing, and refuses to overwrite it', async () => {
    const dir = folder({});
    const first = await cli(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \.copydesk\.yml/);
    const text = readFileSync(join(dir, '.copydesk.yml'), 'utf8');
    expect(parseConfig(text)).toEqual({ config: { rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [], requireAnonymityReason: false }, problems: [] });
    for (const rule of RULES) expect(text).toMatch(new RegExp(`^#   ${rule.id}: +${rule.defaultSeverity} +# `, 'm'));
    // Uncommenting the rules block and one rule gives a valid config.
    const edited = text.replace('# rules:', 'rules:').replace(/^# {3}(loaded-term: +)warning/m, '  $1error');
    expect(parseConfig(edited)).toMatchObject({ config: { rules: { 'loaded-term': 'error' } }, problems: [] });
    const second = await cli(['init'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^copydesk: init: \S+ already exists; not overwriting it\.\n$/);
    expect(readFileSync(join(dir, '.copydesk.yml'), 'utf8')).toBe(text);
    expect((await cli(['init', 'nowhere'], { cwd: dir })).code).toBe(2);
  });

  it('rules lists every rule with its default severity and description', async () => {
    const { code, stdout } = await cli(['rules']);
    expect(code).toBe(0);
    for (const rule of RULES) expect(stdout).toContain(`${rule.id.padEnd(20)}  ${rule.defaultSeverity.padEnd(11)}  ${rule.description}`);
    expect(JSON.parse((await cli(['rules', '--format', 'json'])).stdout)).toHaveLength(RULES.length);
  });

  it('explain prints the rule page; an unknown rule exits 2 with a did-you-mean', async () => {
    const page = join(__dirname, '..', '..', '..', 'docs', 'rules', 'loaded-term.md');
    expect(existsSync(page)).toBe(true);
    const { code, stdout } = await cli(['explain', 'loaded-term']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(page, 'utf8'));
    const unknown = await cli(['explain', 'loaded-terms']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('copydesk: Unknown rule "loaded-terms" (did you mean "loaded-term"?). Run copydesk rules to list them.\n');
    expect(await cli(['explain'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^copydesk: explain takes one rule id/) });
  });

  it('--help and --version print and exit 0', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: copydesk \[options\] \[PATH\|GLOB \.\.\.\]/) });
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: 'copydesk 0.1.0\n' });
    expect(await cli(['help', 'init'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: copydesk init/) });
  });
});

describe('what copydesk prints cannot drive a terminal or a CI log', () => {
  // Each an attack seen in the wild: OSC 52 (write the clipboard), a screen clear, an OSC 8 hyperlink, a C1
  // control, a bidi override that reorders what the reader sees, and a line separator.
  const HOSTILE = ['\u001b]52;c;ZWNobyBwd25lZA==\u0007', '\u001b[2J', '\u001b]8;;https://evil.example\u001b\\', '\u009b31m', '\u202e', '\u2028'];
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

  it('stylish output shows draft text and file names with their control characters escaped or blanked', async () => {
    const draft = `He landed in the pariah state ${HOSTILE.join(' ')} today.\n`;
    const files = folder({ [`story${HOSTILE[1]}${HOSTILE[4]}.md`]: draft, 'plain.txt': 'The "regime" said so.\u001b[2J\n' });
    const { stdout, stderr } = await cli([`story${HOSTILE[1]}${HOSTILE[4]}.md`, 'plain.txt', `gone${HOSTILE[0]}.md`], { cwd: files });
    expect(stdout).toContain('pariah state');
    expect(stdout).toContain('story\\u{1b}[2J\\u{202e}.md');
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).toContain('gone\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}.md: no such file');
    expect(stderr).not.toMatch(CONTROL);
  });

  it('a file name with a newline or starting "::" puts no workflow command at the start of a line, in any format', async () => {
    const names = ['::error file=x::forged.md', 'two\n::add-mask::secret.md'];
    const files = folder(Object.fromEntries(names.map((name) => [name, WARNING_TEXT])));
    for (const format of ['stylish', 'github', 'json', 'sarif']) {
      const { stdout, stderr } = await cli(['--format', format, ...names, 'missing\n::stop-commands::x.md'], { cwd: files });
      const commands = `${stdout}\n${stderr}`.split('\n').filter((line) => line.startsWith('::'));
      // The github format's own annotations are the only commands, one per finding, with the names escaped.
      expect(commands.every((line) => /^::warning file=[^\n]*%3A[^\n]*,line=1,col=\d+,endLine=1,endColumn=\d+,title=loaded-term::/.test(line)), `${format}: ${commands.join(' | ')}`).toBe(true);
      expect(commands).toHaveLength(format === 'github' ? 2 : 0);
    }
  });
});
