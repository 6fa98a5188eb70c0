/** Near-miss suggestions for mistyped rule ids, options and formats ("did you mean ...?"). */
import { editDistance } from '../core/edit-distance';

/**
 * ` (did you mean "loaded-term"?)` for the closest candidate within a third of the word's length (at
 * least 2 edits), or a prefix match; empty when nothing is close enough to be a plausible typo.
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(lower) && lower.length >= 3 ? 0.5 : editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(lower.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
