/**
 * The attribution model: for each sentence of a paragraph, who is speaking. Every rule asks this
 * model rather than a word list alone: text inside an attributed quotation is the speaker's, and a
 * sentence with a named source is attributed.
 */
import type { PhraseMatcher } from '../phrase-matcher';
import { findQuotes, type QuoteSpan } from '../quotes';
import { covering, firstIndexNotBefore } from '../text-index';
import { key, sets, type KnownSource } from '../vocabulary';
import { startsUpper } from '../letters';
import { isNameOrTitle, readsAsSpeech } from './naming';
import { documentPhrases, DOCUMENT_HEAD_NEARBY, LAW_NEARBY, lawProvision, namesADocument, phraseNamesADocument, quotedText } from './documents';
import { speechNounMentions } from './speech-nouns';
import { besideQuotation, colonSpeaker, isActionBeat, quotationSpeakers } from './quotation-speakers';
import { classifyMention, isSource } from './speakers';
import { intentionMention } from './intentions';
import { clauseSubjectBefore, type SubjectContext } from './subjects';
import { COMMON_CAPITALISED, isCapitalised } from './word-classes';
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
   * The whole phrase that names the source, where it is longer than `speaker` ("a study last year by
   * economists at Duke University" of "according to ..."): none of it is what the source said.
   */
  sourcePhrase?: [number, number];
  /**
   * The part of the reported content that is in the speaker's own words, where narrower: none after a verb
   * that takes an object ("explains the bizarre theory": the speaker sources it, the wording is ours), and
   * not a clause the reporter adds after ", but" with a subject of its own.
   */
  wording?: [number, number] | null;
  /** The subject is a document, poll or count the model recognised as such ("A Field Poll of the race in May"). */
  document?: true;
  /** The cue is a noun that carries speech ("Clinton's claim that ..."), not a verb. */
  noun?: true;
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
  /** The link, footnote or citation marker that sources the sentence, if any. */
  citation?: [number, number];
}

/** A quotation and whether its speaker is known. */
export interface Quotation extends QuoteSpan {
  speakerKnown: boolean;
  wordCount: number;
  /** The paragraph attribution the quotation belongs to, if any (an index into `attributions`). */
  owner?: number;
  /** Whether the marks hold a name or a title rather than speech (`isNameOrTitle`, worked out once). */
  nameOrTitle: () => boolean;
}

/**
 * What one paragraph passes to the next: a quotation still open, and who spoke last (a paragraph that
 * opens with a quotation and names no one is, by news convention, that speaker's).
 */
export interface CarryState {
  openQuote: boolean;
  speaker: AttributionKind | null;
  /**
   * The paragraph ended on a colon after its speaker ("In a statement, the mayor said:"): the paragraph below
   * is that speaker's words, quotation marks or not.
   */
  introduces?: AttributionKind;
  /** The paragraph below is a signature ("- Ana Ruiz."): a quotation that opens this one is the signer's. */
  signedBelow?: AttributionKind;
}

