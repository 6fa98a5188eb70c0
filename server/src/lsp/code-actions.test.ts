/**
 * Quick-fixes under property tests: on random drafts (word-list terms, news fragments, markdown debris
 * and hostile Unicode), every fix the server offers changes exactly the range its title describes and
 * nothing else, the "Ignore" comment really silences that finding, and every fix is refused once the
 * document changed. Fixed seed and bounded runs; `npm run fuzz` runs the same checks with a random seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftArbitrary } from '../core/properties';
import { checkQuickFixes } from './quick-fix-properties';

const SETTINGS = { seed: 20261125, numRuns: 120 };

/** News sentences that reliably draw findings with fixes of every kind, so each run has something to check. */
const FIXABLE = [
  'The dictator claimed the vote was fair.',
  'Since 2022, North Korea has test-fired around 100 missiles',
  'Critics say the regime is isolated!',
  'The minister reportedly slammed the report?',
  '  He touched down in the pariah state on Tuesday.',
];

const draftWithFixes = fc.tuple(draftArbitrary(), fc.subarray(FIXABLE, { minLength: 1 }), fc.constantFrom('\n', '\r\n', '\n\n', ' ')).map(([noise, sentences, glue]) => [noise, ...sentences].join(glue));

describe('quick-fixes on random drafts', () => {
  it.each(['markdown', 'plaintext', 'newsdraft'] as const)('change exactly the flagged range as described, and refuse a changed document (%s)', (format) => {
    fc.assert(
      fc.property(draftWithFixes, (text) => {
        expect(checkQuickFixes(text, format)).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it('the checks see what they should: a document with every kind of fix is checked fix by fix', () => {
    expect(checkQuickFixes(FIXABLE.join('\n\n'), 'markdown')).toEqual([]);
  });

  // Found by `npm run fuzz`: a directive naming an unknown rule was offered "Ignore copydesk-directive
  // on this line", whose comment would itself name no rule and silence nothing.
  it.each([
    ['newsdraft', '// copydesk-disable loaded-termpariah state'],
    // Also from the fuzz run: "Add attribution" put its ", according to TK" past a lone \r (a line break).
    ['markdown', 'many believe\r. '],
    ['markdown', '<!-- copydesk-disable-next-line loaded-trem -->\nThe dictator spoke.'],
    // And: after a "<!--" nothing closed, an inserted "<!-- ... -->" line closed that comment instead.
    ['markdown', 'many believe<!--\n\tpariah state'],
    ['markdown', 'many believe<!--\r\n\tpariah state'],
    ['markdown', '<!-- x --> The pariah state'],
  ] as const)('counterexamples found by the fuzz run stay fixed (%s: %j)', (format, text) => {
    expect(checkQuickFixes(text, format)).toEqual([]);
  });
});

describe('forged diagnostic data', () => {
  it('a diagnostic whose data has non-string, too many or huge suggestions, or no rule id, gets no quick-fix', async () => {
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { codeActions } = await import('./code-actions');
    const document = TextDocument.create('file:///w/story.md', 'markdown', 3, 'The dictator claimed the vote was fair.\n');
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } };
    const forged = (data: Record<string, unknown>) => ({ range, message: 'x', source: 'copydesk', data: { ruleId: 'loaded-term', actual: 'dictator', version: 3, note: '', suggestions: ['leader'], ...data } });
    const titles = (data: Record<string, unknown>) => codeActions(document, { textDocument: { uri: document.uri }, range, context: { diagnostics: [forged(data)] } }, 'markdown', () => undefined).map((action) => action.title);
    expect(titles({})).toContain('Replace "dictator" with "leader"');
    for (const bad of [{ suggestions: [{ toString: 'x' }] }, { suggestions: [42] }, { suggestions: Array(21).fill('leader') }, { suggestions: ['x'.repeat(201)] }, { ruleId: 7 }, { suggestions: 'leader' }]) {
      expect(titles(bad), JSON.stringify(bad).slice(0, 60)).toEqual([]);
    }
  });
});
