/**
 * Finds word-list terms that stand in the reporter's own voice: not inside a quotation, not in a
 * markdown block quotation, not in a neutral context the list names, and (for labels and
 * editorializing) not in speech reported from a named speaker.
 */
import { inReportedSpeech, quoteAround, sentenceAt, type ParagraphModel } from '../attribution';
import { normalisePhrase, type PhraseMatcher } from '../phrase-matcher';
import type { LexiconEntry } from '../vocabulary';

/** A list term found in the reporter's voice. */
export interface LexiconHit {
  start: number;
  end: number;
  text: string;
  entry: LexiconEntry;
}

/** Whether `text` right after `offset` begins with one of the phrases, as whole words. */
function followedBy(text: string, offset: number, phrases: string[]): boolean {
  if (phrases.length === 0) return false;
  const rest = normalisePhrase(text.slice(offset, offset + 60)).toLowerCase();
  return phrases.some((phrase) => rest.startsWith(phrase) && !/[\p{L}\p{N}]/u.test(rest.charAt(phrase.length)));
}

/** Whether `text` right before `offset` ends with one of the phrases, as whole words. */
function precededBy(text: string, offset: number, phrases: string[]): boolean {
  if (phrases.length === 0) return false;
  const before = normalisePhrase(text.slice(Math.max(0, offset - 60), offset)).toLowerCase();
  return phrases.some((phrase) => before.endsWith(phrase) && !/[\p{L}\p{N}]/u.test(before.charAt(before.length - phrase.length - 1)));
}

/**
 * The hits of a lexicon in a paragraph.
 * @param allowed normalised lower-case terms the newsroom allows (from config)
 * @param skipReported leave alone terms inside speech reported from a speaker ("he said the regime ...")
 */
export function lexiconHits(model: ParagraphModel, matcher: PhraseMatcher<LexiconEntry>, allowed: ReadonlySet<string>, skipReported: boolean): LexiconHit[] {
  if (model.quotedBlock) return [];
  const hits: LexiconHit[] = [];
  let coveredUntil = -1;
  for (const match of matcher.find(model.text)) {
    if (match.start < coveredUntil) continue; // a longer term already covers this one
    const entry = match.item;
    const normal = normalisePhrase(match.text).toLowerCase();
    if (allowed.has(normal) || allowed.has(entry.term)) continue;
    if (quoteAround(model, match.start, match.end)) continue;
    if (followedBy(model.text, match.end, entry.notFollowedBy) || precededBy(model.text, match.start, entry.notPrecededBy)) continue;
    const sentence = sentenceAt(model, match.start);
    if (skipReported && sentence && inReportedSpeech(sentence, match.start, match.end)) continue;
    hits.push({ start: match.start, end: match.end, text: match.text, entry });
    coveredUntil = match.end;
  }
  return hits;
}