/** Everything the rules need to know about one paragraph. */
export interface ParagraphModel {
  text: string;
  sentences: SentenceModel[];
  quotes: Quotation[];
  /**
   * The whole block is quoted material: a markdown block quotation, or the paragraph a speaker's colon
   * introduces ("In a statement, the mayor said:" above it).
   */
  quotedBlock: boolean;
  /** Who is cited for what, in paragraph order: the one model the rules and `copydesk sources` read. */
  attributions: Attribution[];
  /** The attributions indexed for the rules' questions (see `isAttributed` in queries.ts). */
  speech: SpeechIndex;
  /** The outer quotations, in order (see `insideQuote` in queries.ts). */
  outerQuotes: Quotation[];
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
  /** Nouns that carry their possessor's speech ("Clinton's claim that ...") or plan ("Ruiz's plan to build"; see attribution.yml). */
  speechNouns: PhraseMatcher<'noun' | 'plan'>;
}

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
  const verbatim = quotedBlock || carryIn.introduces !== undefined;
  const mayNameDocument = DOCUMENT_HEAD_NEARBY.test(text);
  // Evidence verbs ("has", "showed") only matter where a document's noun is in the paragraph at all.
  const verbMatches = vocab.reportingVerbs.find(text).filter((verb) => verb.item === 'verb' || verb.item === 'intention' || (verb.item === 'quotation' ? besideQuotation(text, verb) : mayNameDocument || estimateVerb(text, verb)));
  const knownSourceMatches = vocab.knownSources.find(text);
  const anonymousMatches = vocab.anonymousSources.find(text);
  const speechActs = vocab.speechActs.find(text);
  const speechNouns = vocab.speechNouns.find(text);
  let nextNoun = 0;
  // Outer quotations do not overlap; a binary search over them answers "inside a quote?" in log time.
  const outer = topLevel(spans);
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
  // An act that a thing may do too ("The storm hammered the coast") is someone's only with a name or a pronoun before it.
  const bySomeone = (range: { words: Word[] }, act: { start: number; text: string }): boolean =>
    !sets.peopleOnlyVerbs.has(key(act.text)) ||
    range.words.some((word, index) => word.end <= act.start && (sets.pronounsAlways.has(word.lower) || (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower) && (index > 0 || !sets.commonSubjects.has(word.lower)))));
  const hasSpeechAct = (range: { start: number; end: number; words: Word[] }): boolean => {
    while (nextAct < speechActs.length && speechActs[nextAct].start < range.start) nextAct++;
    for (let index = nextAct; index < speechActs.length && speechActs[index].start < range.end; index++) {
      if (speechActs[index].end <= range.end && !insideQuote(speechActs[index].start) && bySomeone(range, speechActs[index])) return true;
    }
    return false;
  };
  const sentences: SentenceModel[] = [];
  let nextVerb = 0;
  for (const [index, range] of sentenceRanges.entries()) {
    const previous = sentences[index - 1];
    const mentions: SpeakerMention[] = [];
    const context: SubjectContext = { previous, knownSources: knownSourceMatches, anonymous: anonymousMatches };
    // Matches are sorted: walk them alongside the sentences, so a long paragraph stays linear.
    while (nextVerb < verbMatches.length && verbMatches[nextVerb].start < range.start) nextVerb++;
    for (let index = nextVerb; index < verbMatches.length && verbMatches[index].start < range.end; index++) {
      const verb = verbMatches[index];
      if (verb.end > range.end || insideQuote(verb.start)) continue;
      // A capitalised verb ("Said Dora Pike, ...") only opens a sentence: "Edward Said wrote" has another.
      if (startsUpper(verb.text) && verb.start !== range.words[0]?.start) continue;
      // "has", "put", "found" name a document's finding only with a document's noun before them; most do not.
      const estimate = verb.item === 'evidence' && estimateVerb(text, verb);
      if (verb.item === 'evidence' && !estimate && !DOCUMENT_HEAD_NEARBY.test(text.slice(Math.max(range.start, verb.start - 100), verb.start))) continue;
      let mention = verb.item === 'intention' ? intentionMention(text, range, verb, context) : classifyMention(text, range, verb, context, quotationEnd, quotationClosingBefore);
      // "promised to build", "vowed to fight": a reporting verb that is also a verb of intention.
      if (verb.item === 'verb' && mention?.reported === undefined && sets.intentionVerbs.has(mention?.verb ?? key(verb.text))) mention = intentionMention(text, range, verb, context) ?? mention;
      if (mention && verb.item === 'evidence' && namesADocument(text, mention)) mentions.push({ ...mention, document: true });
      else if (mention?.sourcePhrase && isSource(mention.kind) && phraseNamesADocument(text, mention.sourcePhrase)) mentions.push({ ...mention, document: true });
      else if (mention && (verb.item !== 'evidence' || (estimate && mention.kind === 'named'))) mentions.push(mention);
    }
    if (mayNameDocument) mentions.push(...documentPhrases(text, range, insideQuote));
    // A law's provision: "Under Missouri law, ...", "The state constitution reserves ..." (near the sentence's start only).
    const law = LAW_NEARBY.test(text.slice(range.start, Math.min(range.end, range.start + 120))) ? lawProvision(text, range) : undefined;
    if (law && !insideQuote(law.verbStart)) mentions.push(law);
    while (nextNoun < speechNouns.length && speechNouns[nextNoun].start < range.start) nextNoun++;
    const nounsHere: typeof speechNouns = [];
    for (let index = nextNoun; index < speechNouns.length && speechNouns[index].start < range.end; index++) nounsHere.push(speechNouns[index]);
    if (nounsHere.length > 0) mentions.push(...speechNounMentions(text, range, nounsHere, context, insideQuote));
    const colon = colonSpeaker(text, range, mentions, insideQuote, context, quotationEnd);
    if (colon) mentions.push(colon);
    mentions.sort((a, b) => a.verbStart - b.verbStart);
    const quotesHere = quotesIn(range);
    const speakersOfQuotes = quotationSpeakers(text, range, quotesHere, context);
    // With no speaker for them, a sentence's quotations may be the words of the law or text it is about.
    const quotedLaw = speakersOfQuotes.length === 0 && quotesHere.length > 0 ? quotedText(text, range) : undefined;
    if (quotedLaw && quotesHere.some((quote) => quote.start > quotedLaw.verbEnd)) speakersOfQuotes.push(quotedLaw);
    // A footnote or link often follows the full stop: "... in the floods.[^1]" belongs to that sentence.
    const citation = citations.find(([from, to]) => to > range.start && (from < range.end || (from - range.end < 8 && /^\s*$/.test(text.slice(range.end, from)))));
    const hasCitation = citation !== undefined;
    const named = mentions.some((mention) => mention.kind === 'named');
    const hasSpeaker = mentions.some((mention) => isSource(mention.kind));
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
      ...(citation ? { citation } : {}),
    });
  }

  const topSpans = new Set(outer);
  const counted = spans.map((span) => {
    const wordCount = (text.slice(span.innerStart, span.innerEnd).match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu) ?? []).length;
    // Asked only of quotations that do not read as speech anyway (see `paragraphAttributions`).
    // Asked once, by the model or a rule, whichever comes first.
    let name: boolean | undefined;
    const isName = (): boolean => (name ??= isNameOrTitle(text, { ...span, speakerKnown: false, wordCount, nameOrTitle: () => false }));
    // A speaker may own a sentence of speech that merely looks like a title (see `readsAsSpeech`).
    const ownable = (): boolean => isName() && !readsAsSpeech(text, span);
    return { span, wordCount, nested: !topSpans.has(span), isName: ownable, nameOrTitle: isName };
  });
  const knownSourceAt = (from: number, to: number): boolean => knownSourceMatches.some((match) => match.start < to && match.end > from);
  const speech = paragraphAttributions(text, sentences, counted, carryIn.signedBelow !== undefined ? { kind: carryIn.signedBelow } : carryIn.speaker === null ? null : { kind: carryIn.speaker }, knownSourceAt, carryIn.introduces ?? null, actorAtEnd(text, sentenceRanges, sentences, speechActs, insideQuote));
  const speechIndex = indexSpeech(speech.attributions);
  const quotes = counted.map(({ span, wordCount, nameOrTitle }, index): Quotation => {
    const owner = speech.quoteOwner[index];
    const own = sentencesBetween(sentences, span.start, span.end);
    const neighbours = own.length === 0 ? [] : [sentences[own[0].index - 1], sentences[own[own.length - 1].index + 1]];
    const speechActIn = (sentence: SentenceModel | undefined): boolean => sentence?.speechAct === true;
    const speakerKnown =
      verbatim ||
      (owner !== undefined && speech.attributions[owner].kind !== 'vague') ||
      // ... or a source's reported words hold it: "Ruiz warned that “the rule of law is in danger”".
      speechCovers(speechIndex, span.start, span.end) ||
      own.some(speechActIn) ||
      // A full quotation may be attributed in the sentence before or after it; a fragment may not.
      (wordCount > 4 && neighbours.some(speechActIn)) ||
      // ... or stand as its own sentence after an action beat: "Betsy Ruiz shook her head. “It was never about ...”".
      (wordCount > 4 && neighbours[0] !== undefined && standsAlone(text, span, own) && isActionBeat(text, neighbours[0].words, knownSourceAt)) ||
      own.some((sentence) => sentence.hasCitation);
    return { ...span, speakerKnown, wordCount, nameOrTitle, ...(owner === undefined ? {} : { owner }) };
  });

  return {
    text,
    sentences,
    quotes,
    quotedBlock: verbatim,
    attributions: speech.attributions,
    speech: speechIndex,
    outerQuotes: topLevel(quotes),
    carryOut: { openQuote: openAtEnd, speaker: speech.carryOut?.kind ?? null, ...(speech.carryOut?.introduces ? { introduces: speech.carryOut.kind } : {}) },
  };
}

