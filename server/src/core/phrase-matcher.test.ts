import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord, PhraseMatcher } from './phrase-matcher';

// The definition forEachWord reads by hand, for speed.
const WORD = /[\p{L}\p{N}_]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}_]+)*/gu;
const wordsByHand = (text: string): Array<[number, number]> => {
  const found: Array<[number, number]> = [];
  forEachWord(text, (start, end) => found.push([start, end]));
  return found;
};
const wordsByPattern = (text: string): Array<[number, number]> => [...text.matchAll(WORD)].map((match) => [match.index!, match.index! + match[0].length]);

describe('phrase matcher', () => {
  it('reads words exactly as the regular expression defines them, on any text', () => {
    const pieces = fc.constantFrom('regime', "regime's", 'anti-Western', 'Kim\u2019s', 'État', '東京', '𝒜𝒷', '😀', '\ud800', '\udc00', '-', "'", '\u2019', '\u2010', '_', '42', ' ', '\n', '.', 'e\u0301', '\u200b', 'مرحبا');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces).map((parts) => parts.join(''))), (text) => {
        expect(wordsByHand(text)).toEqual(wordsByPattern(text));
      }),
      { seed: 20261125, numRuns: 400 },
    );
  });

  it('finds the longest phrase at each word, whole words only, across typography', () => {
    const matcher = new PhraseMatcher([
      { phrases: ['pariah state', 'pariah'], item: 'pariah' },
      { phrases: ['regime'], item: 'regime' },
    ]);
    const found = matcher.find('The pariah  state’s regime; anti-regime groups; a pariah.').map((match) => [match.text, match.item]);
    expect(found).toEqual([['pariah  state', 'pariah'], ['regime', 'regime'], ['pariah', 'pariah']]);
  });
});
