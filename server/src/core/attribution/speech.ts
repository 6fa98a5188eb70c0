/**
 * Attributions of one paragraph: each speaker the model found with the words it stands behind. A
 * reporting verb gives an attribution with its speaker and the reported words around it; a quotation is
 * given to the speaker whose reported words hold it, or whose verb stands in its sentence or the next, or
 * (by the news convention that a new attribution comes only when the speaker changes) to the speaker of
 * the paragraph before when the paragraph opens with the quotation.
 */
import type { QuoteSpan } from '../quotes';
import type { SentenceModel, SpeakerMention } from './model';
import { isSignatureDash } from './quotation-speakers';
import { isSource } from './speakers';

/** What stands behind an attribution: the kinds `copydesk sources` reports. */
export type AttributionKind = 'named' | 'pronoun' | 'organisation' | 'document' | 'vague' | 'anonymous';

/** A paragraph range, [start, end). */
export type Range = [number, number];

/** One attribution in paragraph offsets. */
export interface Attribution {
  /** The words that name the speaker; null when the speaker is carried over from an earlier paragraph. */
  speaker: Range | null;
  /** The reporting verb or phrase; null for a quotation carried over. */
  cue: Range | null;
  /** What the speaker is reported as saying, direct and indirect, in document order, not overlapping. */
  content: Range[];
  kind: AttributionKind;
  /** Some of the content is a direct quotation. */
  direct: boolean;
  /** The speaker is the one of the paragraph before (a quotation paragraph that continues). */
  carried: boolean;
}

/** Who speaks at the end of a paragraph, for the paragraph after it. */
export interface SpeakerCarry {
  kind: AttributionKind;
  /** The paragraph ends on a colon: the speaker's words follow in the paragraph below. */
  introduces?: boolean;
}

// Nouns that make a named speaker an organisation or a document rather than a person.
const ORGANISATION_NOUNS = new Set([
  'ministry', 'agency', 'police', 'government', 'court', 'office', 'department', 'army', 'military', 'company',
  'council', 'committee', 'commission', 'union', 'party', 'administration', 'embassy', 'authority', 'authorities',
  'campaign', 'foundation', 'institute', 'university', 'hospital', 'newspaper', 'outlet', 'broadcaster', 'network',
  'group', 'firm', 'bank', 'board', 'center', 'centre', 'service', 'bureau', 'team', 'association', 'coalition',
  'senate', 'house', 'congress', 'parliament', 'times', 'post', 'news', 'journal', 'media', 'television', 'channel',
  'organization', 'organisation', 'corporation', 'inc', 'corp', 'fund', 'society', 'caucus', 'pentagon', 'kremlin',
]);
const DOCUMENT_NOUNS = new Set([
  'report', 'reports', 'study', 'studies', 'survey', 'surveys', 'poll', 'polls', 'census', 'data', 'paper', 'filing',
  'indictment', 'complaint', 'statement', 'memo', 'memorandum', 'letter', 'records', 'documents', 'document', 'figures',
  'analysis', 'review', 'audit', 'estimates', 'results', 'research', 'lawsuit', 'ruling', 'order', 'release', 'email',
  'emails', 'transcript', 'video', 'footage', 'book', 'article', 'editorial', 'column', 'op-ed', 'tweet', 'post',
]);

