import { describe, expect, it } from 'vitest';
import { createLinter } from '../core/index';
import { sourcingReport } from './sourcing-report';

describe('sourcing report', () => {
  it('files "he said" under the source the paragraph named, and keeps what each is cited for in order', () => {
    const text = 'The mayor, Ana Ruiz, said the budget was balanced. She said cuts were not needed.\n\nCritics say the plan will fail.';
    const { findings, sources } = createLinter().sourcing(text, 'plaintext');
    const report = sourcingReport('draft.md', 'file:///draft.md', findings, sources);
    expect(report).toContain('- **Ana Ruiz** (named)\n  - [line 1](file:///draft.md#L1), said: The mayor, Ana Ruiz, said the budget was balanced.\n  - [line 1](file:///draft.md#L1), said (as “She”): She said cuts were not needed.');
    expect(report).not.toContain('**She**');
    expect(report).toMatch(/## Vague attributions\n\n- \[line 3\]\(file:\/\/\/draft\.md#L3\): “Critics say” \(unattributed-claim\)/);
  });
});

describe('sourcing report of a huge draft', () => {
  it('lists the first entries of each section and says how many more there are', async () => {
    const { REPORT_SECTION_LIMIT } = await import('./sourcing-report');
    const paragraphs = Array.from({ length: REPORT_SECTION_LIMIT + 10 }, (_, index) => `Critics say plan ${index} will fail, Ana Ruiz said.`);
    const { findings, sources } = createLinter().sourcing(paragraphs.join('\n\n'), 'plaintext');
    const report = sourcingReport('huge.md', 'file:///huge.md', findings, sources);
    expect(sources).toHaveLength(REPORT_SECTION_LIMIT + 10);
    expect(report.match(/said: Critics say/g)).toHaveLength(REPORT_SECTION_LIMIT);
    expect(report).toContain('- … and 10 more (a section lists the first 2,000)');
  });
});
