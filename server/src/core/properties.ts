/**
 * Generators and checks shared by the property tests (vitest, fixed seed) and the fuzz run
 * (`npm run fuzz`, random seed): news-like drafts mixed with hostile Unicode and markdown debris.
 */
import fc from 'fast-check';
import type { SourceAttribution } from './attribution/document';
import type { Finding } from './types';
import { wordLists } from './vocabulary';

const terms = [...wordLists.loadedTerms, ...wordLists.loadedVerbs, ...wordLists.editorializing].map((entry) => entry.term);
const fragments = [
  'many believe', 'critics say', 'it is thought that', 'fears abound that', 'reportedly', 'around 100 missiles',
  'killed nearly five million people', 'the Korean Central News Agency said', 'he said', 'TK', '[SOURCE]', 'so-called',
  '“', '”', '"', "'", '‘', '’', '. ', ', ', '\n', '\n\n', '\r\n', '# ', '- ', '> ', '```', '`', '*', '_', '[', '](', ')',
  '<!-- copydesk-disable-next-line loaded-term -->', '// copydesk-disable loaded-term', '[[note]]', '<!--', '-->', '---',
  '\u200B', '\u200F', '\u202E', '\u0301', '\uD800', '\uDC00', '😀', '🇰🇵', 'ﷺ', 'العربية', '\t', '1,200', '50%', '$4.5 billion',
];

/** A draft: pieces of news copy, word-list terms, markup and hostile Unicode, in any order. */
export function draftArbitrary(maxPieces = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fragments) },
    { weight: 3, arbitrary: fc.constantFrom(...terms) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 3, arbitrary: fc.constantFrom(' ', ' the ', ' said ', ' and ', ' North Korea ', ' Kim ') },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** What is wrong with a lint result for a text: empty when every finding is well placed. */
export function checkFindings(text: string, findings: Finding[]): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const { offset, endOffset } = finding;
    if (!(offset >= 0 && endOffset >= offset && endOffset <= text.length)) problems.push(`${finding.ruleId}: range ${offset}-${endOffset} outside 0-${text.length}`);
    if (text.slice(offset, endOffset) !== finding.actual) problems.push(`${finding.ruleId}: actual does not match the range`);
    for (const at of [offset, endOffset]) {
      if (at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) problems.push(`${finding.ruleId}: ${at} splits a surrogate pair`);
    }
  }
  return problems;
}

/**
 * What is wrong with the attributions of a text: empty when every span lies inside it and reads as
 * given, content ranges come in order without overlapping, and the list is in document order.
 */
export function checkAttributions(text: string, sources: SourceAttribution[]): string[] {
  const problems: string[] = [];
  const inside = (from: number, to: number): boolean => from >= 0 && to >= from && to <= text.length;
  let previous = -1;
  for (const [index, source] of sources.entries()) {
    for (const [name, span] of [['speaker', source.speaker], ['cue', source.cue]] as const) {
      if (span === null) continue;
      if (!inside(span.offset, span.endOffset)) problems.push(`attribution ${index}: ${name} ${span.offset}-${span.endOffset} outside 0-${text.length}`);
      else if (text.slice(span.offset, span.endOffset) !== span.text) problems.push(`attribution ${index}: ${name} text does not match its range`);
    }
    let end = -1;
    for (const range of source.content) {
      if (!inside(range.offset, range.endOffset)) problems.push(`attribution ${index}: content ${range.offset}-${range.endOffset} outside 0-${text.length}`);
      if (range.offset < end) problems.push(`attribution ${index}: content ranges overlap or are out of order`);
      end = range.endOffset;
    }
    if (source.speaker === null && source.cue !== null) problems.push(`attribution ${index}: a cue with no speaker`);
    const at = source.cue?.offset ?? source.content[0]?.offset ?? 0;
    if (at < previous) problems.push(`attribution ${index}: out of document order`);
    previous = at;
  }
  return problems;
}

/** What linting a text finds, with CRLF read as LF: equal for a text and its CRLF twin. */
export function lineEndingSummary(findings: Finding[]): Array<[string, number, string]> {
  return findings.map((finding) => [finding.ruleId, finding.start.line, finding.actual.replace(/\r\n/g, '\n')]);
}
