/**
 * Property-based tests: whatever a reporter pastes, `lint` does not throw, its ranges lie inside the
 * text on code-unit boundaries that do not split a surrogate pair, it is deterministic, and line
 * endings do not change what it finds. Fixed seed and bounded runs, so the suite stays fast and
 * repeatable; `npm run fuzz` runs the same properties longer with a random seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, lint } from './index';
import { draftArbitrary, checkAttributions, checkFindings, lineEndingSummary } from './properties';

const SETTINGS = { seed: 20261125, numRuns: 150 };

describe('lint on arbitrary input', () => {
  it.each(['markdown', 'plaintext', 'newsdraft'] as const)('never throws and keeps every range inside the text (%s)', (format) => {
    fc.assert(
      fc.property(draftArbitrary(), (text) => {
        expect(checkFindings(text, lint(text, { format }))).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it.each(['markdown', 'plaintext', 'newsdraft'] as const)('attributes without throwing, every span inside the text and reading as given (%s)', (format) => {
    fc.assert(
      fc.property(draftArbitrary(), (text) => {
        expect(checkAttributions(text, attribute(text, { format }))).toEqual([]);
        expect(attribute(text, { format })).toEqual(attribute(text, { format }));
      }),
      SETTINGS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(draftArbitrary(), (text) => {
        expect(lint(text, { format: 'markdown' })).toEqual(lint(text, { format: 'markdown' }));
      }),
      SETTINGS,
    );
  });

  it('finds the same things after CRLF/LF conversion, up to the mapped positions', () => {
    fc.assert(
      fc.property(draftArbitrary(), (lfText) => {
        const text = lfText.replace(/\r\n?/g, '\n');
        const crlf = text.replace(/\n/g, '\r\n');
        const summary = (source: string, format: 'markdown' | 'plaintext') => lineEndingSummary(lint(source, { format }));
        for (const format of ['markdown', 'plaintext'] as const) expect(summary(crlf, format)).toEqual(summary(text, format));
      }),
      SETTINGS,
    );
  });
});

describe('size and shape', () => {
  it('stays linear: a single 1 MB line and 100,000 tiny paragraphs are linted without error', () => {
    const line = 'The regime said more than 200 people attended, many believe. '.repeat(17_000);
    expect(checkFindings(line, lint(line, { format: 'plaintext' }))).toEqual([]);
    const tiny = Array.from({ length: 100_000 }, (_, index) => `P${index}.`).join('\n\n');
    expect(lint(tiny, { format: 'markdown' })).toEqual([]);
  });

  it('survives NUL bytes and the replacement characters of invalid UTF-8', () => {
    const text = 'The regime\u0000 said \uFFFD\uFFFD more than 200 people \uD800 attended.';
    expect(checkFindings(text, lint(text, { format: 'plaintext' }))).toEqual([]);
  });
});
