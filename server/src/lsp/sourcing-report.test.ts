import { describe, expect, it } from 'vitest';
import { createLinter } from '../core/index';
import { REPORT_SECTION_LIMIT, sourcingReport } from './sourcing-report';

const reportOf = (text: string): string => {
  const { findings, sources } = createLinter().sourcing(text, 'plaintext');
  return sourcingReport('draft.md', 'file:///draft.md', text, findings, sources);
};

describe('sourcing report', () => {
  it('files "she said" under the source it stands for, with what each attribution carries, in order', () => {
    const report = reportOf('The mayor, Ana Ruiz, said the budget was balanced. She said cuts were not needed.\n\nCritics say the plan will fail.');
    expect(report).toContain('2 named, 0 anonymous, 1 vague attributions.');
    expect(report).toContain(
      '- **Ana Ruiz** (named; 2 claims: 0 quoted, 2 reported; also “She”)\n  - [line 1](file:///draft.md#L1), said: the budget was balanced.\n  - [line 1](file:///draft.md#L1), said (as “She”): cuts were not needed.',
    );
    expect(report).not.toContain('**She**');
    expect(report).toContain('- **Critics** (vague; 1 claim: 0 quoted, 1 reported)');
    expect(report).toMatch(/## Vague attributions\n\n- \[line 3\]\(file:\/\/\/draft\.md#L3\): “Critics say” \(unattributed-claim\)/);
  });

  it('says when a story rests on one named source, and not when it has two', () => {
    const single = reportOf('Ana Ruiz said the budget was balanced.\n\n"We cut nothing," Ruiz told reporters.');
    expect(single).toContain('**This story rests on a single named source: Ana Ruiz.**');
    const two = reportOf('Ana Ruiz said the budget was balanced.\n\nThe treasurer, Tomas Vidal, said it was not.');
    expect(two).not.toContain('single named source');
    expect(two).toContain('- **Tomas Vidal** (named; 1 claim: 0 quoted, 1 reported)');
  });

  it('merges a surname and a title with the full name given before', () => {
    const report = reportOf('North Korean leader Kim Jong Un said the tests would go on. Kim added that talks were over.\n\nThe North Korean leader told the meeting the army was ready.');
    expect(report).toContain("- **Kim Jong Un** (named; 3 claims: 0 quoted, 3 reported; also “Kim”, “North Korean”)");
  });
});

describe('sourcing report of a huge draft', () => {
  it('lists the first attributions and says how many more there are', () => {
    const paragraphs = Array.from({ length: REPORT_SECTION_LIMIT + 10 }, (_, index) => `Plan ${index} will fail, Ana Ruiz said.`);
    const text = paragraphs.join('\n\n');
    const { findings, sources } = createLinter().sourcing(text, 'plaintext');
    const report = sourcingReport('huge.md', 'file:///huge.md', text, findings, sources);
    expect(sources).toHaveLength(REPORT_SECTION_LIMIT + 10);
    expect(report.match(/, said: Plan \d+ will fail/g)).toHaveLength(REPORT_SECTION_LIMIT);
    expect(report).toContain('- … and 10 more (a section lists the first 2,000)');
  });
});
