/**
 * Subjects: which words of a window before or after a verb name the speaker, what kind of speaker they
 * are (named, pronoun, vague, anonymous), the subject of the clause before a participle, and the windows of
 * words before and after a verb, to the ends of its clause. The speaker finders in speakers.ts and
 * quotation-speakers.ts share these.
 */
import { BE_FORMS, FINITE_AUXILIARIES } from '../patterns';
import { sets } from '../vocabulary';
import { allLower, startsLower, startsLower3, startsUpper } from '../letters';
import type { SentenceModel, SpeakerKind, SpeakerMention, Word } from './model';
import { COMMON_CAPITALISED, firstWordEndingAfter, isCapitalised, PREPOSITIONS, wordsBetween } from './word-classes';
import { isDayOrMonth, leadingTimeWords, mayOpenTime } from './time-words';

/**
 * What the speaker finders know of a sentence beyond its words: the sentence before it (a pronoun's
 * antecedent) and where the paragraph's known sources ("Reuters") and anonymous ones ("officials") stand.
 */
export interface SubjectContext {
  previous: SentenceModel | undefined;
  knownSources: Array<{ start: number; end: number }>;
  anonymous: Array<{ start: number; end: number }>;
}

/**
 * The words of a subject window that name the speaker: "Kim" of "Kim expressed gratitude for the",
 * "he" of "what he", "North Korea’s state media" as it stands.
 */
