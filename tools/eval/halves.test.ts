import { describe, expect, it } from 'vitest';
import { halfOf, pick, splitIndexes } from './halves';

describe('tune and check halves', () => {
  it('puts a text in a fixed half by its hash (values worked out independently)', () => {
    // FNV-1a 32: "a" 0xe40c292c (even), "The council met on Tuesday." 0xb83b3bc5 (odd).
    expect(halfOf('a')).toBe('tune');
    expect(halfOf('The council met on Tuesday.')).toBe('check');
  });

  it('splits a set into two halves that hold every item once, whatever the order', () => {
    const texts = Array.from({ length: 200 }, (_, index) => `Sentence number ${index} of the set.`);
    const { tune, check } = splitIndexes(texts);
    expect([...tune, ...check].sort((a, b) => a - b)).toEqual(texts.map((_, index) => index));
    expect(tune.length).toBeGreaterThan(60);
    expect(check.length).toBeGreaterThan(60);
    const reversed = splitIndexes([...texts].reverse());
    expect(pick([...texts].reverse(), reversed.tune).sort()).toEqual(pick(texts, tune).sort());
  });
});
