/**
 * A headline states figures that the story sources below it: "Storm kills at least 16" over "..., killing
 * at least 16 people, authorities said". Headlines carry no attribution, so a figure in a heading counts
 * as sourced when the body gives the same number and does not flag it there. A headline figure the body
 * never gives, or gives without a source, is still flagged.
 */
import { covering } from './text-index';
import type { Finding } from './types';
import { sets } from './vocabulary';

const DIGITS = /\d(?:[\d,.]*\d)?/g;
// A whole number in running text: not part of a word or of a longer number ("16" is not in "160" or "16.5").
const BODY_DIGITS = /(?<![\p{L}\d.,])\d(?:[\d,.]*\d)?(?![\p{L}\d]|[.,]\d)/gu;
const WORD = /[\p{L}-]+/gu;

/** The number a figure states: its first digits ("1,600" as "1600"), else its first run of number words ("five million"). */
function numberKey(figure: string): string | undefined {
  const digits = figure.match(DIGITS);
  if (digits) return digits[0].replace(/,/g, '');
  const words = (figure.match(WORD) ?? []).map((word) => word.toLowerCase());
  const first = words.findIndex((word) => sets.numberWords.has(word));
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < words.length && sets.numberWords.has(words[last + 1])) last++;
  return words.slice(first, last + 1).join(' ');
}

/**
 * The findings without the uncited figures of headings that the body gives, sourced. One pass over the
 * body whatever the number of headings.
 * @param headings the [start, end) offsets of the heading blocks
 * @param body the [start, end) offsets of the other prose blocks
 */
export function dropHeadlineFiguresSourcedBelow(findings: Finding[], text: string, headings: ReadonlyArray<[number, number]>, body: ReadonlyArray<[number, number]>): Finding[] {
  if (headings.length === 0 || body.length === 0) return findings;
  // Headings come in document order and do not overlap: a binary search finds the one a finding starts in.
  const inHeading = (finding: Finding): boolean => {
    const heading = covering(headings, finding.offset, ([start]) => start, ([, end]) => end);
    return heading !== undefined && finding.endOffset <= heading[1];
  };
  const headlineFigures = new Map<Finding, string>();
  for (const finding of findings) {
    if (finding.ruleId !== 'uncited-figure' || !inHeading(finding)) continue;
    const key = numberKey(finding.actual);
    if (key !== undefined) headlineFigures.set(finding, key);
  }
  if (headlineFigures.size === 0) return findings;

  // Figures the body flags, in document order, to tell a sourced mention of a number from an unsourced one.
  const flagged = findings.filter((finding) => finding.ruleId === 'uncited-figure' && !headlineFigures.has(finding));
  const isFlagged = (offset: number): boolean => covering(flagged, offset, (finding) => finding.offset, (finding) => finding.endOffset) !== undefined;
  // One pass over the body: every number it gives (digits, or a run of number words), kept when the body
  // does not flag it. A single pattern per kind, so the pass stays linear however many headings there are.
  const keys = new Set(headlineFigures.values());
  const sourcedInBody = new Set<string>();
  // The longest run of number words a headline gives, in words ("five million" is 2): longer runs are not read.
  const longestWordKey = Math.max(0, ...[...keys].filter((key) => !/\d/.test(key)).map((key) => key.split(' ').length));
  for (const [start, end] of body) {
    const block = text.slice(start, end);
    for (const match of block.matchAll(BODY_DIGITS)) {
      const key = match[0].replace(/,/g, '');
      if (keys.has(key) && !isFlagged(start + (match.index ?? 0))) sourcedInBody.add(key);
    }
    if (longestWordKey === 0) continue;
    let run: string[] = [];
    let runStart = 0;
    const endRun = (): void => {
      // The run of number words the body gives and every shorter run that starts it ("five million", "five").
      for (let length = Math.min(run.length, longestWordKey); length > 0; length--) {
        const key = run.slice(0, length).join(' ');
        if (keys.has(key) && !isFlagged(start + runStart)) sourcedInBody.add(key);
      }
      run = [];
    };
    for (const match of block.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      if (sets.numberWords.has(word)) {
        if (run.length === 0) runStart = match.index ?? 0;
        run.push(word);
      } else if (run.length > 0) endRun();
    }
    if (run.length > 0) endRun();
  }
  return findings.filter((finding) => !sourcedInBody.has(headlineFigures.get(finding) ?? '\0'));
}