// Verbs by which a named body or person gives its own count or estimate: "Forbes put his net worth at $45
// billion", "Bloomberg pegged her fortune at $2.9 billion", "the agency estimates". "Put" only with the "at"
// of a value ("at about $4 million", "at a solid 50 percent"): "The storm put 40 homes under water" is no estimate.
const ESTIMATE_VERBS = new Set(['pegged', 'pegs', 'lists', 'listed', 'ranks', 'ranked', 'estimated', 'estimates', 'counted', 'counts']);
const PUT_AT = /^\s+(?:[\p{L}\p{N}'\u2019-]+\s+){0,6}?at\s+(?:[\p{L}]+\s+){0,3}?[$\u20ac\u00a3]?\d/u;
function estimateVerb(text: string, verb: { start: number; end: number; text: string }): boolean {
  // (Asked of every evidence verb, "has" and "had" included: the lists are lower case and matched as written.)
  const word = verb.text;
  if (word === 'put' || word === 'puts') return PUT_AT.test(text.slice(verb.end, verb.end + 80));
  return ESTIMATE_VERBS.has(word);
}

// A sentence that ends on a speaker going on with their remarks: its verb is the first group.
const GOES_ON_SPEAKING = /\s((?:continued|resumed|began|opened|closed|ended|concluded|wrapped up))\s+(?:his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}(?:remarks|speech|address|testimony|comments|statement|answer)\.?\s*$/u;

/**
 * Who praises, blames or describes in the paragraph's last sentence, when a name or pronoun right before the
 * verb says so ("Okafor praised the council's work after the floods."): by the news convention, a quotation
 * paragraph right after it is theirs. The act sources nothing in its own sentence.
 */
function actorAtEnd(
  text: string,
  ranges: ReadonlyArray<{ start: number; end: number; words: Word[] }>,
  sentences: readonly SentenceModel[],
  acts: ReadonlyArray<{ start: number; end: number }>,
  insideQuote: (offset: number) => boolean,
): AttributionKind | null {
  const last = sentences[sentences.length - 1];
  const range = ranges[ranges.length - 1];
  if (!last || !range) return null;
  // ... or who goes on speaking: "Okafor continued her pointed remarks." then the remarks, quoted.
  let act: { start: number; end: number } | undefined;
  if (last.speechAct) {
    act = acts.find((candidate) => candidate.start >= last.start && candidate.end <= last.end && !insideQuote(candidate.start));
  } else {
    const remarks = GOES_ON_SPEAKING.exec(text.slice(last.start, last.end));
    const verbAt = remarks ? last.start + remarks.index + remarks[0].indexOf(remarks[1]) : -1;
    if (remarks) act = { start: verbAt, end: verbAt + remarks[1].length };
  }
  if (!act) return null;
  const actor = clauseSubjectBefore(text, range, act.end, (subject, verb) =>
    verb.start === act.start ? { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind: sets.pronounsAlways.has(subject[subject.length - 1].lower) ? 'pronoun' : 'named' } : undefined,
  );
  return actor ? (actor.kind === 'pronoun' ? 'pronoun' : 'named') : null;
}

/** Whether a quotation is all of its sentences: nothing but marks and spaces outside it. */
function standsAlone(text: string, quote: QuoteSpan, own: readonly SentenceModel[]): boolean {
  return own.length > 0 && !/[\p{L}\p{N}]/u.test(text.slice(own[0].start, quote.start) + text.slice(quote.end, own[own.length - 1].end));
}

/** The sentences that overlap a range (found by binary search, then walked). */
function sentencesBetween(sentences: SentenceModel[], start: number, end: number): SentenceModel[] {
  const found: SentenceModel[] = [];
  for (let index = firstIndexNotBefore(sentences, (sentence) => sentence.end <= start); index < sentences.length && sentences[index].start < end; index++) found.push(sentences[index]);
  return found;
}

/**
 * The quotations no other quotation holds, in order: those of depth 0 and those whose opening quotation
 * never closed (a stray ‘ used for an apostrophe leaves the doubles after it at depth 1 with no parent).
 */
function topLevel<T extends QuoteSpan>(spans: readonly T[]): T[] {
  const top: T[] = [];
  for (const span of spans) {
    const last = top[top.length - 1];
    if (last === undefined || span.start >= last.end) top.push(span);
  }
  return top;
}

/** The index behind the queries `isAttributed`, `speakerOf` and `documentBefore`, built once per paragraph. */
export interface SpeechIndex {
  /** Starts of the content ranges of non-vague attributions, sorted. */
  starts: number[];
  /** For each of them, the furthest end among it and those before it. */
  maxEnds: number[];
  /** The earliest cue of a document attribution, or Infinity. */
  firstDocument: number;
}

/**
 * Whether a source's (not a vague group's) content holds the span. A binary search over the paragraph's
 * content ranges, so a paragraph of thousands of figures stays linear.
 */
export function speechCovers({ starts, maxEnds }: SpeechIndex, start: number, end: number): boolean {
  const after = firstIndexNotBefore(starts, (from) => from <= start);
  // Every range before `after` starts at or before `start`; one of them covers the range if the furthest
  // end among them reaches it.
  return after > 0 && maxEnds[after - 1] >= end;
}

function indexSpeech(attributions: readonly Attribution[]): SpeechIndex {
  const ranges = attributions.filter((attribution) => attribution.kind !== 'vague').flatMap((attribution) => attribution.content).sort((a, b) => a[0] - b[0]);
  const maxEnds: number[] = [];
  for (const [index, range] of ranges.entries()) maxEnds.push(Math.max(range[1], index > 0 ? maxEnds[index - 1] : -1));
  const documents = attributions.filter((attribution) => attribution.kind === 'document' && attribution.cue !== null).map((attribution) => attribution.cue![0]);
  return { starts: ranges.map((range) => range[0]), maxEnds, firstDocument: documents.length > 0 ? Math.min(...documents) : Infinity };
}

