/**
 * Documents, polls and counts as sources: "A Quinnipiac poll released Monday showed ...", "In the latest
 * Marist survey, ...", when they are named or pointed to, not "a new poll".
 */
import { key, sets } from '../vocabulary';
import type { SpeakerMention, Word } from './model';
import { COMMON_CAPITALISED } from './word-classes';
import { startsUpper } from '../letters';

// The head nouns of documents, polls and counts that can stand as a source.
const DOCUMENT_HEADS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'report', 'reports', 'analysis', 'average', 'tally', 'tallies', 'count', 'census', 'data', 'figures', 'estimates', 'filing', 'filings', 'records', 'documents', 'memo', 'audit', 'review', 'results', 'index', 'forecast', 'model', 'files', 'statistics', 'projections', 'findings', 'transcript', 'transcripts', 'email', 'emails', 'cable', 'cables']);
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
  // (A head that is also a verb form is the head here: "Harbor Freight reports show".)
  const clauseStart = words.findLastIndex((word) => !startsUpper(word) && (CLAUSE_WORDS.has(word) || ((sets.evidenceVerbs.has(word) || sets.reportingWords.has(word)) && !DOCUMENT_HEADS.has(word))));
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

/**
 * Whether the source phrase of "according to" or "as reported by" names a document: "according to its FEC
 * reports", "according to the latest Harbor Poll" (a head noun and a name or a pointing word), not "according
 * to a report". Its figures in the sentences after it, in its paragraph, are then the document's too.
 */
export function phraseNamesADocument(text: string, phrase: [number, number]): boolean {
  const words = text.slice(phrase[0], phrase[1]).split(/\s+/u).filter(Boolean);
  const head = words.findIndex((word) => DOCUMENT_HEADS.has(word.toLowerCase().replace(/[,.;:]+$/u, '')));
  if (head < 0) return false;
  const before = words.slice(0, head);
  return before.some((word) => POINTING.test(word) || (startsUpper(word) && !COMMON_CAPITALISED.has(word.toLowerCase())));
}

// "In a Fox News poll, ...", "... in the latest Quinnipiac survey released Monday", "in Marist polls": a document as the source
// of the sentence, when it is named or pointed to.
// (A pollster's own name for its poll is capitalised: "a CNN/ORC International Poll".)
const DOCUMENT_PHRASE = /\b(?:[Ii]n|[Bb]y)\s+((?:the|a|an|its|their|this|recent|two|several|both|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)\s+(?:[\p{L}\p{N}/&.'\u2019-]+\s+){0,6}?(?:[Pp]oll|[Pp]olls|polling|[Ss]urveys?|[Ss]tudy|[Rr]eport|analysis|average|tally|count|census|filing|audit|forecast)|(?:[\p{Lu}][\p{L}.'\u2019-]*\s+){1,3}(?:polls|surveys))\b/gu;
// "in New Hampshire surveys", "in Marist polls": capitalised words right before a plural head.
const PLACE_POLLS = /^(?:[\p{Lu}][\p{L}.'\u2019-]*\s+){1,3}(?:polls|surveys)$/u;
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
    // (A capitalised first word names one too, mid-sentence: "near 10 percent in New Hampshire surveys"; "In Fresno
    // polls closed at 8" is a place.)
    const named = inner.slice(1).some((word) => startsUpper(word)) || (PLACE_POLLS.test(phrase) && !/^\s*$/u.test(text.slice(range.start, at))) || NAMED_AFTER.test(text.slice(speakerStart + phrase.length, speakerStart + phrase.length + 40)) || (opensSentence && POINTING.test(inner[0]) && inner[0].toLowerCase() !== 'a' && inner[0].toLowerCase() !== 'an');
    if (!named) continue;
    const verbEnd = at + match[0].indexOf(' ');
    found.push({ verbStart: at, verbEnd, verb: key(match[0].slice(0, match[0].indexOf(' '))), kind: 'named', speaker: [speakerStart, speakerStart + phrase.length], reported: [range.start, range.end] });
  }
  return found;
}