export function span(words: Word[]): [number, number] | undefined {
  const significant = (word: Word): boolean =>
    (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) || sets.titles.has(word.lower) || sets.pronounsAlways.has(word.lower) || sets.pronounsNeedingAntecedent.has(word.lower) || sets.placeholderWords.has(word.text);
  let last = words.length - 1;
  // (A day or a month ends no name: "closed in March" names no one, though "Sunday Adeyemi" does.)
  while (last >= 0 && (!significant(words[last]) || isDayOrMonth(words[last].lower))) last--;
  if (last < 0) {
    // No name: the whole description, without the preposition it may end on ("a longtime adviser to").
    let end = words.length - 1;
    while (end > 0 && PREPOSITIONS.has(words[end].lower)) end--;
    // ... and without the relative word it may open on ("who many believe" is "many").
    let begin = 0;
    while (begin < end && /^(?:who|whom|whose|which|that|and|but|or)$/u.test(words[begin].lower)) begin++;
    return words.length > 0 ? [words[begin].start, words[end].end] : undefined;
  }
  if (sets.pronounsAlways.has(words[last].lower) || sets.pronounsNeedingAntecedent.has(words[last].lower)) return [words[last].start, words[last].end];
  // Walk back over the name and what qualifies it ("defence minister Kang", "Shoigu’s ministry").
  let first = last;
  // ... and over the "of" inside a name: "Ministry of Health", "University of Texas".
  // (And "in" or "from" where a place follows a person's name: "Darran Whiting of Liberty Church in Marion".)
  const ofInName = (index: number): boolean => (words[index].lower === 'of' || words[index].lower === 'in' || words[index].lower === 'from') && index > 0 && isCapitalised(words[index - 1].text) && !COMMON_CAPITALISED.has(words[index - 1].lower) && isCapitalised(words[index + 1].text);
  while (first > 0 && (significant(words[first - 1]) || ofInName(first - 1) || /['\u2019]s$/.test(words[first - 1].text) || (((/^[\p{Ll}-]+$/u.test(words[first - 1].text) && !PREPOSITIONS.has(words[first - 1].lower)) || /^(?:the|a|an)$/u.test(words[first - 1].lower)) && sets.titles.has(words[first].lower)))) first--;
  return [words[first].start, words[last].end];
}

// Prepositions after which a phrase only qualifies its head (not "at", "from", "of", "with": see `pinned`).
const HEAD_BREAKS = new Set(['to', 'for', 'by', 'about', 'on', 'against', 'toward', 'towards']);

/** Decides what kind of speaker a window of words names. */
export function classifySubject(
  subject: Word[],
  sentenceStart: number,
  context: SubjectContext,
): SpeakerKind {
  if (subject.length === 0) return 'none';
  const from = subject[0].start;
  const to = subject[subject.length - 1].end;
  const overlaps = (match: { start: number; end: number }): boolean => match.start < to && match.end > from;
  if (subject.some((word) => sets.placeholderWords.has(word.text))) return 'named';
  if (context.knownSources.some(overlaps)) return 'named';

  const nearest = subject[subject.length - 1].lower;
  if (sets.pronounsAlways.has(nearest)) return 'pronoun';
  if (sets.pronounsNeedingAntecedent.has(nearest)) return context.previous?.named ? 'pronoun' : 'none';

  const properName = subject.some(
    (word, index) =>
      isCapitalised(word.text) &&
      !sets.months.has(word.lower) &&
      !(word.start === sentenceStart && COMMON_CAPITALISED.has(word.lower)) &&
      !(index === 0 && word.start === sentenceStart && (sets.vagueGroups.has(word.lower) || sets.evidenceSubjects.has(word.lower))) &&
      !COMMON_CAPITALISED.has(word.lower),
  );
  // Vague only in the head of the phrase: "Ruiz's email to her supporters", "a study by economists Dora Pike and
  // Tom Okafor" name a source; "analysts at Goldman Sachs" is pinned below.
  const headEnd = subject.findIndex((word, index) => index > 0 && HEAD_BREAKS.has(word.lower));
  const vague = (headEnd < 0 ? subject : subject.slice(0, headEnd)).some((word) => sets.vagueGroups.has(word.lower));
  if (context.anonymous.some(overlaps)) return 'anonymous';
  if (vague) {
    // "analysts at Goldman Sachs": a vague noun pinned to a named organisation is a source.
    const pinned = subject.some((word, index) => ['at', 'from', 'of', 'with'].includes(word.lower) && subject.slice(index + 1).some((next) => isCapitalised(next.text)));
    return pinned ? 'named' : 'vague';
  }
  if (properName) return 'named';
  if (subject.some((word) => sets.titles.has(word.lower))) return 'named';
  return subject.some((word) => startsLower3(word.text) && !COMMON_CAPITALISED.has(word.lower)) ? 'generic' : 'none';
}

// Verbs that follow a subject often enough to stand for "a predicate starts here" without a tagger.
const IRREGULAR_PAST = new Set(['made', 'took', 'gave', 'told', 'put', 'set', 'got', 'went', 'came', 'saw', 'kept', 'left', 'ran', 'spoke', 'wrote', 'began', 'brought', 'thought', 'felt', 'held', 'meant', 'sent', 'paid', 'won', 'lost', 'led', 'stood', 'said', 'knew', 'drew', 'threw', 'chose', 'struck', 'sought', 'fought', 'taught', 'bought', 'built', 'heard', 'found', 'gave', 'became', 'let', 'cut', 'hit', 'read', 'rose', 'fell', 'shot']);
/** Whether a word reads as the verb of a clause: an auxiliary, “to”, or a past form. */
export const looksLikeVerb = (word: string): boolean => (FINITE_AUXILIARIES as readonly string[]).includes(word) || word === 'to' || /ed$/u.test(word) || IRREGULAR_PAST.has(word);

const OBJECT_PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'for', 'from', 'of', 'by', 'about', 'to', 'into', 'against', 'over', 'under', 'than', 'like', 'toward', 'towards', 'between', 'among', 'without', 'behind', 'beside', 'near']);

/** The name or pronoun nearest before an offset that a lower-case verb follows: the subject of the clause there. */
export function clauseSubjectBefore(text: string, range: { words: Word[] }, before: number, speaker: (subject: Word[], verb: Word) => SpeakerMention | undefined): SpeakerMention | undefined {
  const words = range.words.slice(0, firstWordEndingAfter(range.words, before));
  for (let index = words.length - 2; index >= 0; index--) {
    const word = words[index];
    // "Ruiz on Wednesday downplayed": a time between the name and its verb.
    // (This loop runs over every word before the offset: the slice is taken only where a time may start.)
    const verb = mayOpenTime(words[index + 1].lower) ? words[index + 1 + leadingTimeWords(words.slice(index + 1, index + 4))] : words[index + 1];
    if (verb === undefined) continue;
    const pronoun = sets.pronounsAlways.has(word.lower);
    // (A day or a month is no subject: "on Wednesday downplayed" is Ruiz's verb.)
    const nameLike = (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower) && !isDayOrMonth(word.lower)) || pronoun || sets.titles.has(word.lower);
    if (!nameLike || !allLower(verb.text) || /[^\s]/u.test(text.slice(word.end, words[index + 1].start))) continue;
    // After a name the next word must read as a verb ("NBC News will", "he reserved"), not a noun the name
    // qualifies ("two senior Kremlin men tasked with ...").
    if (!pronoun && !looksLikeVerb(verb.lower)) continue;
    // Walk back over the rest of the name ("NBC News", "Sen. Ted Cruz").
    let from = index;
    while (from > 0 && isCapitalised(words[from - 1].text) && !COMMON_CAPITALISED.has(words[from - 1].lower) && /^[\s.]+$/u.test(text.slice(words[from - 1].end, words[from].start))) from--;
    // "the council": the article belongs to an office.
    if (from > 0 && !isCapitalised(words[index].text) && /^(?:the|a|an)$/u.test(words[from - 1].lower)) from--;
    // "for Clinton", "to Trump" are objects; after "while", "when", "because" a clause and its subject begin.
    if (from > 0 && OBJECT_PREPOSITIONS.has(words[from - 1].lower)) continue;
    return speaker(words.slice(from, index + 1), verb);
  }
  return undefined;
}

