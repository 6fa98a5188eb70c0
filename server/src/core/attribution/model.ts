/**
 * The attribution model: for each sentence of a paragraph, who is speaking. Every rule asks this
 * model rather than a word list alone: text inside an attributed quotation is the speaker's, and a
 * sentence with a named source is attributed.
 */
import type { PhraseMatcher } from '../phrase-matcher';
import { findQuotes, type QuoteSpan } from '../quotes';
import { covering } from '../text-index';
import { key, sets, type KnownSource } from '../vocabulary';
import { isNameOrTitle } from './naming';
import { paragraphAttributions, type Attribution, type AttributionKind } from './speech';

/** A word of a sentence, in paragraph offsets. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Who stands behind a reporting verb. */
export type SpeakerKind = 'named' | 'pronoun' | 'anonymous' | 'generic' | 'vague' | 'none';

/** A reporting verb ("said", "according to") and the speaker the model found for it. */
export interface SpeakerMention {
  verbStart: number;
  verbEnd: number;
  verb: string;
  kind: SpeakerKind;
  /** Paragraph range of the words that name the speaker, if any. */
  speaker?: [number, number];
  /** Paragraph range of the reported content (indirect speech), if any: what the speaker sources. */
  reported?: [number, number];
  /**
   * The part of the reported content that is in the speaker's own words, where narrower: none after a verb
   * that takes an object ("explains the bizarre theory": the speaker sources it, the wording is ours), and
   * not a clause the reporter adds after ", but" with a subject of its own.
   */
  wording?: [number, number] | null;
}

/** A sentence and what the model knows about its sourcing. */
export interface SentenceModel {
  index: number;
  start: number;
  end: number;
  words: Word[];
  mentions: SpeakerMention[];
  hasCitation: boolean;
  /** A named source: a person, an organisation, state media, a title, or a placeholder for one. */
  named: boolean;
  /** Some speaker, named or not (pronouns, "a witness", anonymous sources). */
  hasSpeaker: boolean;
  /** Sourced well enough that its claims and figures are the source's: any non-vague speaker or a citation. */
  attributed: boolean;
  /** Someone praises, blames, describes... here: a quotation in this sentence is theirs. */
  speechAct: boolean;
  /** Owners of the sentence's quotations only (see `quotationSpeakers`); not sources of anything else. */
  quotationSpeakers: SpeakerMention[];
}

/** A quotation and whether its speaker is known. */
export interface Quotation extends QuoteSpan {
  speakerKnown: boolean;
  wordCount: number;
  /** The paragraph attribution the quotation belongs to, if any (an index into `attributions`). */
  owner?: number;
}

/**
 * What one paragraph passes to the next: a quotation still open, and who spoke last (a paragraph that
 * opens with a quotation and names no one is, by news convention, that speaker's).
 */
export interface CarryState {
  openQuote: boolean;
  speaker: AttributionKind | null;
}

/** Everything the rules need to know about one paragraph. */
export interface ParagraphModel {
  text: string;
  sentences: SentenceModel[];
  quotes: Quotation[];
  /** The whole block is quoted material (a markdown block quotation). */
  quotedBlock: boolean;
  /** Who is cited for what, in paragraph order: the one model the rules and `copydesk sources` read. */
  attributions: Attribution[];
  carryOut: CarryState;
}

/** The compiled vocabulary the model reads (built once per configuration). */
export interface AttributionVocabulary {
  /**
   * Reporting verbs (item `verb`), verbs that attribute only beside a quotation (`quotation`: "“…,” he
   * continued"), verbs a document is made to say things with (`evidence`: "the poll showed") and verbs of
   * a named speaker's plans and promises (`intention`: "Trump promised to deport 11 million people").
   */
  reportingVerbs: PhraseMatcher<'verb' | 'quotation' | 'evidence' | 'intention'>;
  knownSources: PhraseMatcher<KnownSource>;
  anonymousSources: PhraseMatcher<string>;
  /** Praise, blame and the like: a quotation beside them has a speaker (see attribution.yml). */
  speechActs: PhraseMatcher<string>;
}

// Capitalised words that open sentences without naming anyone.
const COMMON_CAPITALISED = new Set(
  ('the a an this that these those but and so in on at for as if when while after before since although though ' +
    'meanwhile however yet still also it he she they we i its his her their our one two three there here then ' +
    'now today yesterday what which who why how where many some most few several all both each every no not ' +
    'even despite during over under about against among with without by from into until unless because once ' +
    'instead indeed later earlier last next only such other another more less than my your you us them him')
    .split(' '),
);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "it's", "'s"]);
const SKIPPABLE_BEFORE_VERB = new Set(['also', 'later', 'then', 'had', 'has', 'have', 'would', 'will', 'has', 'previously', 'again', 'once', 'repeatedly', 'publicly', 'recently', 'earlier', 'separately', 'initially', 'first', 'did', 'does', 'do', 'could', 'may', 'might', 'should', 'last', 'week', 'on', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'with', 'after', 'before', 'while', 'for', 'from', 'of', 'by', 'about', 'over', 'under', 'into', 'through', 'as', 'to', 'like', 'when', 'without', 'since', 'than', 'and', 'or', 'but', 'so', 'because']);
// What may stand between a verb of saying and the "that" of its speech: an audience, a time, a manner.
const BEFORE_THAT = new Set([
  'on', 'in', 'at', 'during', 'last', 'this', 'to', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'reporters', 'journalists',
  'him', 'her', 'them', 'me', 'us', 'you', 'statement', 'interview', 'letter', 'speech', 'week', 'month', 'year', 'earlier',
  'later', 'privately', 'publicly', 'repeatedly', 'also', 'again', 'recently', 'separately', 'yesterday', 'today', 'tonight',
  'morning', 'afternoon', 'evening', 'night', 'weekend', 'news', 'conference', 'briefing', 'phone', 'call', 'email', 'post',
  'supporters', 'voters', 'lawmakers', 'congress', 'audience', 'crowd', 'told', 'with', 'by', 'after', 'before', 'of',
]);