/** In a sentence that opens "Under …,", the index of the phrase's last word, before its comma (within eight words), or -1. */
function underPhraseEnd(text: string, words: readonly Word[]): number {
  return words.findIndex((word, index) => index > 0 && index <= 8 && /^\s*,/u.test(text.slice(word.end, word.end + 2)));
}

/**
 * The index of the word after a head noun, over an aside set off by commas right after it ("One such document,
 * obtained by The Post, includes"): the word after the aside's closing comma; undefined when the aside runs past
 * twelve words.
 */
function afterAside(text: string, words: readonly Word[], headIndex: number): number | undefined {
  const head = words[headIndex];
  if (!/^\s*,/u.test(text.slice(head.end, head.end + 2))) return headIndex + 1;
  let at = headIndex + 2;
  while (at < words.length && at - headIndex <= 12 && !/^\s*,/u.test(text.slice(words[at - 1].end, words[at - 1].end + 2))) at++;
  return at - headIndex > 12 ? undefined : at;
}

// Texts a sentence may quote as their own words: a law, a contract, a clause, a charter.
const QUOTED_TEXT_HEADS = new Set([
  'document', 'documents', 'clause', 'law', 'act', 'charter', 'constitution', 'contract', 'agreement', 'bill', 'statute',
  'rule', 'rules', 'policy', 'memo', 'letter', 'report', 'filing', 'lawsuit', 'complaint', 'order', 'ruling', 'indictment',
  'email', 'statement', 'resolution', 'amendment', 'ordinance', 'code', 'regulation', 'regulations', 'platform', 'manual',
]);
// What such a text is said to do with the words it holds.
const TEXT_VERBS = new Set([
  'includes', 'included', 'contains', 'contained', 'requires', 'required', 'reads', 'read', 'says', 'said', 'states', 'stated',
  'mandates', 'defines', 'defined', 'bars', 'barred', 'prohibits', 'prohibited', 'allows', 'allowed', 'describes', 'described',
  'lists', 'listed', 'specifies', 'provides', 'stipulates', 'declares', 'declared', 'guarantees', 'forbids', 'calls', 'called',
]);
const TEXT_DETERMINERS = /^(?:the|this|that|its|their|his|her|such|one|each|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)$/iu;

/**
 * The law or document whose words a sentence quotes: "Under Florida law, battery is committed when a person
 * “actually and intentionally touches ...”", "One such document ... includes a “no-disparagement” clause", "The
 * charter mandates tenure for judges who serve in “good behavior”". Its quotations after the verb are the text's.
 */
export function quotedText(text: string, range: { start: number; end: number; words: Word[] }): SpeakerMention | undefined {
  const { words } = range;
  const first = words[0];
  if (!first) return undefined;
  if (first.lower === 'under') {
    // "Under Florida law," "Under the Presidential Transitions Improvement Act,": the phrase to its comma.
    const comma = underPhraseEnd(text, words);
    if (comma < 1) return undefined;
    const phrase = words.slice(1, comma + 1);
    const head = phrase[phrase.length - 1].lower;
    if (!QUOTED_TEXT_HEADS.has(head) && !/^(?:act|code)$/u.test(head)) return undefined;
    return { verbStart: first.start, verbEnd: first.end, verb: 'under', kind: 'named', speaker: [phrase[0].start, phrase[phrase.length - 1].end], document: true };
  }
  // "One such document, obtained by the Ledger, includes ...": a pointed-to text, an aside, then its verb.
  const headIndex = words.slice(0, 6).findIndex((word) => QUOTED_TEXT_HEADS.has(word.lower));
  if (headIndex < 1 || !words.slice(0, headIndex).some((word) => TEXT_DETERMINERS.test(word.text))) return undefined;
  const head = words[headIndex];
  // ("..., obtained by The Post, includes": over an aside.)
  const at = afterAside(text, words, headIndex);
  if (at === undefined) return undefined;
  const verb = words[at];
  if (!verb || !TEXT_VERBS.has(verb.lower)) return undefined;
  return { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind: 'named', speaker: [words[0].start, head.end], document: true };
}

