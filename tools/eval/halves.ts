/**
 * The fixed tune and check halves of every eval set. A change is worked out against the tune half and kept
 * only when the check half improves too, so that a gain that holds only on the sentences it was read from
 * shows. A sentence's half depends on nothing but its text (32-bit FNV-1a of its UTF-8 bytes, the hash
 * `copydesk --shard` uses; low bit), so
 * the split is the same on every machine, in every run and whatever order the file is in.
 */

import { fnv1a32 } from '../../server/src/cli/shard';

export const HALVES = ['tune', 'check'] as const;
export type Half = (typeof HALVES)[number];

/** The half a sentence (or article) belongs to. */
export const halfOf = (text: string): Half => (fnv1a32(text) % 2 === 0 ? 'tune' : 'check');

/** The indexes of the items in each half, in order. */
export function splitIndexes(texts: readonly string[]): Record<Half, number[]> {
  const split: Record<Half, number[]> = { tune: [], check: [] };
  texts.forEach((text, index) => split[halfOf(text)].push(index));
  return split;
}

/** The items at `indexes`, in order. */
export const pick = <T>(items: readonly T[], indexes: readonly number[]): T[] => indexes.map((index) => items[index]);
