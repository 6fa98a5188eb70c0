/**
 * A headline states figures that the story sources below it: "Storm kills at least 16" over "..., killing
 * at least 16 people, authorities said". Headlines carry no attribution, so a figure in a heading counts
 * as sourced when the body gives the same number and does not flag it there. A headline figure the body
 * never gives, or gives without a source, is still flagged.
 */
import type { Finding } from './types';
import { sets } from './vocabulary';

const DIGITS = /\d(?:[\d,.]*\d)?/g;
const WORD = /[\p{L}-]+/gu;

/** The number a figure states, as a pattern for finding it elsewhere: its digits, else its number words. */
function numberPattern(figure: string): RegExp | undefined {
  const digits = figure.match(DIGITS);
  if (digits) return new RegExp(`(?<![\\d.,])${digits[0].replace(/[.,]/g, '[.,]?')}(?![\\d])`, 'g');
  const words = (figure.match(WORD) ?? []).map((word) => word.toLowerCase());
  const first = words.findIndex((word) => sets.numberWords.has(word));
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < words.length && sets.numberWords.has(words[last + 1])) last++;
  return new RegExp(`(?<![\\p{L}])${words.slice(first, last + 1).join('\\s+')}(?![\\p{L}])`, 'giu');
}

/**
 * The findings without the uncited figures of headings that the body gives, sourced.
 * @param headings the [start, end) offsets of the heading blocks
 * @param body the [start, end) offsets of the other prose blocks
 */
export function dropHeadlineFiguresSourcedBelow(findings: Finding[], text: string, headings: ReadonlyArray<[number, number]>, body: ReadonlyArray<[number, number]>): Finding[] {
  if (headings.length === 0 || body.length === 0) return findings;
  const inHeading = (finding: Finding): boolean => headings.some(([start, end]) => finding.offset >= start && finding.endOffset <= end);
  const flaggedFigures = findings.filter((finding) => finding.ruleId === 'uncited-figure' && !inHeading(finding));
  const sourcedInBody = (figure: Finding): boolean => {
    const pattern = numberPattern(figure.actual);
    if (!pattern) return false;
    return body.some(([start, end]) => {
      for (const match of text.slice(start, end).matchAll(pattern)) {
        const at = start + (match.index ?? 0);
        if (!flaggedFigures.some((flagged) => at >= flagged.offset && at < flagged.endOffset)) return true;
      }
      return false;
    });
  };
  return findings.filter((finding) => !(finding.ruleId === 'uncited-figure' && inHeading(finding) && sourcedInBody(finding)));
}