const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s/;
const QUOTE_MARK = /["\u201c\u201d\u2018\u2019]/;

/**
 * Whether the text between two words ends a clause. A quotation mark does, unless it wraps a name:
 * "Donnelly of the “Daily Mail” said" keeps its speaker, "North Korea ‘not responding’ to US calls" does not.
 */
export function breaksClause(gap: string, wordBefore: Word, wordAfter: Word | undefined): boolean {
  if (CLAUSE_BREAK.test(gap)) return true;
  if (!QUOTE_MARK.test(gap)) return false;
  // A mark at the end of the gap, after a space, opens a quotation around the next word.
  const opening = /\s["\u201c\u2018]$/.test(` ${gap}`);
  const inside = opening ? wordAfter : wordBefore;
  return !(inside && startsUpper(inside.text));
}

/** How far back from its verb a subject is looked for, in words. */
export const MAX_SUBJECT_WORDS = 7;

/** Walks back from the verb to the start of its clause, skipping adverbs and auxiliaries. */
export function subjectBefore(text: string, range: { start: number; words: Word[] }, verbStart: number, limit = MAX_SUBJECT_WORDS): Word[] {
  const before = wordsBetween(range, range.start, verbStart);
  const window: Word[] = [];
  let boundary = verbStart;
  for (let i = before.length - 1; i >= 0 && window.length < limit; i--) {
    if (breaksClause(text.slice(before[i].end, boundary), before[i], window[0])) break;
    window.unshift(before[i]);
    boundary = before[i].start;
  }
  // "Prices rose and critics said": a conjunction after a lower-case word starts a new clause, whose subject
  // is the speaker; right before the verb ("... and said") it leaves the verb to the clause before.
  const conjunction = window.findLastIndex((word, index) => (word.lower === 'and' || word.lower === 'but') && (index === window.length - 1 || (index > 0 && startsLower(window[index - 1].text))));
  if (conjunction >= 0) return conjunction === window.length - 1 ? [window[conjunction]] : window.slice(conjunction + 1);
  return window;
}

/** Whether a window of words names a person or an office (a capitalised name or a title). */
export function namesSomeone(words: Word[]): boolean {
  return words.some((word) => (isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) || sets.titles.has(word.lower));
}

/** The words after a verb, up to the end of its clause, without the time words that open them. */
export function wordsAfterTime(text: string, range: { end: number; words: Word[] }, from: number, limit: number): Word[] {
  const words = wordsAfter(text, range, from, limit + 4);
  const skip = leadingTimeWords(words);
  // "said Sunday Adeyemi, a teacher": a day that opens a name is the name.
  const start = skip > 0 && words[skip] !== undefined && isCapitalised(words[skip].text) ? 0 : skip;
  return words.slice(start, start + limit);
}

/** The words right after a verb, up to the end of its clause. */
export function wordsAfter(text: string, range: { end: number; words: Word[] }, from: number, limit = MAX_SUBJECT_WORDS): Word[] {
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

// An adverb between the speaker and the verb ("Ruiz repeatedly said"); a capitalised -ly word is a name ("Kelly said").
export const isAdverb = (word: Word): boolean => /^\p{Ll}+ly$/u.test(word.text);
// "it's" and a bare "'s" are forms of "be" too, as the parser splits them.
export const AUXILIARIES = new Set<string>([...BE_FORMS, "it's", "'s"]);
// Words that may stand between a subject and its verb: auxiliaries, adverbs of time, a day.
export const SKIPPABLE_BEFORE_VERB = new Set(['also', 'later', 'then', 'had', 'has', 'have', 'would', 'will', 'has', 'previously', 'again', 'once', 'repeatedly', 'publicly', 'recently', 'earlier', 'separately', 'initially', 'first', 'did', 'does', 'do', 'could', 'may', 'might', 'should', 'last', 'week', 'on', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

// A pronoun with its auxiliary contracted onto it, as the parser keeps them: "he’s", "they've", "she'd".
const CONTRACTED = /^(he|she|they|we|i|it)['\u2019](?:s|ve|d|re|ll)$/u;

/** The subject with a contracted pronoun cut to the pronoun: in "he’s predicting that", "he" predicts. */
export function withoutContraction(subject: Word[]): Word[] {
  const last = subject[subject.length - 1];
  const match = last === undefined ? null : CONTRACTED.exec(last.lower);
  if (!last || !match) return subject;
  const pronoun = last.text.slice(0, match[1].length);
  return [...subject.slice(0, -1), { ...last, text: pronoun, lower: match[1], end: last.start + pronoun.length }];
}
