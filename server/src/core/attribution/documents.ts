/**
 * Documents, polls and counts as sources: "A Quinnipiac poll released Monday showed ...", "In the latest
 * Marist survey, ...", when they are named or pointed to, not "a new poll".
 */
import { key, sets } from '../vocabulary';
import type { SpeakerMention } from './model';
import { COMMON_CAPITALISED } from './word-classes';
import { startsUpper } from '../letters';

// The head nouns of documents, polls and counts that can stand as a source.
const DOCUMENT_HEADS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'report', 'analysis', 'average', 'tally', 'tallies', 'count', 'census', 'data', 'figures', 'estimates', 'filing', 'filings', 'records', 'documents', 'memo', 'audit', 'review', 'results', 'index', 'forecast', 'model', 'files', 'statistics', 'projections', 'findings', 'transcript', 'transcripts', 'email', 'emails', 'cable', 'cables']);
/** A quick test for any document head in a stretch of text, before the careful one (ASCII, no u flag: fast). */
export const DOCUMENT_HEAD_NEARBY = /\b(?:polls?|polling|surveys?|study|studies|reports?|analysis|average|tally|tallies|count|census|data|figures|estimates|filings?|records|documents?|memo|audit|review|results|index|forecast|model|files|statistics|projections|findings|transcripts?|emails?|cables?)\b/i;
// Words that open a new clause: a document's subject does not reach back over them.
const CLAUSE_WORDS = new Set(['where', 'and', 'that', 'which', 'who', 'when', 'while', 'but', 'because', 'as', 'if', 'although', 'though', 'since', 'than', 'or']);
const DOCUMENT_PREPOSITIONS = new Set(['by', 'from', 'of', 'in', 'among', 'on', 'for', 'with', 'conducted', 'released', 'published', 'taken', 'issued']);
const DOCUMENT_QUALIFIERS = new Set(['out', 'by', 'from', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'conducted', 'released', 'published', 'taken', 'issued', 'last', 'this', 'week', 'month', 'year', 'earlier', 'latest', 'new', 'recent', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'also', 'now', 'still']);
const POINTING = /^(?:the|this|that|these|those|its|their|his|her|our|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)$/iu;

/**
 * Whether a speaker is a document named or pointed to ("the latest Rasmussen poll", "Exit polling", "The poll
 * by the Public Policy Institute of California"), not "a new poll": the clause before the verb holds a
 * document's head noun and a name or a pointing word.
 */
export function namesADocument(text: string, mention: SpeakerMention): boolean {
  if (!mention.speaker || (mention.kind !== 'named' && mention.kind !== 'generic')) return false;
  const lead = /(?:^|[\s,;:(])((?:[\p{L}\p{N}/&.'\u2019-]+\s+){0,8})$/u.exec(text.slice(Math.max(0, mention.speaker[0] - 80), mention.speaker[0]))?.[1] ?? '';
  let words = `${lead}${text.slice(mention.speaker[0], mention.verbStart)}`.split(/\s+/).filter(Boolean);
  // A description set off by commas after the subject is not part of it: "A Fox News poll, conducted jointly
  // with ... and ..., shows" reads "A Fox News poll".
  const leadWords = lead.split(/\s+/).filter(Boolean).length;
  const appositive = words.findIndex((word, index) => index >= leadWords && word.endsWith(','));
  if (appositive >= 0 && appositive < words.length - 1) words = [...words.slice(0, appositive), words[appositive].slice(0, -1)];
  // The subject's noun phrase only: "where polls show Mrs. Clinton" and "Polls suggest Kasich has" do not
  // make "Clinton" or "Kasich" a document.
  // (A capitalised word is a name, whatever else it spells: "Rasmussen Reports".)
  const clauseStart = words.findLastIndex((word) => !startsUpper(word) && (CLAUSE_WORDS.has(word) || sets.evidenceVerbs.has(word) || sets.reportingWords.has(word)));
  words = words.slice(clauseStart + 1);
  const head = words.findLastIndex((word) => DOCUMENT_HEADS.has(word.toLowerCase().replace(/['\u2019]s$/u, '')));
  if (head < 0) return false;
  // After the head, only what qualifies it: "poll last month", "poll out Monday", or a phrase that a preposition
  // opens ("poll by the Public Policy Institute of California", "Field Poll of the Democratic race in May").
  const after = words.slice(head + 1);
  const opensPhrase = after.length > 0 && DOCUMENT_PREPOSITIONS.has(after[0].toLowerCase());
  if (!opensPhrase && !after.every((word) => startsUpper(word) || DOCUMENT_QUALIFIERS.has(word.toLowerCase()) || /^\d/.test(word))) return false;
  // (A date pins a document down as a name does: "A Sept. 15, 2011 email shows".)
  const dated = head > 0 && /^(?:19|20)\d\d$/u.test(words[head - 1]);
  return dated || words.some((word, index) => index !== head && startsUpper(word) && !COMMON_CAPITALISED.has(word.toLowerCase())) || words.some((word) => POINTING.test(word));
}

// "In a Fox News poll, ...", "... in the latest Quinnipiac survey released Monday": a document as the source
// of the sentence, when it is named or pointed to.
// (A pollster's own name for its poll is capitalised: "a CNN/ORC International Poll".)
const DOCUMENT_PHRASE = /\b(?:[Ii]n|[Bb]y)\s+((?:the|a|an|its|their|this|recent|two|several|both|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)\s+(?:[\p{L}\p{N}/&.'\u2019-]+\s+){0,6}?(?:[Pp]oll|[Pp]olls|polling|[Ss]urvey|[Ss]tudy|[Rr]eport|analysis|average|tally|count|census|filing|audit|forecast))\b/gu;
// "in recent polls from Quinnipiac and Marist": the name follows the head.
const NAMED_AFTER = /^\s+(?:from|by|of|conducted\s+by|for)\s+(?:the\s+)?\p{Lu}/u;

/** Mentions for documents named in a prepositional phrase of the sentence: the rest of the sentence is theirs. */
export function documentPhrases(text: string, range: { start: number; end: number }, insideQuote: (offset: number) => boolean): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  const sentence = text.slice(range.start, range.end);
  for (const match of sentence.matchAll(DOCUMENT_PHRASE)) {
    const at = range.start + (match.index ?? 0);
    if (insideQuote(at)) continue;
    const phrase = match[1];
    const speakerStart = at + match[0].length - phrase.length;
    const inner = phrase.split(/\s+/);
    // A name in the phrase ("in a Fox News poll"), or a poll pointed to at the head of the sentence ("In the
    // poll, 45 percent ..."); "gaining in the national polls" cites nothing.
    const opensSentence = /^\s*$/u.test(text.slice(range.start, at)) && /^,/u.test(text.slice(speakerStart + phrase.length, speakerStart + phrase.length + 1));
    const named = inner.slice(1).some((word) => startsUpper(word)) || NAMED_AFTER.test(text.slice(speakerStart + phrase.length, speakerStart + phrase.length + 40)) || (opensSentence && POINTING.test(inner[0]) && inner[0].toLowerCase() !== 'a' && inner[0].toLowerCase() !== 'an');
    if (!named) continue;
    const verbEnd = at + match[0].indexOf(' ');
    found.push({ verbStart: at, verbEnd, verb: key(match[0].slice(0, match[0].indexOf(' '))), kind: 'named', speaker: [speakerStart, speakerStart + phrase.length], reported: [range.start, range.end] });
  }
  return found;
}