// The laws and rules whose provisions a sentence may state: "Under Missouri law, ...", "The state constitution reserves ...".
const LAW_HEADS = new Set(['law', 'laws', 'constitution', 'statute', 'statutes', 'ordinance', 'rule', 'rules', 'regulation', 'regulations', 'charter', 'code']);
/** A quick test for a law's head noun near a sentence's start, before the careful reading. */
export const LAW_NEARBY = /\b(?:laws?|constitution|statutes?|ordinance|rules?|regulations?|charter|code)\b/i;
// What a provision does: "requires", "allows", "reserves 25 percent of seats", "caps", "bars".
const PROVISION_VERBS = new Set([
  'requires', 'required', 'require', 'allows', 'allowed', 'allow', 'reserves', 'reserved', 'sets', 'caps', 'capped', 'limits', 'bars', 'barred',
  'prohibits', 'mandates', 'guarantees', 'grants', 'permits', 'provides', 'exempts',
]);
const LAW_QUALIFIERS = new Set(['state', 'federal', 'current', 'existing', 'new', 'county', 'city', 'local']);
const BEFORE_PROVISION = new Set(['will', 'would', 'also', 'now', 'still', 'already', 'that', 'which', 'generally', 'only']);

/**
 * A law or rule as the source of the provision a sentence states: "Under Missouri law, candidates trailing by
 * less than 0.5 percent may ask for a recount" (the words after the comma), "Burma's constitution, drawn up in
 * 2008, reserves 25 percent of seats for the military", "A new Labor Department rule will require ..." (the
 * words after the verb). The law must be named, pointed to or placed ("state law", "the county's rules");
 * "a law" and "rules" are not.
 */
export function lawProvision(text: string, range: { start: number; end: number; words: Word[] }): SpeakerMention | undefined {
  const { words } = range;
  const first = words[0];
  if (!first) return undefined;
  const placed = (phrase: Word[]): boolean =>
    phrase.some((word, index) => (index > 0 || word !== first) && startsUpper(word.text) && !COMMON_CAPITALISED.has(word.lower)) ||
    phrase.some((word) => POINTING.test(word.text) || LAW_QUALIFIERS.has(word.lower));
  if (first.lower === 'under') {
    const comma = underPhraseEnd(text, words);
    if (comma < 1 || !LAW_HEADS.has(words[comma].lower) || !placed(words.slice(1, comma + 1))) return undefined;
    const after = words[comma + 1];
    return after ? { verbStart: first.start, verbEnd: first.end, verb: 'under', kind: 'named', speaker: [words[1].start, words[comma].end], reported: [after.start, range.end], document: true } : undefined;
  }
  // The law heads the sentence, or follows "under" anywhere in it ("The towns vote early under a Fresno County law that allows").
  const isHead = (word: Word): boolean => LAW_HEADS.has(word.lower.replace(/['\u2019]s$/u, ''));
  const under = words.findIndex((word, index) => word.lower === 'under' && index > 0 && words.slice(index + 1, index + 7).some(isHead));
  const headIndex = under > 0 ? under + 1 + words.slice(under + 1, under + 7).findIndex(isHead) : words.slice(0, 8).findIndex(isHead);
  if (headIndex < 1 || !placed(words.slice(under > 0 ? under + 1 : 0, headIndex + 1))) return undefined;
  const head = words[headIndex];
  // ("Burma's constitution, drawn up in 2008, reserves": over an aside.)
  let at = afterAside(text, words, headIndex);
  if (at === undefined) return undefined;
  while (at < words.length && BEFORE_PROVISION.has(words[at].lower)) at++;
  const verb = words[at];
  if (!verb || !PROVISION_VERBS.has(verb.lower) || verb.end >= range.end) return undefined;
  // The law's phrase starts at its determiner: "They vote under a Fresno County law that allows" names "a Fresno County law".
  const from = words.slice(0, headIndex).findLastIndex((word) => /^(?:a|an|the|this|that|its|their|his|her)$/iu.test(word.text) || /['\u2019]s$/u.test(word.text));
  return { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind: 'named', speaker: [words[Math.max(0, from)].start, head.end], reported: [verb.end, range.end], document: true };
}
