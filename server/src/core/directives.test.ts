import { describe, expect, it } from 'vitest';
import { lint } from './index';

const ids = (text: string, format: 'markdown' | 'plaintext' | 'newsdraft' = 'markdown'): string[] => lint(text, { format }).map((finding) => `${finding.ruleId}: ${finding.actual}`);

describe('suppression directives', () => {
  it('disable-next-line suppresses the named rule on the next line only', () => {
    const text = '<!-- copydesk-disable-next-line loaded-term -->\nThe pariah state, many believe, is isolated.\n\nThe pariah state again.\n';
    expect(ids(text)).toEqual(['unattributed-claim: many believe', 'loaded-term: pariah state']);
  });

  it('disable-next-line works inside a tab-indented list item (found by npm run fuzz, seed 1402993324)', () => {
    // The parser expands the tab in the comment's value; the directive must still sit where the source has it.
    expect(ids('- \n\tpariah state')).toEqual(['loaded-term: pariah state']);
    expect(ids('- \n\t<!-- copydesk-disable-next-line loaded-term -->\n\tpariah state')).toEqual([]);
  });

  it('disable ... enable suppresses a region; with no rule named it covers every rule', () => {
    const text = '<!-- copydesk-disable -->\n\nThe pariah state, many believe.\n\n<!-- copydesk-enable -->\n\nThe dictator spoke.\n';
    expect(ids(text)).toEqual(['loaded-term: dictator']);
  });

  it('reports an unknown rule id in a directive and suppresses nothing for it', () => {
    const text = '<!-- copydesk-disable-next-line loaded-terms -->\nThe pariah state.\n';
    const findings = lint(text, { format: 'markdown' });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['copydesk-directive', 'loaded-term']);
    expect(findings[0].actual).toBe('loaded-terms');
    expect(findings[0].message).toContain('did you mean "loaded-term"');
  });

  it('newsdraft uses // line comments', () => {
    expect(ids('// copydesk-disable-next-line loaded-term\nThe pariah state.\n', 'newsdraft')).toEqual([]);
    expect(ids('// copydesk-disable-next-line loaded-term\nThe pariah state.\nThe dictator.\n', 'newsdraft')).toEqual(['loaded-term: dictator']);
    expect(ids('// copydesk-disable-next-line loaded-term\nThe pariah state.\n\nThe dictator.\n', 'newsdraft')).toEqual(['loaded-term: dictator']);
  });

  it('plain text takes the HTML comment form on a line of its own', () => {
    expect(ids('<!-- copydesk-disable-next-line -->\nThe pariah state.\n', 'plaintext')).toEqual([]);
  });
});
