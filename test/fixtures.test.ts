import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../server/src/core/index';
import { FIXTURE_DIR, findingsDiff, fixtureFindings, isFixture, proposedName } from './fixtures';

const drafts = readdirSync(FIXTURE_DIR).filter(isFixture);

describe('fixture drafts match their expected findings exactly', () => {
  it('has fixtures to check', () => {
    expect(drafts).toContain('seed-article.md');
  });
  it.each(drafts)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8'));
    const actual = fixtureFindings(name, readFileSync(join(FIXTURE_DIR, name), 'utf8'));
    // The reviewer's view first: which findings came or went (run `npm run fixtures` to propose the change).
    expect(findingsDiff(expected, actual)).toEqual([]);
    expect(actual).toEqual(expected);
  });
  it.each(drafts)('%s has no proposed findings waiting for review', (name) => {
    expect(existsSync(join(FIXTURE_DIR, proposedName(name))), `review ${proposedName(name)}, then npm run fixtures -- --accept (or undo the change)`).toBe(false);
  });
});

describe('findingsDiff: what a regeneration shows the reviewer', () => {
  const finding = (line: number, actual: string, ruleId = 'loaded-term'): Record<string, unknown> => ({ ruleId, severity: 'warning', line, column: 3, endLine: line, endColumn: 3 + actual.length, actual, suggestions: [] });
  it('shows nothing for the same findings', () => {
    expect(findingsDiff([finding(1, 'regime')], [finding(1, 'regime')])).toEqual([]);
  });
  it('shows a finding gone, one new, and one that moved as one of each', () => {
    expect(findingsDiff([finding(1, 'regime'), finding(4, 'junta')], [finding(2, 'regime'), finding(4, 'junta'), finding(9, 'pariah state')])).toEqual([
      '- 1:3-1:9 loaded-term (warning) "regime"',
      '+ 2:3-2:9 loaded-term (warning) "regime"',
      '+ 9:3-9:15 loaded-term (warning) "pariah state"',
    ]);
  });
  it('counts repeats: a second identical finding is a change', () => {
    expect(findingsDiff([finding(1, 'regime')], [finding(1, 'regime'), finding(1, 'regime')])).toEqual(['+ 1:3-1:9 loaded-term (warning) "regime"']);
  });
});

describe('the seed article', () => {
  const text = readFileSync(join(FIXTURE_DIR, 'seed-article.md'), 'utf8');
  const findings = lint(text, { format: 'markdown' });
  const has = (ruleId: string, actual: string): boolean => findings.some((finding) => finding.ruleId === ruleId && finding.actual === actual);
  const touching = (phrase: string): string[] => {
    const at = text.indexOf(phrase);
    expect(at, `"${phrase}" is in the seed`).toBeGreaterThanOrEqual(0);
    return findings.filter((finding) => finding.offset < at + phrase.length && finding.endOffset > at).map((finding) => `${finding.ruleId}: ${finding.actual}`);
  };

  it.each([
    ['unattributed-claim', 'many believe'],
    ['unattributed-claim', 'Fears abound that'],
    ['loaded-term', 'pariah state'],
    ['loaded-term', 'dictator'],
    ['loaded-term', 'masterminds'],
    ['loaded-term', 'Anti-Western forces'],
    ['loaded-term', 'anti-Western forces'],
    ['uncited-figure', 'killed nearly five million people'],
    ['uncited-figure', 'Nearly five million people, almost half of which were civilians'],
    ['uncited-figure', 'around 100 missiles'],
  ])('flags %s: %s', (ruleId, actual) => {
    expect(has(ruleId, actual)).toBe(true);
  });

  it('flags the hedge in "apparently in protest"', () => {
    expect(touching('apparently in protest')).toEqual(['hedged-attribution: apparently']);
  });

  it.each([
    'Shoigu’s ministry said the delegation’s visit will help strengthen relations',
    'North Korea’s state media said that a Russian delegation led by Shoigu arrived',
    'Pyongyang’s official Korean Central News Agency said that Kim and his top defence',
    '“martyrs”',
    '“immortal in the hearts of the Korean people”',
    '“Grand Fatherland Liberation War”',
    '“hegemonic policy”',
    '70th anniversary',
    'July 27',
    '1950-53',
    'the start of 2022',
    '70 years ago',
    'the three years',
  ])('does not flag: %s', (phrase) => {
    expect(touching(phrase)).toEqual([]);
  });

  it('quick-fix suggestions carry the neutral wording', () => {
    const pariah = findings.find((finding) => finding.actual === 'pariah state');
    expect(pariah?.suggestions[0]).toBe('isolated country');
    const dictator = findings.find((finding) => finding.actual === 'dictator');
    expect(dictator?.suggestions[0]).toBe('leader');
  });
});