// Words that open a speaker named after the verb: "said former Sen. Evan Bayh", "said one Democrat familiar with".
const SPEAKER_MODIFIERS = new Set(['former', 'then', 'acting', 'deputy', 'interim', 'outgoing', 'retired', 'longtime', 'veteran', 'senior', 'top', 'chief', 'a', 'an', 'one', 'another', 'two', 'three', 'several']);
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s/;
const QUOTE_MARK = /["\u201c\u201d\u2018\u2019]/;

/**
 * Whether the text between two words ends a clause. A quotation mark does, unless it wraps a name:
 * "Donnelly of the “Daily Mail” said" keeps its speaker, "North Korea ‘not responding’ to US calls" does not.
 */
function breaksClause(gap: string, wordBefore: Word, wordAfter: Word | undefined): boolean {
  if (CLAUSE_BREAK.test(gap)) return true;
  if (!QUOTE_MARK.test(gap)) return false;
  // A mark at the end of the gap, after a space, opens a quotation around the next word.
  const opening = /\s["\u201c\u2018]$/.test(` ${gap}`);
  const inside = opening ? wordAfter : wordBefore;
  return !(inside && /^\p{Lu}/u.test(inside.text));
}
const MAX_SUBJECT_WORDS = 7;
// Before a verb form that is also a plural noun ("states", "reports", "claims"), these make it the noun.
const NOUN_MARKERS = new Set(['an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'several', 'such', 'member']);

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Builds the paragraph model from the words and sentences the parser found. */
export function modelParagraph(
  text: string,
  sentenceRanges: Array<{ start: number; end: number; words: Word[] }>,
  citations: Array<[number, number]>,
  quotedBlock: boolean,
  carryIn: CarryState,
  vocab: AttributionVocabulary,
): ParagraphModel {
  const { spans, openAtEnd } = findQuotes(text, carryIn.openQuote);
  const verbMatches = vocab.reportingVerbs.find(text).filter((verb) => verb.item === 'verb' || (verb.item === 'quotation' ? besideQuotation(text, verb) : true));
  const knownSourceMatches = vocab.knownSources.find(text);
  const anonymousMatches = vocab.anonymousSources.find(text);
  const speechActs = vocab.speechActs.find(text);
  // Outer quotations do not overlap; a binary search over them answers "inside a quote?" in log time.
  const outer = spans.filter((span) => span.depth === 0);
  const insideQuote = (offset: number): boolean => covering(outer, offset, (span) => span.innerStart, (span) => span.innerEnd) !== undefined;
  let nextOuter = 0;
  const quotesIn = (range: { start: number; end: number }): QuoteSpan[] => {
    while (nextOuter < outer.length && outer[nextOuter].start < range.start) nextOuter++;
    const found: QuoteSpan[] = [];
    for (let index = nextOuter; index < outer.length && outer[index].start < range.end; index++) found.push(outer[index]);
    return found;
  };
  // The start of the quotation that closes right before an offset ("“…,” said"), if one does.
  const quotationClosingBefore = (offset: number): number | undefined => {
    const gap = /[\s,]*$/u.exec(text.slice(Math.max(0, offset - 8), offset))?.[0].length ?? 0;
    const quote = covering(outer, offset - gap - 1, (span) => span.start, (span) => span.end);
    return quote !== undefined && quote.end === offset - gap ? quote.start : undefined;
  };
  // The end of the quotation that opens at an offset (after spaces), if one does: "said: “…”" reports just that.
  const quotationEnd = (offset: number): number | undefined => {
    const opening = offset + (/^\s*/.exec(text.slice(offset, offset + 8))?.[0].length ?? 0);
    return covering(outer, opening, (span) => span.start, (span) => span.end)?.end;
  };

  let nextAct = 0;
  const hasSpeechAct = (range: { start: number; end: number }): boolean => {
    while (nextAct < speechActs.length && speechActs[nextAct].start < range.start) nextAct++;
    for (let index = nextAct; index < speechActs.length && speechActs[index].start < range.end; index++) {
      if (speechActs[index].end <= range.end && !insideQuote(speechActs[index].start)) return true;
    }
    return false;
  };
  const sentences: SentenceModel[] = [];
  const mayNameDocument = DOCUMENT_HEAD_NEARBY.test(text);
  let nextVerb = 0;
  for (const [index, range] of sentenceRanges.entries()) {
    const previous = sentences[index - 1];
    const mentions: SpeakerMention[] = [];
    // Matches are sorted: walk them alongside the sentences, so a long paragraph stays linear.
    while (nextVerb < verbMatches.length && verbMatches[nextVerb].start < range.start) nextVerb++;
    for (let index = nextVerb; index < verbMatches.length && verbMatches[index].start < range.end; index++) {
      const verb = verbMatches[index];
      if (verb.end > range.end || insideQuote(verb.start)) continue;
      // "has", "put", "found" name a document's finding only with a document's noun before them; most do not.
      if (verb.item === 'evidence' && !DOCUMENT_HEAD_NEARBY.test(text.slice(Math.max(range.start, verb.start - 100), verb.start))) continue;
      let mention = verb.item === 'intention' ? intentionMention(text, range, verb, previous, knownSourceMatches, anonymousMatches) : classifyMention(text, range, verb, previous, knownSourceMatches, anonymousMatches, quotationEnd, quotationClosingBefore);
      // "promised to build", "vowed to fight": a reporting verb that is also a verb of intention.
      if (verb.item === 'verb' && mention?.reported === undefined && sets.intentionVerbs.has(key(verb.text))) mention = intentionMention(text, range, verb, previous, knownSourceMatches, anonymousMatches) ?? mention;
      if (mention && (verb.item !== 'evidence' || namesADocument(text, mention))) mentions.push(mention);
    }
    if (mayNameDocument) mentions.push(...documentPhrases(text, range, insideQuote));
    const colon = colonSpeaker(text, range, mentions, insideQuote, previous, knownSourceMatches, anonymousMatches, quotationEnd);
    if (colon) mentions.push(colon);
    mentions.sort((a, b) => a.verbStart - b.verbStart);
    const speakersOfQuotes = quotationSpeakers(text, range, quotesIn(range), previous, knownSourceMatches, anonymousMatches);
    // A footnote or link often follows the full stop: "... in the floods.[^1]" belongs to that sentence.
    const hasCitation = citations.some(([from, to]) => to > range.start && (from < range.end || (from - range.end < 8 && /^\s*$/.test(text.slice(range.end, from)))));
    const named = mentions.some((mention) => mention.kind === 'named');
    const hasSpeaker = mentions.some((mention) => mention.kind !== 'vague' && mention.kind !== 'none');
    sentences.push({
      index,
      start: range.start,
      end: range.end,
      words: range.words,
      mentions,
      hasCitation,
      named,
      hasSpeaker,
      attributed: hasSpeaker || hasCitation,
      speechAct: hasSpeechAct(range),
      quotationSpeakers: speakersOfQuotes,
    });
  }

  const counted = spans.map((span) => {
    const wordCount = (text.slice(span.innerStart, span.innerEnd).match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu) ?? []).length;
    // Asked only of quotations that do not read as speech anyway (see `paragraphAttributions`).
    return { span, wordCount, isName: () => isNameOrTitle(text, { ...span, speakerKnown: false, wordCount }) };
  });
  const knownSourceAt = (from: number, to: number): boolean => knownSourceMatches.some((match) => match.start < to && match.end > from);
  const speech = paragraphAttributions(text, sentences, counted, carryIn.speaker === null ? null : { kind: carryIn.speaker }, knownSourceAt);
  const quotes = counted.map(({ span, wordCount }, index): Quotation => {
    const owner = speech.quoteOwner[index];
    const own = sentencesBetween(sentences, span.start, span.end);
    const neighbours = own.length === 0 ? [] : [sentences[own[0].index - 1], sentences[own[own.length - 1].index + 1]];
    const speechActIn = (sentence: SentenceModel | undefined): boolean => sentence?.speechAct === true;
    const speakerKnown =
      quotedBlock ||
      (owner !== undefined && speech.attributions[owner].kind !== 'vague') ||
      own.some(speechActIn) ||
      // A full quotation may be attributed in the sentence before or after it; a fragment may not.
      (wordCount > 4 && neighbours.some(speechActIn)) ||
      own.some((sentence) => sentence.hasCitation);
    return { ...span, speakerKnown, wordCount, ...(owner === undefined ? {} : { owner }) };
  });

  return {
    text,
    sentences,
    quotes,
    quotedBlock,
    attributions: speech.attributions,
    carryOut: { openQuote: openAtEnd, speaker: speech.carryOut?.kind ?? null },
  };
}

/**
 * A named speaker's plan or promise: "Trump has promised to deport 11 million people". The subject must
 * stand right before the verb (after adverbs and auxiliaries) and name someone; what follows the verb is
 * what they intend, and its wording is the reporter's (`wording: null`), so labels in it are still flagged.
 */
function intentionMention(
  text: string,
  range: { start: number; end: number; words: Word[] },
  verb: { start: number; end: number; text: string },
  previous: SentenceModel | undefined,
  knownSources: Array<{ start: number; end: number }>,
  anonymous: Array<{ start: number; end: number }>,
): SpeakerMention | undefined {
  let subject = subjectBefore(text, range, verb.start);
  while (subject.length > 0 && (SKIPPABLE_BEFORE_VERB.has(subject[subject.length - 1].lower) || AUXILIARIES.has(subject[subject.length - 1].lower) || /ly$/.test(subject[subject.length - 1].lower))) subject = subject.slice(0, -1);
  const nearest = subject[subject.length - 1];
  if (!nearest || !(isCapitalised(nearest.text) || sets.pronounsAlways.has(nearest.lower) || sets.titles.has(nearest.lower))) return undefined;
  // "Trump's hopes", "the mayor's plans": after a possessive the verb form is a noun.
  if (/['\u2019]s?$/u.test(nearest.text) && !sets.pronounsAlways.has(nearest.lower)) return undefined;
  const kind = classifySubject(subject, range.words[0]?.start ?? range.start, previous, knownSources, anonymous);
  if (kind === 'none' || kind === 'vague' || kind === 'generic') return undefined;
  const rest = text.slice(verb.end, range.end);
  if (!/[\p{L}\p{N}]/u.test(rest)) return undefined;
  return { verbStart: verb.start, verbEnd: verb.end, verb: key(verb.text), kind, speaker: span(subject), reported: [verb.end, range.end], wording: null };
}

/**
 * Whether a quotation-only verb stands beside a quotation: right after one and its speaker ("“…,” he
 * continued", "“…?” reacted Trump") or right before a colon that opens one ("Pence went on: “…”").
 */
function besideQuotation(text: string, verb: { start: number; end: number }): boolean {
  if (/^\s*:\s*["\u201c\u2018']/u.test(text.slice(verb.end, verb.end + 8))) return true;
  const before = text.slice(Math.max(0, verb.start - 80), verb.start);
  return /[,?!.\u2026\u2014-]\s*["\u201d\u2019']\s*(?:[\p{L}\p{N}.'\u2019-]+\s+){0,6}$/u.test(before);
}

// The head nouns of documents, polls and counts that can stand as a source.
const DOCUMENT_HEADS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'report', 'analysis', 'average', 'tally', 'count', 'census', 'data', 'figures', 'estimates', 'filing', 'filings', 'records', 'documents', 'memo', 'audit', 'review', 'results', 'index', 'forecast', 'model', 'review']);
// A quick test for any document head in a stretch of text, before the careful one (ASCII, no u flag: fast).
const DOCUMENT_HEAD_NEARBY = /\b(?:poll|survey|stud|report|analys|average|tally|count|census|data|figures|estimates|filing|records|documents|memo|audit|review|results|index|forecast|model)/i;
// Words that open a new clause: a document's subject does not reach back over them.
const CLAUSE_WORDS = new Set(['where', 'and', 'that', 'which', 'who', 'when', 'while', 'but', 'because', 'as', 'if', 'although', 'though', 'since', 'than', 'or']);
const DOCUMENT_QUALIFIERS = new Set(['by', 'from', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'conducted', 'released', 'published', 'taken', 'issued', 'last', 'this', 'week', 'month', 'year', 'earlier', 'latest', 'new', 'recent', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'also', 'now', 'still']);
const POINTING = /^(?:the|this|that|these|those|its|their|his|her|our|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)$/iu;

/**
 * Whether a speaker is a document named or pointed to ("the latest Rasmussen poll", "Exit polling", "The poll
 * by the Public Policy Institute of California"), not "a new poll": the clause before the verb holds a
 * document's head noun and a name or a pointing word.
 */
function namesADocument(text: string, mention: SpeakerMention): boolean {
  if (!mention.speaker || (mention.kind !== 'named' && mention.kind !== 'generic')) return false;
  const lead = /(?:^|[\s,;:(])((?:[\p{L}\p{N}/&.'\u2019-]+\s+){0,8})$/u.exec(text.slice(Math.max(0, mention.speaker[0] - 80), mention.speaker[0]))?.[1] ?? '';
  let words = `${lead}${text.slice(mention.speaker[0], mention.verbStart)}`.split(/\s+/).filter(Boolean);
  // The subject's noun phrase only: "where polls show Mrs. Clinton" and "Polls suggest Kasich has" do not
  // make "Clinton" or "Kasich" a document.
  const clauseStart = words.map((word) => word.toLowerCase()).findLastIndex((word) => CLAUSE_WORDS.has(word) || sets.evidenceVerbs.has(word) || sets.reportingWords.has(word));
  words = words.slice(clauseStart + 1);
  const head = words.findLastIndex((word) => DOCUMENT_HEADS.has(word.toLowerCase().replace(/['\u2019]s$/u, '')));
  if (head < 0) return false;
  // After the head, only what qualifies it: "poll by the Public Policy Institute of California", "poll last month".
  if (!words.slice(head + 1).every((word) => /^\p{Lu}/u.test(word) || DOCUMENT_QUALIFIERS.has(word.toLowerCase()) || /^\d/.test(word))) return false;
  return words.some((word, index) => index !== head && /^\p{Lu}/u.test(word) && !COMMON_CAPITALISED.has(word.toLowerCase())) || words.some((word) => POINTING.test(word));
}

// "In a Fox News poll, ...", "... in the latest Quinnipiac survey released Monday": a document as the source
// of the sentence, when it is named or pointed to.
const DOCUMENT_PHRASE = /\b(?:[Ii]n|[Bb]y)\s+((?:the|a|an|its|their|this|[\p{Lu}][\p{L}.'\u2019-]*['\u2019]s)\s+(?:[\p{L}\p{N}/&.'\u2019-]+\s+){0,6}?(?:poll|polls|polling|survey|study|report|analysis|average|tally|count|census|filing|audit|forecast))\b/gu;

/** Mentions for documents named in a prepositional phrase of the sentence: the rest of the sentence is theirs. */
function documentPhrases(text: string, range: { start: number; end: number }, insideQuote: (offset: number) => boolean): SpeakerMention[] {
  const found: SpeakerMention[] = [];
  const sentence = text.slice(range.start, range.end);
  for (const match of sentence.matchAll(DOCUMENT_PHRASE)) {
    const at = range.start + (match.index ?? 0);
    if (insideQuote(at)) continue;
    const phrase = match[1];
    const speakerStart = at + match[0].length - phrase.length;
    const inner = phrase.split(/\s+/);
    const named = inner.slice(1).some((word) => /^\p{Lu}/u.test(word)) || POINTING.test(inner[0]) && inner[0].toLowerCase() !== 'a' && inner[0].toLowerCase() !== 'an';
    if (!named) continue;
    const verbEnd = at + match[0].indexOf(' ');
    found.push({ verbStart: at, verbEnd, verb: key(match[0].slice(0, match[0].indexOf(' '))), kind: 'named', speaker: [speakerStart, speakerStart + phrase.length], reported: [range.start, range.end] });
  }
  return found;
}

/**
 * The name, title or pronoun that opens a sentence, before `limit`: "Rep. Trey Gowdy" of "Rep. Trey Gowdy
 * (R-S.C.): …", "Huckabee" of "Huckabee is labeling …". Stops at a comma or parenthesis.
 */
function openingSubject(text: string, range: { words: Word[] }, limit: number): Word[] {
  const subject: Word[] = [];
  // An opening phrase is not the subject: "In her speech, Clinton emphasized ...", "But Clinton said".
  let from = 0;
  const opener = range.words[0];
  if (opener && OPENING_CONJUNCTIONS.has(opener.lower)) from = 1;
  else if (opener && PREPOSITIONS.has(opener.lower)) {
    const comma = range.words.findIndex((word, index) => index > 0 && index <= 8 && text.slice(range.words[index - 1].end, word.start).includes(','));
    if (comma > 0) from = comma;
  }
  for (const word of range.words.slice(from)) {
    if (word.end > limit || subject.length >= MAX_SUBJECT_WORDS) break;
    const last = subject[subject.length - 1];
    if (last && /[(,"\u201c\u201d]/u.test(text.slice(last.end, word.start))) break;
    const nameLike = (isCapitalised(word.text) && !(subject.length === 0 && COMMON_CAPITALISED.has(word.lower) && !sets.pronounsAlways.has(word.lower))) || sets.titles.has(word.lower) || (subject.length === 0 && sets.pronounsAlways.has(word.lower));
    if (!nameLike) break;
    subject.push(word);
    if (sets.pronounsAlways.has(word.lower)) break;
  }
  return subject.length > 0 && !PREPOSITIONS.has(subject[0].lower) ? subject : [];
}

/**
 * Speakers of quotations that no reporting verb claims; each owns quotations of its sentence only, never
 * its other words, so the rules' questions about reported speech and sourced figures do not see them:
 * - the sentence's subject, when it names someone ("Huckabee is labeling Obama's actions “a blatant abuse
 *   of power”", "Sanders credited the win to “a closed primary”");
 * - failing that, the subject of the clause that holds the quotation ("..., even if he reserved his passion
 *   for “comprehensive immigration reform”");
 * - a name and a verb right after a quotation that ends as speech does ("“Go back to Univision,” Trump
 *   barked").
 */
function quotationSpeakers(
  text: string,
  range: { start: number; end: number; words: Word[] },
  quoteSpans: ReadonlyArray<{ start: number; end: number; innerEnd: number }>,
  previous: SentenceModel | undefined,
  knownSources: Array<{ start: number; end: number }>,
  anonymous: Array<{ start: number; end: number }>,
): SpeakerMention[] {
  const first = range.words[0];
  if (!first || quoteSpans.length === 0) return [];
  const found: SpeakerMention[] = [];
  const speaker = (subject: Word[], verb: Word): SpeakerMention | undefined => {
    const last = subject[subject.length - 1];
    if (subject.length === 1 && subject[0] === first && !openingWordNames(text, last, knownSources)) return undefined;
    const kind = classifySubject(subject, first.start, previous, knownSources, anonymous);
    if (kind === 'none' || kind === 'vague') return undefined;
    return { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind, speaker: span(subject) };
  };
  const inner = quoteSpans.filter((quote) => quote.start > first.end);
  if (inner.length > 0) {
    const subject = openingSubject(text, range, range.end);
    const last = subject[subject.length - 1];
    const verb = last && range.words.find((word) => word.start >= last.end);
    // The predicate follows the subject directly: a quotation inside an appositive ("Shoigu, one of two men
    // running the “special military operation”, ...") is not handed to the subject.
    // ... and reads as a verb: "Foreign reporters were taken" has no subject named here.
    const verbLike = verb !== undefined && (sets.pronounsAlways.has(last.lower) || looksLikeVerb(verb.lower) || (subject.length >= 2 && /s$/u.test(verb.lower)));
    const direct = verb && verbLike && /^\p{Ll}/u.test(verb.text) && !/[,;:()"\u201c\u2014]/u.test(text.slice(last.end, verb.start)) ? speaker(subject, verb) : undefined;
    const clause = direct ?? clauseSubjectBefore(text, range, inner[0].start, speaker);
    if (clause) found.push(clause);
  }
  for (const quote of quoteSpans) {
    if (!/[,?!]\s*$/u.test(text.slice(quote.start, quote.innerEnd))) continue;
    const after = range.words.filter((word) => word.start >= quote.end).slice(0, 5);
    const names: Word[] = [];
    for (const word of after) {
      if (!(isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) && !(names.length === 0 && sets.pronounsAlways.has(word.lower))) break;
      names.push(word);
      if (sets.pronounsAlways.has(word.lower)) break;
    }
    const verb = after[names.length];
    if (names.length === 0 || !verb || !/^\p{Ll}+$/u.test(verb.text) || /[,;:()]/u.test(text.slice(names[names.length - 1].end, verb.start))) continue;
    const trailing = speaker(names, verb);
    if (trailing) found.push(trailing);
  }
  return found;
}

// Verbs that follow a subject often enough to stand for "a predicate starts here" without a tagger.
const IRREGULAR_PAST = new Set(['made', 'took', 'gave', 'told', 'put', 'set', 'got', 'went', 'came', 'saw', 'kept', 'left', 'ran', 'spoke', 'wrote', 'began', 'brought', 'thought', 'felt', 'held', 'meant', 'sent', 'paid', 'won', 'lost', 'led', 'stood', 'said', 'knew', 'drew', 'threw', 'chose', 'struck', 'sought', 'fought', 'taught', 'bought', 'built', 'heard', 'found', 'gave', 'became', 'let', 'cut', 'hit', 'read', 'rose', 'fell', 'shot']);
const looksLikeVerb = (word: string): boolean => (FINITE_AUXILIARIES as readonly string[]).includes(word) || word === 'to' || /ed$/u.test(word) || IRREGULAR_PAST.has(word);

/** The name or pronoun nearest before an offset that a lower-case verb follows: the subject of the clause there. */
function clauseSubjectBefore(text: string, range: { words: Word[] }, before: number, speaker: (subject: Word[], verb: Word) => SpeakerMention | undefined): SpeakerMention | undefined {
  const words = range.words.filter((word) => word.end <= before);
  for (let index = words.length - 2; index >= 0; index--) {
    const word = words[index];
    const verb = words[index + 1];
    const pronoun = sets.pronounsAlways.has(word.lower);
    const nameLike = (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) || pronoun;
    if (!nameLike || !/^\p{Ll}+$/u.test(verb.text) || /[^\s]/u.test(text.slice(word.end, verb.start))) continue;
    // After a name the next word must read as a verb ("NBC News will", "he reserved"), not a noun the name
    // qualifies ("two senior Kremlin men tasked with ...").
    if (!pronoun && !looksLikeVerb(verb.lower)) continue;
    // Walk back over the rest of the name ("NBC News", "Sen. Ted Cruz").
    let from = index;
    while (from > 0 && isCapitalised(words[from - 1].text) && !COMMON_CAPITALISED.has(words[from - 1].lower) && /^[\s.]+$/u.test(text.slice(words[from - 1].end, words[from].start))) from--;
    if (from > 0 && PREPOSITIONS.has(words[from - 1].lower)) continue;
    return speaker(words.slice(from, index + 1), verb);
  }
  return undefined;
}

/**
 * Whether one capitalised word that opens a sentence names someone: it may be any noun there ("Separatists
 * held a “referendum”", "Staff learned ..."). A pronoun or a known source does; a common subject noun does
 * not; a word that looks like a plural ("Floods", but also "Sanders") only if the paragraph capitalises it
 * mid-sentence too, as it does a name.
 */
function openingWordNames(text: string, word: Word, knownSources: Array<{ start: number; end: number }>): boolean {
  if (sets.pronounsAlways.has(word.lower) || knownSources.some((match) => match.start <= word.start && match.end >= word.end)) return true;
  if (sets.commonSubjects.has(word.lower) || sets.vagueGroups.has(word.lower)) return false;
  return !/s$/u.test(word.lower) || capitalisedElsewhere(text, word);
}

/** Whether a word stands capitalised in the text somewhere other than at a sentence's start. */
function capitalisedElsewhere(text: string, word: Word): boolean {
  // Near the word only: a paragraph of many such sentences must not be read once for each.
  const windowEnd = Math.min(text.length, word.end + 3000);
  let from = Math.max(0, word.start - 3000);
  for (let at = text.indexOf(word.text, from); at >= 0 && at < windowEnd; at = text.indexOf(word.text, from)) {
    from = at + word.text.length;
    if (at === word.start || /[\p{L}\p{N}]/u.test(text[from] ?? '')) continue;
    if (/[\p{Ll}\p{N},]\s+$/u.test(text.slice(Math.max(0, at - 3), at))) return true;
  }
  return false;
}

/**
 * A speaker named before a colon that opens a quotation, with no reporting verb of their own: "Rep. Trey
 * Gowdy (R-S.C.): “…”", "Clinton has since apologized: “…”". The sentence's subject, if it names someone.
 */
function colonSpeaker(
  text: string,
  range: { start: number; end: number; words: Word[] },
  mentions: readonly SpeakerMention[],
  insideQuote: (offset: number) => boolean,
  previous: SentenceModel | undefined,
  knownSources: Array<{ start: number; end: number }>,
  anonymous: Array<{ start: number; end: number }>,
  quotationEnd: (offset: number) => number | undefined,
): SpeakerMention | undefined {
  const sentence = text.slice(range.start, range.end);
  const match = /:\s*(?:["\u201c]|'')/u.exec(sentence);
  if (!match) return undefined;
  const colon = range.start + match.index;
  if (insideQuote(colon) || mentions.some((mention) => mention.verbStart < colon && mention.kind !== 'none')) return undefined;
  // "Floods: “We lost everything,” said Ana Ruiz": a speaker named with a verb owns the quotation already.
  const opened = quotationEnd(colon + 1);
  if (opened !== undefined && mentions.some((mention) => mention.reported !== undefined && mention.reported[0] <= colon + 1 && mention.reported[1] >= opened - 1)) return undefined;
  const subject = openingSubject(text, range, colon);
  if (subject.length === 1 && subject[0] === range.words[0] && !openingWordNames(text, subject[0], knownSources)) return undefined;
  if (subject.length === 0 || PREPOSITIONS.has(subject[0].lower)) return undefined;
  const kind = classifySubject(subject, range.words[0]?.start ?? range.start, previous, knownSources, anonymous);
  if (kind === 'none') return undefined;
  return { verbStart: colon, verbEnd: colon + 1, verb: ':', kind, speaker: span(subject), reported: [colon + 1, quotationEnd(colon + 1) ?? range.end] };
}


/** Words of a sentence between two offsets. */
function wordsBetween(range: { words: Word[] }, from: number, to: number): Word[] {
  return range.words.filter((word) => word.start >= from && word.end <= to);
}

/** Walks back from the verb to the start of its clause, skipping adverbs and auxiliaries. */
function subjectBefore(text: string, range: { start: number; words: Word[] }, verbStart: number): Word[] {
  const before = wordsBetween(range, range.start, verbStart);
  const window: Word[] = [];
  let boundary = verbStart;
  for (let i = before.length - 1; i >= 0 && window.length < MAX_SUBJECT_WORDS; i--) {
    if (breaksClause(text.slice(before[i].end, boundary), before[i], window[0])) break;
    window.unshift(before[i]);
    boundary = before[i].start;
  }
  return window;
}

/**
 * The name an appositive closes right before the verb: "The mayor, Ana Ruiz, said" gives "Ana Ruiz".
 * Only a capitalised name or a title counts, so "In Moscow, said the minister" still reads the minister.
 */
function appositiveBefore(text: string, range: { start: number; words: Word[] }, verb: { start: number; end: number }): Word[] {
  const comma = text.lastIndexOf(',', verb.start);
  if (comma < range.start || !/^\s*$/.test(text.slice(comma + 1, verb.start))) return [];
  // "Moscow, a city of millions, said to be ...": a participle, not a speaker's verb.
  if (/^\s+to\s/u.test(text.slice(verb.end, verb.end + 4))) return [];
  // A name that opens the sentence and is described at length wins over a name inside the description:
  // "Ukraine, a country the size of France, Germany and Italy, says" is Ukraine speaking.
  const described = openingNameBefore(text, range, comma);
  if (described.length > 0) return described;
  let window = subjectBefore(text, range, comma);
  // An age between the name and the verb: "Ki Hong, 33, said".
  if (window.length === 1 && /^\d{1,3}$/.test(window[0].text)) {
    const nameEnd = text.lastIndexOf(',', window[0].start);
    if (nameEnd > range.start) window = subjectBefore(text, range, nameEnd);
  }
  const opening = window.length > 0 ? text.slice(range.start, window[0].start) : '';
  // The name must itself follow a comma ("The mayor, Ana Ruiz,"), which makes the pair an appositive.
  return /,\s*$/.test(opening) && namesSomeone(window) ? window : [];
}

// Words that open a description of the name before them: "Chris Roberts, the game's director", "Ormrod,
// a psychologist who ...", "Smith, who chairs the committee".
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'who', 'whose', 'himself', 'herself', 'itself', 'themselves', 'one', 'formerly', 'once', 'then', 'now']);
const MAX_APPOSITIVE_WORDS = 30;
const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'still', 'meanwhile', 'however', 'now']);

/**
 * The name that opens the sentence when a longer appositive, with commas of its own, stands between it
 * and the verb: "Chris Roberts, the game's director of graphics, tools and technologies, said" gives
 * "Chris Roberts". The description must start like one (a determiner, "who", a title or a possessive),
 * so "In Moscow, officials gathered, said ..." and "Kim, Putin and Xi, said ..." are not read this way.
 */
function openingNameBefore(text: string, range: { start: number; words: Word[] }, comma: number): Word[] {
  let first = openingWord(text, range, comma);
  // "But Tom Fitton, the president of Judicial Watch, said": a conjunction before the name.
  if (first && OPENING_CONJUNCTIONS.has(first.lower)) first = range.words[range.words.indexOf(first) + 1];
  if (!first) return [];
  const firstComma = text.indexOf(',', first.start);
  if (firstComma < 0 || firstComma >= comma) return [];
  const head = subjectBefore(text, range, firstComma).filter((word) => word.start >= first.start);
  if (head.length === 0 || head[0] !== first || PREPOSITIONS.has(first.lower) || !namesSomeone(head)) return [];
  const description = wordsBetween(range, firstComma, comma);
  if (description.length === 0 || description.length > MAX_APPOSITIVE_WORDS) return [];
  const opener = description[0];
  // A description opens in lower case ("chairman of America Rising"), with an age ("Ki Hong, 33,"), a
  // determiner, "who", a title or a possessive; "Kim, Putin and Xi, said" is a list.
  return APPOSITIVE_OPENERS.has(opener.lower) || sets.titles.has(opener.lower) || /^\p{Ll}/u.test(opener.text) || /^\d{1,3}$/.test(opener.text) || /['\u2019]s$/u.test(opener.text) ? head : [];
}

/**
 * The word a sentence's subject starts at: its first word, or the first after a quotation that opens the
 * sentence ("“…,” Valdez Anderson, who works at a garage in Fresno, said").
 */
function openingWord(text: string, range: { start: number; words: Word[] }, before: number): Word | undefined {
  let after = -1;
  for (const match of text.slice(range.start, before).matchAll(/[,?!.\u2026-]\s*(?:["\u201d]|'')\s+(?=\p{Lu})/gu)) after = range.start + (match.index ?? 0) + match[0].length;
  return after < 0 ? range.words[0] : range.words.find((word) => word.start >= after);
}

/** Whether a window of words names a person or an office (a capitalised name or a title). */
function namesSomeone(words: Word[]): boolean {
  return words.some((word) => (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) || sets.titles.has(word.lower));
}

/** The words right after a verb, up to the end of its clause. */
function wordsAfter(text: string, range: { end: number; words: Word[] }, from: number, limit = MAX_SUBJECT_WORDS): Word[] {
  const after = wordsBetween(range, from, range.end);
  const window: Word[] = [];
  let boundary = from;
  for (const [index, word] of after.entries()) {
    const previous = index > 0 ? after[index - 1] : undefined;
    if (window.length >= limit || (previous ? breaksClause(text.slice(boundary, word.start), previous, word) : CLAUSE_BREAK.test(text.slice(boundary, word.start)))) break;
    window.push(word);
    boundary = word.end;
  }
  return window;
}

function classifyMention(
  text: string,
  range: { start: number; end: number; words: Word[] },
  verb: { start: number; end: number; text: string },
  previous: SentenceModel | undefined,
  knownSources: Array<{ start: number; end: number }>,
  anonymous: Array<{ start: number; end: number }>,
  quotationEnd: (offset: number) => number | undefined,
  quotationClosingBefore: (offset: number) => number | undefined,
): SpeakerMention | undefined {
  // "Smith tweeted: “…”": what follows the colon is what was said (to the end of the quotation it opens).
  const colonAfter = /^\s*:/.exec(text.slice(verb.end, verb.end + 4));
  const verbKey = key(verb.text);
  const sentenceStart = range.words[0]?.start ?? range.start;
  const base: Pick<SpeakerMention, 'verbStart' | 'verbEnd' | 'verb' | 'speaker'> = { verbStart: verb.start, verbEnd: verb.end, verb: verbKey };

  // The source follows the phrase: "according to the ministry", "in the words of a Marxist historian".
  if (verbKey === 'according to' || verbKey === 'in the words of') {
    const subject = wordsAfter(text, range, verb.end);
    const kind = classifySubject(subject, sentenceStart, previous, knownSources, anonymous);
    return { ...base, kind, speaker: span(subject), reported: [range.start, range.end] };
  }

  let subject = subjectBefore(text, range, verb.start);
  // A party or place in parentheses between the name and the verb: "state Sen. Jason Holsman (D) said".
  const parenthetical = subject.length === 0 ? /\([^()]{1,40}\)\s*$/u.exec(text.slice(Math.max(range.start, verb.start - 48), verb.start)) : null;
  if (parenthetical) subject = subjectBefore(text, range, verb.start - parenthetical[0].length);
  // "is said", "was described": a passive with no agent is not a source (the claim rule reads it).
  const nearest = subject[subject.length - 1];
  if (nearest && AUXILIARIES.has(nearest.lower)) return undefined;
  // "to say", "not said", "the states"; and before a form that is also a plural noun, a determiner,
  // possessive or number makes it the noun: "Four states will vote", "their claims", "its reports" (but
  // "the two said" has a speaker).
  if (nearest && (nearest.lower === 'to' || nearest.lower === 'not' || nearest.lower === 'the' || nearest.lower === 'a')) return undefined;
  if (nearest && /s$/.test(verbKey) && (NOUN_MARKERS.has(nearest.lower) || sets.numberWords.has(nearest.lower) || /^\d/.test(nearest.text))) return undefined;
  while (subject.length > 0 && (SKIPPABLE_BEFORE_VERB.has(subject[subject.length - 1].lower) || /ly$/.test(subject[subject.length - 1].lower))) {
    subject = subject.slice(0, -1);
  }
  // ... also with an adverb between: "it was widely thought", "is now said".
  const auxiliary = subject[subject.length - 1];
  if (auxiliary && AUXILIARIES.has(auxiliary.lower)) return undefined;

  let inverted = false;
  if (subject.length === 0) {
    // "..., said Kim." or "calling them ...": the speaker follows, or is the sentence's subject.
    const after = wordsAfter(text, range, verb.end, 4);
    const appositive = appositiveBefore(text, range, verb);
    const opensSpeaker = (word: Word): boolean => isCapitalised(word.text) || sets.titles.has(word.lower);
    // "“…,” said a longtime adviser to the mayor": right after a quotation, whoever follows the verb speaks.
    const afterQuotation = /[,?!\u2014-]\s*["\u201d']{1,2}\s*$/u.test(text.slice(Math.max(range.start, verb.start - 6), verb.start));
    const modified =
      afterQuotation && after.length > 1 && (after[0].lower === 'a' || after[0].lower === 'an' || after[0].lower === 'one') ||
      after.length > 1 &&
      (SPEAKER_MODIFIERS.has(after[0].lower) || (/\p{Ll}/u.test(after[0].text[0]) && /["\u201d']\s*$/u.test(text.slice(Math.max(range.start, verb.start - 4), verb.start)))) &&
      (namesSomeone(after.slice(1, 3)) || anonymous.some((match) => match.start === after[0].start));
    // "..., said the company." closes its clause; "say the company will save ..." is not inverted.
    const closesClause = !wordsAfter(text, range, verb.end, 6).some((word) => word.lower === 'that' || (FINITE_AUXILIARIES as readonly string[]).includes(word.lower));
    if (after.length > 0 && (opensSpeaker(after[0]) || modified || (after[0].lower === 'the' && closesClause && (appositive.length === 0 || namesSomeone(after.slice(1)))))) {
      subject = after;
      inverted = true;
    } else if (appositive.length > 0) {
      subject = appositive;
    } else if (/ing$/.test(verbKey) || verbKey === 'calls' || verbKey === 'called') {
      subject = range.words.filter((word) => word.start < verb.start).slice(0, 5);
    }
  }
  const kind = classifySubject(subject, sentenceStart, previous, knownSources, anonymous);
  if (kind === 'none') return { ...base, kind };
  // A vague group keeps its words and what it is made to say (`copydesk sources` lists it), but the
  // queries below never let it source anything.
  base.speaker = span(subject);

  // Reported content: after the verb ("said that ...") or, when the verb closes the clause, before it.
  const clauseEnd = wordsAfter(text, range, verb.end, 4);
  const restOfSentence = range.words.filter((word) => word.start >= verb.end);
  // "..., a spokesman told Reuters." ends the sentence: what came before is what was said. The speaker's
  // own words ("the Syrian regime") are not part of it.
  const toldAudience = ['told', 'tells', 'telling'].includes(verbKey) && restOfSentence.length <= 3 && !restOfSentence.some((word) => word.lower === 'that');
  if (colonAfter && !inverted) return { ...base, kind, reported: [verb.end + colonAfter[0].length, quotationEnd(verb.end + colonAfter[0].length) ?? range.end] };
  // "The trouble, Frank writes, began in the 1970s": an attribution set off by commas inside the sentence
  // stands for all of it.
  const setOff = !inverted && clauseEnd.length === 0 && subject.length > 0 && /^\s*,/u.test(text.slice(verb.end, verb.end + 3)) && /,\s*$/u.test(text.slice(Math.max(range.start, subject[0].start - 3), subject[0].start)) && restOfSentence.length > 0;
  if (setOff) return { ...base, kind, reported: [range.start, range.end] };
  if (inverted || clauseEnd.length === 0 || toldAudience) {
    const speakerStart = inverted ? verb.start : Math.min(verb.start, subject[0]?.start ?? verb.start);
    // "Floods: “We lost everything,” said Ana Ruiz": what was said is the quotation that closes before the verb.
    const closing = quotationClosingBefore(Math.min(speakerStart, verb.start));
    if (closing !== undefined) return { ...base, kind, reported: [closing, speakerStart] };
    return { ...base, kind, reported: [range.start, speakerStart] };
  }
  const following = range.words.filter((word) => word.start >= verb.end).slice(0, 7);
  // "said that ...", "told reporters on Tuesday that ...": "that" opens the speech only after an audience or a
  // time; in "said the crews came twice that week" it is part of it.
  const thatAt = following.findIndex((word) => word.lower === 'that');
  const that = thatAt >= 0 && following.slice(0, thatAt).every((word) => BEFORE_THAT.has(word.lower) || isCapitalised(word.text) || /^\d/.test(word.text)) ? following[thatAt] : undefined;
  if (that) return { ...base, kind, reported: [that.start, range.end] };
  if (following[0] && !PREPOSITIONS.has(following[0].lower)) {
    // Without "that", the speaker's words are a clause ("said the talks had failed"), not the object of a
    // verb such as "explains" or "asked"; and they stop where the reporter adds a clause of their own:
    // "Obama called it an act of terror, but the media obscured the link".
    const rest = text.slice(verb.end, range.end);
    const isObject = sets.objectVerbs.has(verbKey) && !CLAUSE_AHEAD.test(rest);
    const reporterClause = REPORTERS_CLAUSE.exec(rest);
    const wording: [number, number] | null = isObject ? null : [verb.end, reporterClause ? verb.end + reporterClause.index : range.end];
    return { ...base, kind, reported: [verb.end, range.end], wording };
  }
  return { ...base, kind };
}

// ", but" and the like, then a new subject: the start of a clause in the reporter's voice.
const REPORTERS_CLAUSE = /,\s+(?:but|yet|whereas|although|though)\s+(?=(?:the|a|an|this|these|those|his|her|its|their|he|she|they|it|we|i|you|there)\b|\p{Lu})/u;

/** Finite auxiliaries: the words that show a clause follows a verb of saying ("said the talks had failed"). */
export const FINITE_AUXILIARIES = ['is', 'are', 'was', 'were', 'had', 'has', 'have', 'would', 'will', 'could', 'should', 'did', 'does', 'do', 'can', 'may', 'might', 'must'] as const;

// A clause after a verb: a finite verb within a few words ("the talks had failed", "it would appeal").
const CLAUSE_AHEAD = new RegExp(
  "^\\s*(?:[\\p{L}\\p{N}'\\u2019.,-]+\\s+){0,8}?(?:" +
    [...FINITE_AUXILIARIES, ...['won', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn', 'didn', 'doesn', 'don', 'can', 'couldn', 'wouldn'].map((stem) => `${stem}['\\u2019]t`)].join('|') +
    ')\\b',
  'iu',
);

/** The sentences that overlap a range (found by binary search, then walked). */
function sentencesBetween(sentences: SentenceModel[], start: number, end: number): SentenceModel[] {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const found: SentenceModel[] = [];
  for (let index = low; index < sentences.length && sentences[index].start < end; index++) found.push(sentences[index]);
  return found;
}

/**
 * The words of a subject window that name the speaker: "Kim" of "Kim expressed gratitude for the",
 * "he" of "what he", "North Korea’s state media" as it stands.
 */
function span(words: Word[]): [number, number] | undefined {
  const significant = (word: Word): boolean =>
    (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) || sets.titles.has(word.lower) || sets.pronounsAlways.has(word.lower) || sets.pronounsNeedingAntecedent.has(word.lower) || sets.placeholderWords.has(word.text);
  let last = words.length - 1;
  while (last >= 0 && !significant(words[last])) last--;
  if (last < 0) {
    // No name: the whole description, without the preposition it may end on ("a longtime adviser to").
    let end = words.length - 1;
    while (end > 0 && PREPOSITIONS.has(words[end].lower)) end--;
    return words.length > 0 ? [words[0].start, words[end].end] : undefined;
  }
  if (sets.pronounsAlways.has(words[last].lower) || sets.pronounsNeedingAntecedent.has(words[last].lower)) return [words[last].start, words[last].end];
  // Walk back over the name and what qualifies it ("defence minister Kang", "Shoigu’s ministry").
  let first = last;
  while (first > 0 && (significant(words[first - 1]) || /['\u2019]s$/.test(words[first - 1].text) || ((/^[\p{Ll}-]+$/u.test(words[first - 1].text) || /^(?:the|a|an)$/u.test(words[first - 1].lower)) && sets.titles.has(words[first].lower)))) first--;
  return [words[first].start, words[last].end];
}

/** Decides what kind of speaker a window of words names. */
function classifySubject(
  subject: Word[],
  sentenceStart: number,
  previous: SentenceModel | undefined,
  knownSources: Array<{ start: number; end: number }>,
  anonymous: Array<{ start: number; end: number }>,
): SpeakerKind {
  if (subject.length === 0) return 'none';
  const from = subject[0].start;
  const to = subject[subject.length - 1].end;
  const overlaps = (match: { start: number; end: number }): boolean => match.start < to && match.end > from;
  if (subject.some((word) => sets.placeholderWords.has(word.text))) return 'named';
  if (knownSources.some(overlaps)) return 'named';

  const nearest = subject[subject.length - 1].lower;
  if (sets.pronounsAlways.has(nearest)) return 'pronoun';
  if (sets.pronounsNeedingAntecedent.has(nearest)) return previous?.named ? 'pronoun' : 'none';

  const properName = subject.some(
    (word, index) =>
      isCapitalised(word.text) &&
      !sets.months.has(word.lower) &&
      !(word.start === sentenceStart && COMMON_CAPITALISED.has(word.lower)) &&
      !(index === 0 && word.start === sentenceStart && (sets.vagueGroups.has(word.lower) || sets.evidenceSubjects.has(word.lower))) &&
      !COMMON_CAPITALISED.has(word.lower),
  );
  const vague = subject.some((word) => sets.vagueGroups.has(word.lower));
  if (anonymous.some(overlaps)) return 'anonymous';
  if (vague) {
    // "analysts at Goldman Sachs": a vague noun pinned to a named organisation is a source.
    const pinned = subject.some((word, index) => ['at', 'from', 'of', 'with'].includes(word.lower) && subject.slice(index + 1).some((next) => isCapitalised(next.text)));
    return pinned ? 'named' : 'vague';
  }
  if (properName) return 'named';
  if (subject.some((word) => sets.titles.has(word.lower))) return 'named';
  return subject.some((word) => /^\p{Ll}{3,}/u.test(word.text) && !COMMON_CAPITALISED.has(word.lower)) ? 'generic' : 'none';
}

/** Whether the range lies inside a reported-speech span of a mention (the speaker's words). */
export function inReportedSpeech(sentence: SentenceModel, start: number, end: number): boolean {
  return sentence.mentions.some((mention) => {
    if (mention.kind === 'vague') return false;
    const words = mention.wording === undefined ? mention.reported : mention.wording;
    return words != null && start >= words[0] && end <= words[1];
  });
}

/**
 * The attribution whose reported words hold the range, if its speaker is not a vague group: the one
 * question "whose words are these?" that the figure and hedge rules ask, answered from the same
 * attributions `copydesk sources` reports (quotations carried over and runs of quotation included).
 */
export function speakerOf(model: ParagraphModel, start: number, end: number): Attribution | undefined {
  return model.attributions.find((attribution) => attribution.kind !== 'vague' && attribution.content.some(([from, to]) => start >= from && end <= to));
}

/** The quotation, if any, that holds the range. */
export function quoteAround(model: ParagraphModel, start: number, end: number): Quotation | undefined {
  return model.quotes.find((quote) => start >= quote.innerStart && end <= quote.innerEnd);
}

/** The sentence that holds an offset. */
export function sentenceAt(model: ParagraphModel, offset: number): SentenceModel | undefined {
  // Rules ask this for every match, and a paragraph may hold thousands of sentences.
  return covering(model.sentences, offset, (sentence) => sentence.start, (sentence) => sentence.end);
}


/**
 * Whether a span of a sentence is sourced: a citation covers the sentence; a speaker covers what they
 * are reported as saying, or the whole sentence when the model cannot tell where their words start.
 */
export function sourcedAt(sentence: SentenceModel, start: number, end: number): boolean {
  if (sentence.hasCitation) return true;
  return sentence.mentions.some(
    (mention) => mention.kind !== 'vague' && mention.kind !== 'none' && (mention.reported === undefined || (start >= mention.reported[0] && end <= mention.reported[1])),
  );
}
