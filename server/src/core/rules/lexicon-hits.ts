/**
 * Finds word-list terms that stand in the reporter's own voice: not inside a quotation, not in a
 * markdown block quotation, not in a neutral context the list names, and (for labels and
 * editorializing) not in speech reported from a named speaker. Labels and editorializing words also ask
 * two context questions of their own (see `castBySpeaker` and `partOfName`).
 */
import { inReportedSpeech, insideQuote, sentenceAt, type ParagraphModel } from '../attribution';
import { normalisePhrase, type PhraseMatcher } from '../phrase-matcher';
import type { LexiconEntry } from '../vocabulary';
import { hasLetter } from '../letters';

/** A list term found in the reporter's voice. */
export interface LexiconHit {
  start: number;
  end: number;
  text: string;
  entry: LexiconEntry;
}

/** The word lists' stand-in for any number after a term ("lies 67 miles north", "lies some 40 km"). */
const NUMBER_TOKEN = '#number';
const NUMBER_AHEAD = /^(?:(?:some|about|around|roughly|nearly|almost|approximately|just|only)\s+)?(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|hundreds|an? (?:few|dozen|hundred|thousand|mile|kilometre|kilometer|half|quarter))(?![\p{L}])/u;

/** Whether `text` right after `offset` begins with one of the phrases, as whole words. */
function followedBy(text: string, offset: number, phrases: string[]): boolean {
  if (phrases.length === 0) return false;
  const rest = normalisePhrase(text.slice(offset, offset + 60)).toLowerCase();
  return phrases.some((phrase) => (phrase === NUMBER_TOKEN ? NUMBER_AHEAD.test(rest) : rest.startsWith(phrase) && !/[\p{L}\p{N}]/u.test(rest.charAt(phrase.length))));
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
    if (insideQuote(model, match.start, match.end)) continue;
    if (followedBy(model.text, match.end, entry.notFollowedBy) || precededBy(model.text, match.start, entry.notPrecededBy)) continue;
    if (skipReported && inReportedSpeech(model, match.start, match.end)) continue;
    hits.push({ start: match.start, end: match.end, text: match.text, entry });
    coveredUntil = match.end;
  }
  return hits;
}

// Verbs by which a speaker casts something as something ("dismissed the claims as nonsense", "portrayed
// him as a traitor", "some regard it as a cold, callous approach"), and accusations ("accused them of
// hypocrisy"): what follows "as" or "of" is their verdict.
const CASTING_VERB = new RegExp(
  '\\b(?:describ(?:e|es|ed|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|brand(?:ed|ing)|label(?:l?ed|l?ing)|dismiss(?:es|ed|ing)?|' +
    'denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|criti(?:cis|ciz)(?:e|es|ed|ing)|reject(?:s|ed|ing)?|regard(?:s|ed|ing)?|decr(?:y|ies|ied|ying)|' +
    'characteri[sz](?:e|es|ed|ing)|paint(?:s|ed|ing)?|derid(?:e|es|ed|ing)|ridicul(?:e|es|ed|ing)|mock(?:s|ed|ing)?|slam(?:s|med|ming)?|' +
    'blast(?:s|ed|ing)?|lambast(?:s|ed|ing)?|castigat(?:e|es|ed|ing)|view(?:s|ed|ing)?|see|sees|seen|saw)\\b' +
    // ... then, in the same sentence, "as" and at most three words before the term.
    "[^.;:!?]{0,200}?\\bas\\s+(?:(?:a|an|the|being)\\s+)?(?:[\\p{L}'\\u2019-]+,?\\s+(?:and\\s+|or\\s+)?){0,3}$" +
    // ... or an accusation: "accused them of hypocrisy", "accusing Sullivan of blatant copying".
    "|\\baccus(?:e|es|ed|ing)\\b[^.;:!?]{0,120}?\\bof\\s+(?:(?:a|an|the|being)\\s+)?(?:[\\p{L}'\\u2019-]+,?\\s+(?:and\\s+|or\\s+)?){0,3}$",
  'iu',
);

/**
 * Whether a term stands in a speaker's characterisation of something, after "as" and a verb such as
 * "dismissed", "described" or "portrayed" in the same sentence: the verdict is theirs, reported, not
 * the reporter's. (An agentless "has been described as" is the unattributed-claim rule's business.)
 */
export function castBySpeaker(model: ParagraphModel, start: number): boolean {
  const sentence = sentenceAt(model, start);
  const from = sentence ? sentence.start : Math.max(0, start - 200);
  return CASTING_VERB.test(model.text.slice(Math.max(from, start - 240), start));
}

const CAPITALISED = /^\p{Lu}/u;
// Capitalised only because they open a sentence or a title: not part of a name ("The Junta", "A Dictator's Life").
const OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'every', 'no']);

/**
 * Whether a capitalised hit is part of a name ("Noël Coward", "The Great Dictator", the band "Deuce
 * Mob") rather than a label: capitalised in mid-sentence, next to another capitalised word. Sentence
 * openers ("Dictator Kim Jong Un ...") and Title Case headlines, where capitals carry no signal, are
 * still flagged.
 */
export function partOfName(model: ParagraphModel, hit: LexiconHit): boolean {
  // Only single words: a capitalised phrase from the list ("Wuhan virus") is the label itself.
  if (!CAPITALISED.test(hit.text) || /\s/u.test(hit.text)) return false;
  const sentence = sentenceAt(model, hit.start);
  if (!sentence) return false;
  const words = sentence.words.filter((word) => hasLetter(word.text));
  const first = words.findIndex((word) => word.end > hit.start);
  if (first <= 0) return false;
  // A headline in Title Case: most longer words capitalised and no closing full stop.
  const longer = words.slice(1).filter((word) => word.text.length >= 4);
  const headline = !/[.!?]["\u201d']?\s*$/u.test(model.text.slice(sentence.start, sentence.end)) && longer.filter((word) => CAPITALISED.test(word.text)).length >= longer.length * 0.6;
  if (headline) return false;
  const last = words.findIndex((word) => word.end >= hit.end);
  const before = words[first - 1];
  const after = last >= 0 ? words[last + 1] : undefined;
  const joined = (a: { end: number }, b: { start: number }): boolean => /^[\s\u00a0-]*$/u.test(model.text.slice(a.end, b.start));
  return (CAPITALISED.test(before.text) && !OPENERS.has(before.text.toLowerCase()) && joined(before, words[first])) || (after !== undefined && CAPITALISED.test(after.text) && joined(words[last], after));
}
