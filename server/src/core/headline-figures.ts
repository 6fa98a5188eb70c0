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

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The findings without the uncited figures of headings that the body gives, sourced. One pass over the
 * body whatever the number of headings.
 * @param headings the [start, end) offsets of the heading blocks
 * @param body the [start, end) offsets of the other prose blocks
 */
export function dropHeadlineFiguresSourcedBelow(findings: Finding[], text: string, headings: ReadonlyArray<[number, number]>, body: ReadonlyArray<[number, number]>): Finding[] {
  if (headings.length === 0 || body.length === 0) return findings;
  const inHeading = (finding: Finding): boolean => headings.some(([start, end]) => finding.offset >= start && finding.endOffset <= end);
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
  const keys = [...new Set(headlineFigures.values())].sort((a, b) => b.length - a.length);
  const mention = new RegExp(`(?<![\\p{L}\\d.,])(?:${keys.map((key) => escape(key).replace(/ /g, '\\s+').replace(/^(\d+)$/, (digits) => [...digits].join(',?'))).join('|')})(?![\\p{L}\\d]|[.,]\\d)`, 'giu');
  const sourcedInBody = new Set<string>();
  for (const [start, end] of body) {
    for (const match of text.slice(start, end).matchAll(mention)) {
      if (!isFlagged(start + (match.index ?? 0))) sourcedInBody.add(match[0].toLowerCase().replace(/,/g, '').replace(/\s+/g, ' '));
    }
  }
  return findings.filter((finding) => !sourcedInBody.has(headlineFigures.get(finding) ?? '\0'));
}