const LAST_WORD = /([\p{L}\p{N}-]+)(?:['\u2019]s)?[^\p{L}\p{N}]*$/u;

/** The kind of a speaker mention as `copydesk sources` reports it. */
function kindOf(text: string, mention: SpeakerMention, knownSourceAt: (start: number, end: number) => boolean): AttributionKind {
  switch (mention.kind) {
    case 'pronoun':
      return 'pronoun';
    case 'vague':
      return 'vague';
    case 'anonymous':
      return 'anonymous';
    default:
      break;
  }
  if (mention.document) return 'document';
  const speaker = mention.speaker;
  // The head noun is the last word of the speaker's words, without a possessive.
  const head = speaker ? (LAST_WORD.exec(text.slice(speaker[0], speaker[1]))?.[1].toLowerCase() ?? '') : '';
  if (DOCUMENT_NOUNS.has(head)) return 'document';
  if ((speaker && knownSourceAt(speaker[0], speaker[1])) || ORGANISATION_NOUNS.has(head)) return 'organisation';
  return mention.kind === 'generic' ? 'anonymous' : 'named';
}

/** The reported span of a mention with its own cue and speaker cut out, trimmed to words. */
function contentOf(text: string, mention: SpeakerMention): Range[] {
  if (!mention.reported) return [];
  let pieces: Range[] = [mention.reported];
  const cut = (from: number, to: number): void => {
    pieces = pieces.flatMap(([start, end]): Range[] => (to <= start || from >= end ? [[start, end]] : [[start, from], [to, end]]));
  };
  cut(mention.verbStart, mention.verbEnd);
  if (mention.speaker) cut(mention.speaker[0], mention.speaker[1]);
  if (mention.sourcePhrase) cut(mention.sourcePhrase[0], mention.sourcePhrase[1]);
  return pieces.map((piece) => trim(text, piece)).filter((piece): piece is Range => piece !== undefined);
}

/** A range without the punctuation and spaces at its edges, or undefined when no word is left. */
function trim(text: string, [start, end]: Range): Range | undefined {
  const slice = text.slice(start, end);
  const lead = /^[\s,;:.\u2014\u2013-]*(?:that\s+)?/iu.exec(slice)?.[0].length ?? 0;
  const tail = /[\s,;:\u2014\u2013-]*$/u.exec(slice)?.[0].length ?? 0;
  const from = start + lead;
  const to = Math.max(from, end - tail);
  return /[\p{L}\p{N}]/u.test(text.slice(from, to)) ? [from, to] : undefined;
}

/**
 * Whether a marker the prose reader took for a citation reads as one to a reader: a footnote ("[^1]"), a
 * number ("[12]"), "(Source: …)", an address or a link do; an editor's insertion in a quotation ("[he]",
 * "[sic]") does not.
 */
function looksLikeCitation(marker: string): boolean {
  // (A markdown link or footnote reaches here with its markup blanked: only plain text's "[word]" is refused.)
  return !/^\[[\p{L}'\u2019 -]+\]$/u.test(marker);
}

/** Adds a range to sorted, non-overlapping ranges, merging where they touch. */
function addRange(ranges: Range[], range: Range): Range[] {
  // Quotations come in order: most additions go after everything there (a run of quotation stays linear).
  const last = ranges[ranges.length - 1];
  if (last === undefined || last[1] < range[0]) {
    ranges.push(range);
    return ranges;
  }
  const all = [...ranges, range].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const next of all) {
    const last = merged[merged.length - 1];
    if (last && next[0] <= last[1]) last[1] = Math.max(last[1], next[1]);
    else merged.push([next[0], next[1]]);
  }
  return merged;
}

const within = (range: Range, start: number, end: number): boolean => start >= range[0] && end <= range[1];

/** A quotation of the paragraph and the words it holds. */
export interface QuoteInput {
  span: QuoteSpan;
  wordCount: number;
  /** Inside another quotation (see `topLevel` in the model): its words are that quotation's speaker's. */
  nested: boolean;
  /** Quotation marks around a name or title, not around speech (asked lazily: it is the costly test). */
  isName: () => boolean;
  /** The same, as the rules ask it: a quotation no speaker owns that may be a title is not flagged. */
  nameOrTitle: () => boolean;
}

/**
 * The paragraph's attributions, and for each quotation the attribution it belongs to (by index), if any.
 * @param carryIn who spoke last in the paragraph before, when the quotation convention may carry them on
 */
export function paragraphAttributions(
  text: string,
  sentences: readonly SentenceModel[],
  quotes: readonly QuoteInput[],
  carryIn: SpeakerCarry | null,
  knownSourceAt: (start: number, end: number) => boolean,
  introducedBy: AttributionKind | null = null,
  actorAtEnd: AttributionKind | null = null,
): { attributions: Attribution[]; quoteOwner: Array<number | undefined>; carryOut: SpeakerCarry | null } {
  // Most paragraphs of a long draft quote no one and report no one: nothing to build.
  if (introducedBy === null && quotes.length === 0 && sentences.every((sentence) => sentence.mentions.length === 0 && sentence.quotationSpeakers.length === 0 && sentence.citation === undefined)) {
    return { attributions: [], quoteOwner: [], carryOut: actorAtEnd === null ? null : { kind: actorAtEnd } };
  }
  const attributions: Attribution[] = [];
  // A sentence's subject stands by for its quotations; it is an attribution only if it gets one.
  const quotationOnly = new Set<number>();
  // Sentence index -> its attributions (indexes), so that each quotation looks only at its neighbourhood.
  const bySentence: number[][] = sentences.map(() => []);
  // "The mayor said:" above: this whole paragraph is the mayor's, and holds its quotations.
  const introduced = introducedBy === null ? undefined : trim(text, [0, text.length]);
  if (introducedBy !== null && introduced !== undefined) {
    for (const list of bySentence) list.push(attributions.length);
    attributions.push({ speaker: null, cue: null, content: [introduced], kind: introducedBy, direct: true, carried: true });
  }
  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      if (mention.kind === 'none') continue;
      bySentence[sentence.index].push(attributions.length);
      attributions.push({
        speaker: mention.speaker ?? null,
        cue: [mention.verbStart, mention.verbEnd],
        content: contentOf(text, mention),
        kind: kindOf(text, mention, knownSourceAt),
        direct: false,
        carried: false,
      });
    }
    // A link, footnote or citation marker sources its sentence, unless a speaker does: the marker is the
    // source, the sentence the content.
    if (sentence.citation && looksLikeCitation(text.slice(sentence.citation[0], sentence.citation[1])) && !sentence.mentions.some((mention) => isSource(mention.kind))) {
      const [from, to] = sentence.citation;
      const content = [trim(text, [sentence.start, Math.min(sentence.end, from)]), trim(text, [Math.max(sentence.start, to), sentence.end])].filter((range): range is Range => range !== undefined);
      bySentence[sentence.index].push(attributions.length);
      attributions.push({ speaker: [from, to], cue: null, content, kind: 'document', direct: false, carried: false });
    }
    for (const mention of sentence.quotationSpeakers) {
      // The subject of a reporting verb the model read already ("“…,” Smith said."): one attribution, not two.
      // (The same speaker words count as the same subject: "“…,” she will say" is read once, at "say".)
      if (sentence.mentions.some((other) => other.kind !== 'none' && (other.verbStart === mention.verbStart || (other.speaker !== undefined && mention.speaker !== undefined && other.speaker[0] === mention.speaker[0])))) continue;
      bySentence[sentence.index].push(attributions.length);
      quotationOnly.add(attributions.length);
      attributions.push({ speaker: mention.speaker ?? null, cue: [mention.verbStart, mention.verbEnd], content: [], kind: kindOf(text, mention, knownSourceAt), direct: false, carried: false });
    }
  }
  const sentenceStarts = sentences.map((sentence) => sentence.words[0]?.start ?? sentence.start);
  let table: ReadonlyArray<{ latest: number; names: number }> | undefined;
  const speakersBefore = (): ReadonlyArray<{ latest: number; names: number }> => (table ??= speakersBeforeEach(text, attributions, bySentence));
  const neighbourhood: Neighbourhood = { text, attributions, bySentence, speakerOfSentence: new Map(), sentenceStarts, speakersBefore };

  const quoteOwner: Array<number | undefined> = quotes.map(() => undefined);
  const firstText = text.search(/\S/);
  let firstSentence = 0;
  for (const [quoteIndex, { span, wordCount, nested, isName }] of quotes.entries()) {
    // Speech that ends on a comma, a question or an exclamation inside the marks is speech, whatever its capitals.
    if (nested || wordCount === 0) continue;
    // Outer quotations come in order and do not overlap, so the walk over sentences is linear overall.
    while (firstSentence < sentences.length && sentences[firstSentence].end <= span.start) firstSentence++;
    const own: number[] = [];
    for (let index = firstSentence; index < sentences.length && sentences[index].start < span.end; index++) own.push(index);
    let owner = own.length === 0 ? -1 : ownerOf(neighbourhood, span, own, wordCount);
    // Marks around a name or title hold no one's speech; the costly test is asked only of quotations that
    // would have a speaker and do not read as speech anyway.
    const speechShaped = (): boolean => endsLikeSpeech(text, span) || standsAsSentence(text, span);
    // A quotation signed with a dash and a name ("“…” ― Ana Ruiz") is speech, however it opens.
    const signed = (): boolean => owner >= 0 && attributions[owner].cue !== null && isSignatureDash(text.slice(attributions[owner].cue![0], attributions[owner].cue![1]));
    if (owner >= 0 && !speechShaped() && !signed() && isName()) continue;
    if (owner < 0 && carryIn && (span.continued || span.start === firstText) && (speechShaped() || !isName())) {
      owner = attributions.push({ speaker: null, cue: null, content: [], kind: carryIn.kind, direct: true, carried: true }) - 1;
    }
    if (owner < 0) continue;
    const attribution = attributions[owner];
    // The quotation with its marks, as the reader sees it.
    attribution.content = addRange(attribution.content, [span.start, span.end]);
    attribution.direct = true;
    quoteOwner[quoteIndex] = owner;
    if (attribution.kind !== 'vague') for (const index of own) neighbourhood.speakerOfSentence.set(index, owner);
  }

  // Document order: by cue, or by content for a quotation carried over (it opens the paragraph).
  const at = (attribution: Attribution): number => attribution.cue?.[0] ?? attribution.content[0]?.[0] ?? 0;
  const order = attributions
    .map((_, index) => index)
    .filter((index) => !quotationOnly.has(index) || attributions[index].content.length > 0)
    .sort((a, b) => at(attributions[a]) - at(attributions[b]));
  const rank = new Array<number>(order.length);
  order.forEach((old, index) => (rank[old] = index));
  const sorted = order.map((index) => attributions[index]);
  const sortedOwner = quoteOwner.map((owner) => (owner === undefined ? undefined : rank[owner]));
  // The speaker passes on to a quotation paragraph after this one only if they speak in its last sentence:
  // "Ruiz said ... The plant closed in March." leaves the next quotation without a speaker.
  const lastSentence = sentences[sentences.length - 1];
  // A paragraph that ends on a colon hands its speaker to the quotation below ("In a statement, the mayor
  // said:" then the statement), whether or not anything was quoted yet.
  const endsOnColon = /:\s*$/u.test(text);
  // (A citation marker speaks for its own sentence only.)
  const last = [...sorted].reverse().find((attribution) => attribution.kind !== 'vague' && (attribution.cue !== null || attribution.carried) && (attribution.content.length > 0 || endsOnColon));
  const reachesEnd = last !== undefined && lastSentence !== undefined && ((last.cue !== null && last.cue[0] >= lastSentence.start) || last.content.some((range) => range[1] > lastSentence.start));
  // The colon is the speaker's only when their words or their verb come close before it ("the mayor wrote in
  // a letter to residents:"), not at the end of a long clause of the reporter's ("... Trump's claim of
  // immunity is the Republicans cite Jeremy Bentham, the economist and legal reformer:").
  const nearColon = (attribution: Attribution): boolean => {
    const reach = Math.max(attribution.cue?.[1] ?? 0, attribution.speaker?.[1] ?? 0, ...attribution.content.map((range) => range[1]));
    return attribution.carried || (text.slice(reach).match(/[\p{L}\p{N}]+/gu) ?? []).length <= MAX_WORDS_BEFORE_COLON;
  };
  const introduces = endsOnColon && last !== undefined && nearColon(last);
  // Failing a speaker, one who praises or blames in the last sentence passes on to a quotation paragraph.
  const carryOut = reachesEnd ? { kind: last.kind, ...(introduces ? { introduces: true } : {}) } : actorAtEnd === null ? null : { kind: actorAtEnd };
  return { attributions: sorted, quoteOwner: sortedOwner, carryOut };
}

/** How many words may stand between a speaker's verb or words and the colon that hands them the next paragraph. */
const MAX_WORDS_BEFORE_COLON = 10;

/** Whether a quotation ends as speech does before its speaker: “…,” “…?” “…!” */
function endsLikeSpeech(text: string, span: QuoteSpan): boolean {
  return /[,?!\u2014-]\s*$/u.test(text.slice(span.innerStart, span.innerEnd));
}

/** What a quotation's owner is looked for in. */
interface Neighbourhood {
  text: string;
  attributions: Attribution[];
  bySentence: number[][];
  /** Sentence index -> the attribution whose quotation it holds, for a run of quotation over sentences. */
  speakerOfSentence: Map<number, number>;
  /** Sentence index -> offset of its first word. */
  sentenceStarts: number[];
  /** Sentence index -> the speakers before it (see `speakersBeforeEach`), built when first asked. */
  speakersBefore: () => ReadonlyArray<{ latest: number; names: number }>;
}

/** Whether a quotation opens its sentence and closes on the sentence's own full stop: "“This is all me.”" */
function opensItsSentence(text: string, span: QuoteSpan, sentence: number, sentenceStarts: readonly number[]): boolean {
  return (span.start <= (sentenceStarts[sentence] ?? -1) && /[.?!\u2026]\s*$/u.test(text.slice(span.innerStart, span.innerEnd))) || standsAsSentence(text, span);
}

/** A quotation right after another that ended a sentence, ending on its own full stop: “… every job.” “Every single one.” */
function standsAsSentence(text: string, span: QuoteSpan): boolean {
  // The parser does not end a sentence between two quotations, so the marks tell.
  return /[.?!\u2026]["\u201d']{1,2}\s+$/u.test(text.slice(Math.max(0, span.start - 6), span.start)) && /[.?!\u2026]\s*$/u.test(text.slice(span.innerStart, span.innerEnd));
}

/**
 * The attribution a quotation belongs to, looking only at the sentences it spans and their neighbours:
 * reported words that hold it (a partial quotation inside indirect speech, or a quotation before "Kim
 * said"); the verb after a quotation that ends as speech does ("“…,” Valdez Anderson, who works at ...,
 * said"); the nearest verb in its own sentences, outside it; for a full quotation (more than four words),
 * the speaker of the sentence before, and so on along a run of their quotation ("“…,” Ruiz said. “…” “…”",
 * as news style writes it), else one named in the sentence after ("“…” The warning came from ..."). A
 * sentence of the reporter's own in between ends the run. Vague speakers count, so that "critics said:
 * “…”" stays theirs (and flagged).
 */
function ownerOf({ text, attributions, bySentence, speakerOfSentence, sentenceStarts, speakersBefore }: Neighbourhood, span: QuoteSpan, own: number[], wordCount: number): number {
  // Walks the attributions of a run of sentences without building arrays: this runs once per quotation.
  const first = own[0];
  const last = own[own.length - 1];
  const each = (from: number, to: number, visit: (index: number) => void): void => {
    for (let sentence = Math.max(0, from); sentence <= to && sentence < bySentence.length; sentence++) for (const index of bySentence[sentence]) visit(index);
  };
  let holding = -1;
  for (const index of bySentence[first] ?? []) {
    if (attributions[index].content.some((range) => within(range, span.innerStart, span.innerEnd))) {
      holding = index;
      break;
    }
  }
  if (holding >= 0) return holding;
  const distance = (index: number): number => {
    const cue = attributions[index].cue!;
    return cue[0] < span.start ? span.start - cue[1] : cue[0] - span.end;
  };
  const nearest = (from: number, to: number): number => {
    let best = -1;
    each(from, to, (index) => {
      const cue = attributions[index].cue;
      if (cue === null || (cue[0] >= span.start && cue[0] < span.end)) return;
      if (best < 0 || distance(index) < distance(best)) best = index;
    });
    return best;
  };
  if (endsLikeSpeech(text, span)) {
    let after = -1;
    each(first, last + 1, (index) => {
      const cue = attributions[index].cue;
      if (cue !== null && cue[0] >= span.end && (after < 0 || cue[0] < attributions[after].cue![0])) after = index;
    });
    if (after >= 0) return after;
  }
  const inOwn = nearest(first, last);
  // A fragment belongs only to a verb in its own sentence; a quotation that is a sentence of its own is speech
  // however short ("“I’ve always liked Hillary.”") and may carry on a run.
  if (inOwn >= 0 || (wordCount <= 4 && !opensItsSentence(text, span, first, sentenceStarts))) return inOwn;
  let before = -1;
  each(first - 1, first - 1, (index) => {
    if (attributions[index].kind !== 'vague' && attributions[index].cue !== null) before = index;
  });
  if (before >= 0) return before;
  const run = speakerOfSentence.get(first - 1);
  if (run !== undefined) return run;
  const next = nearest(last + 1, last + 1);
  return next >= 0 ? next : onlySpeakerBefore(speakersBefore(), first);
}

/**
 * The one speaker of the paragraph before a sentence, when there is exactly one (pronouns aside): "Ruiz
 * said the town would recover. The plant closed in March. “We will fight …”" is still Ruiz. With two
 * speakers before it, the quotation has none the reader can tell. Read from a table built once per
 * paragraph, so a paragraph of many quotations stays linear.
 */
function onlySpeakerBefore(speakersBefore: ReadonlyArray<{ latest: number; names: number }>, sentence: number): number {
  const before = speakersBefore[sentence];
  return before !== undefined && before.names === 1 ? before.latest : -1;
}

/** For each sentence, the latest non-vague speaker before it and how many different names (0, 1, or 2 for "more"). */
function speakersBeforeEach(text: string, attributions: readonly Attribution[], bySentence: readonly number[][]): Array<{ latest: number; names: number }> {
  const table: Array<{ latest: number; names: number }> = [];
  let latest = -1;
  let first: string | undefined;
  let names = 0;
  for (let index = 0; index < bySentence.length; index++) {
    table.push({ latest, names });
    for (const candidate of bySentence[index]) {
      const attribution = attributions[candidate];
      if (attribution.kind === 'vague' || attribution.speaker === null || attribution.cue === null) continue;
      if (attribution.kind !== 'pronoun') {
        const name = text.slice(attribution.speaker[0], attribution.speaker[1]).toLowerCase();
        if (names === 0) {
          first = name;
          names = 1;
        } else if (name !== first) names = 2;
      }
      latest = candidate;
    }
  }
  return table;
}
