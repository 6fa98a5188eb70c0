import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../core/index';
import { attributionInsertion } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { betterSentence } from './hover';

describe('hover: the better sentence', () => {
  it.each([
    'Critics say the plan will fail.',
    'Since 2022, North Korea has test-fired around 100 missiles.',
    'The minister reportedly resigned. He was replaced on Monday.',
    'Rebels killed about 300 soldiers, “a massacre.”',
    'Many believe the vote was rigged\nThe count resumed on Monday.',
  ])('is the sentence as "Add attribution" leaves it: %j', (text) => {
    const document = TextDocument.create('file:///draft.txt', 'plaintext', 1, text);
    const findings = lint(text, { format: 'plaintext' }).filter((finding) => ['unattributed-claim', 'uncited-figure', 'hedged-attribution'].includes(finding.ruleId));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const edit = attributionInsertion(document, toDiagnostic(finding, 1));
      const fixed = TextDocument.applyEdits(document, [edit]);
      const better = betterSentence(text, finding)!;
      expect(better).toContain('according to TK');
      expect(fixed).toContain(better);
    }
  });

  it('puts the first suggestion in place of the flagged words', () => {
    const text = 'He touched down in the pariah state on Tuesday. Then he left.';
    const [finding] = lint(text, { format: 'plaintext' });
    expect(betterSentence(text, finding)).toBe('He touched down in the isolated country on Tuesday.');
  });
});
