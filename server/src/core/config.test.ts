import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
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
