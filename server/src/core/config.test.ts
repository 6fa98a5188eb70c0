import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { CONFIG_LIST_LIMIT } from './limits';
import { lint } from './index';

describe('parseConfig', () => {
  it('reads rules, terms, allow list, sources and figure words', () => {
    const { config, problems } = parseConfig(
      ['# newsroom config', 'rules:', '  loaded-term: error', '  scare-quotes: off', 'loaded_terms:', '  - term: junket', '    alternatives: [trip]', 'allow: [Regime]', 'sources: [Copydesk Herald]', 'not_figures: [goals]'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ 'loaded-term': 'error', 'scare-quotes': 'off' });
    expect(config.loadedTerms[0]).toMatchObject({ term: 'junket', alternatives: ['trip'] });
    expect(config.allow).toEqual(['regime']);
    expect(config.sources).toEqual(['Copydesk Herald']);
    expect(config.notFigures).toEqual(['goals']);
  });

  it('reports a syntax error with its line and column, and falls back to defaults', () => {
    const { config, problems } = parseConfig('rules:\n  loaded-term: [warning\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
    expect(problems[0].message).toMatch(/YAML syntax error/);
    expect(config.rules).toEqual({});
  });

  it('reports unknown rules, bad severities, wrong types and duplicate keys where they are', () => {
    const unknown = parseConfig('rules:\n  loaded-terms: off\n');
    expect(unknown.problems[0]).toMatchObject({ line: 2, column: 3 });
    expect(unknown.problems[0].message).toContain('did you mean "loaded-term"');
    expect(parseConfig('rules:\n  loaded-term: loud\n').problems[0]).toMatchObject({ line: 2, column: 16 });
    expect(parseConfig('allow: regime\n').problems[0]).toMatchObject({ line: 1, column: 8 });
    expect(parseConfig('allow: [a]\nallow: [b]\n').problems.length).toBeGreaterThan(0);
    expect(parseConfig('colour: blue\n').problems[0].message).toContain('Unknown key "colour"');
  });

  it('an empty file is an empty configuration', () => {
    expect(parseConfig('').problems).toEqual([]);
    expect(parseConfig('# nothing yet\n').problems).toEqual([]);
  });

  it('never executes anything: YAML tags for code are plain errors or strings', () => {
    const { config, problems } = parseConfig('allow: !!js/function "function () { throw 1 }"\n');
    expect(problems[0]).toMatchObject({ line: 1, column: 8 });
    expect(problems[0].message).toContain('Unresolved tag');
    expect(config.allow).toEqual([]);
  });
});

describe('hostile and broken configs', () => {
  it('a duplicate key is reported where it repeats; the first one counts and the rest of the file still applies', () => {
    const { config, problems } = parseConfig('allow: [junta]\nrules:\n  loaded-term: error\n  loaded-term: off\nallow: [regime]\nsources: [Copydesk Herald]\n');
    expect(problems.map((problem) => [problem.line, problem.column, problem.message])).toEqual([
      [4, 3, 'Duplicate rule "loaded-term": only its first occurrence is used.'],
      [5, 1, 'Duplicate key "allow": only its first occurrence is used.'],
    ]);
    expect(config).toMatchObject({ allow: ['junta'], rules: { 'loaded-term': 'error' }, sources: ['Copydesk Herald'] });
  });

  it('wrong types are reported entry by entry, each with its place, and the valid entries still apply', () => {
    const { config, problems } = parseConfig(['rules: [loaded-term]', 'loaded_terms:', '  - junket', '  - term: 12', '    alternatives: {a: b}', '    colour: red', 'allow: [regime, {a: 1}, "", 42]', 'sources: Reuters', 'not_figures:'].join('\n'));
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message.split(':')[0]}`)).toEqual([
      '1:8 "rules" must map rule ids to a severity (error, warning, information, hint) or off.',
      '3:5 Each loaded term is an entry with a "term" (a literal word or phrase) and its "alternatives".',
      '5:19 "alternatives" must be a list of words or phrases.',
      '6:5 Unknown field "colour" in a loaded term',
      '7:17 "allow" entries must be words or phrases.',
      '7:25 "allow" entries must be words or phrases.',
      '8:10 "sources" must be a list of words or phrases.',
    ]);
    expect(config).toMatchObject({ rules: {}, loadedTerms: [{ term: '12', alternatives: [] }], allow: ['regime', '42'], sources: [], notFigures: [] });
  });

  it('problems carry where they end, so an editor underlines the whole entry', () => {
    const [problem] = parseConfig('rules:\n  loaded-term: deafening\n').problems;
    expect(problem).toMatchObject({ line: 2, column: 16, endLine: 2, endColumn: 25 });
  });

  it('aliases are never expanded ("billion laughs"): each is reported and ignored', () => {
    let text = 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let level = 1; level < 10; level++) text += `x${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]\n`;
    text += 'loaded_terms:\n  - term: lol\n    alternatives: *a9\nallow: *a9\nsources: [*a0]\n';
    const { config, problems } = parseConfig(text);
    expect(problems.filter((problem) => problem.message.startsWith('Aliases')).map((problem) => problem.line)).toEqual([13, 14, 15]);
    expect(config).toMatchObject({ loadedTerms: [{ term: 'lol', alternatives: [] }], allow: [], sources: [] });
  });

  it('custom tags are not resolved: nothing runs, and the value is read as plain text', () => {
    const { config, problems } = parseConfig('sources: !!js/function [Reuters]\nallow: !local [regime]\n');
    expect(problems.map((problem) => problem.line)).toEqual([1, 2]);
    expect(problems.every((problem) => /tags are not resolved \(nothing in this file is run\)/.test(problem.message))).toBe(true);
    expect(config).toMatchObject({ sources: ['Reuters'], allow: ['regime'] });
  });

  it('a nesting too deep for the parser, a multi-document file, or a top-level list: one problem, defaults, no throw', () => {
    for (const text of [`allow: ${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'allow: [a]\n---\nallow: [b]\n', '- a\n- b\n']) {
      const { config, problems } = parseConfig(text);
      expect(problems.length).toBeGreaterThan(0);
      expect(config).toEqual({ rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [], requireAnonymityReason: false });
    }
  });

  it('an empty key configures nothing and is no mistake', () => {
    expect(parseConfig('rules:\nallow:\nsources: ~\nloaded_terms:\n').problems).toEqual([]);
  });

  it('100,000 allow terms are read in full (linear: a quadratic pass would not finish within the test timeout)', () => {
    const terms = Array.from({ length: 100_000 }, (_, index) => `term${index}`);
    const { config, problems } = parseConfig(`allow: [${terms.join(', ')}]\n`);
    expect(problems).toEqual([]);
    expect(config.allow).toHaveLength(100_000);
    expect(config.allow[99_999]).toBe('term99999');
    const over = parseConfig(`sources: [${terms.join(', ')}, one, more]\n`);
    expect(over.config.sources).toHaveLength(CONFIG_LIST_LIMIT);
    expect(over.problems).toMatchObject([{ line: 1, column: 10, message: `"sources" has 100002 entries; only the first ${CONFIG_LIST_LIMIT} are used.` }]);
  });

  it('never throws, and every problem lies inside the text (arbitrary YAML-ish input)', () => {
    const piece = fc.oneof(fc.constantFrom('rules:', 'allow:', 'loaded_terms:', '  - ', 'term: ', '\n', '  ', '[', ']', '{', '}', ',', '&a ', '*a', '!!js/function ', '? ', ': ', '---\n', '"', "'", '#', 'loaded-term', 'off', '\t', '\u0000', '\uFEFF'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')), (text) => {
        const { problems } = parseConfig(text);
        for (const problem of problems) {
          expect(problem.offset).toBeGreaterThanOrEqual(0);
          expect(problem.endOffset).toBeLessThanOrEqual(text.length);
          expect(problem.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('config terms are literal phrases, never patterns', () => {
  const catastrophic = `${'a'.repeat(60)}!`; // (a+)+$ as a regular expression would backtrack for ages here

  it('"(a+)+$" as a loaded term matches only the text "(a+)+$", and a long run of a\'s is linted at once', () => {
    const config = parseConfig('loaded_terms:\n  - term: "(a+)+$"\n    alternatives: [x]\n').config;
    expect(config.loadedTerms.map((term) => term.term)).toEqual(['(a+)+$']);
    const findings = lint(`He wrote (a+)+$ on the board. ${catastrophic} The regime ${catastrophic} aaa.`, { format: 'plaintext', config });
    expect(findings.filter((finding) => finding.ruleId === 'loaded-term').map((finding) => finding.actual)).toEqual(['(a+)+$', 'regime']);
  });

  it('".*" has no word to match, so it is reported and matches nothing; as a source or allow entry it grants nothing', () => {
    const { config, problems } = parseConfig('loaded_terms:\n  - term: ".*"\nsources: [".*"]\nallow: [".*", "[a-z]+"]\n');
    expect(problems.map((problem) => [problem.line, problem.message.split(',')[0]])).toEqual([
      [2, '".*" has no letter or digit'],
      [3, '".*" has no letter or digit'],
      [4, '".*" has no letter or digit'],
    ]);
    expect(config).toMatchObject({ loadedTerms: [], sources: [], allow: ['[a-z]+'] });
    const findings = lint('Critics say the dictator spoke. More than 300 people attended.', { format: 'plaintext', config });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['unattributed-claim', 'loaded-term', 'uncited-figure']);
  });
});

describe('config applied by the engine', () => {
  const copy = 'He touched down in the pariah state, which many believe is isolated.';
  it('changes severity and turns rules off', () => {
    const findings = lint(copy, { format: 'plaintext', config: { rules: { 'loaded-term': 'error', 'unattributed-claim': 'off' } } });
    expect(findings.map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual(['loaded-term:error']);
  });
  it('allows terms the newsroom allows, and flags its own terms', () => {
    expect(lint(copy, { format: 'plaintext', config: { allow: ['pariah state'] } }).map((finding) => finding.ruleId)).toEqual(['unattributed-claim']);
    const own = lint('The minister went on a junket to Paris.', { format: 'plaintext', config: { loadedTerms: [{ term: 'junket', forms: [], alternatives: ['trip'], reason: 'House style.' }] } });
    expect(own.map((finding) => [finding.ruleId, finding.actual, finding.suggestions[0]])).toEqual([['loaded-term', 'junket', 'trip']]);
  });
  it('treats extra sources as named sources', () => {
    const text = 'More than 300 people were evacuated, Copydesk Herald reported.';
    expect(lint(text, { format: 'plaintext', config: { sources: ['Copydesk Herald'] } }).filter((finding) => finding.ruleId === 'uncited-figure')).toEqual([]);
  });
  it('words that never make a figure', () => {
    const text = 'The striker has scored 14 goals this season.';
    expect(lint(text, { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('uncited-figure');
    expect(lint(text, { format: 'plaintext', config: { notFigures: ['goals'] } }).map((finding) => finding.ruleId)).not.toContain('uncited-figure');
  });
});

describe('require_anonymity_reason', () => {
  it('reads true or false, and reports anything else with its place', () => {
    expect(parseConfig('require_anonymity_reason: true\n').config.requireAnonymityReason).toBe(true);
    expect(parseConfig('require_anonymity_reason: false\n').config.requireAnonymityReason).toBe(false);
    expect(parseConfig('').config.requireAnonymityReason).toBe(false);
    const { config, problems } = parseConfig('require_anonymity_reason: sometimes\n');
    expect(config.requireAnonymityReason).toBe(false);
    expect(problems).toMatchObject([{ message: 'require_anonymity_reason must be true or false.', line: 1, column: 27 }]);
  });
});

