import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCase } from './letters';

describe('lowerCase', () => {
  it('is toLowerCase, whatever the word holds', () => {
    const character = fc.oneof(fc.constantFrom('a', 'z', 'A', 'Z', '@', '[', '`', '{', '0', "'", '\u2019', 'É', 'é', 'İ', 'Σ', 'ß', '\u212a', '\u017f'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(character, { maxLength: 12 }).map((parts) => parts.join('')), (word) => {
        expect(lowerCase(word)).toBe(word.toLowerCase());
      }),
      { seed: 20261208, numRuns: 5000 },
    );
  });

  it('hands back the word itself when it is lower-case ASCII already', () => {
    const word = ['sa', 'id'].join('');
    expect(lowerCase(word)).toBe(word);
  });
});
