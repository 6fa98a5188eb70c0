/**
 * Speakers of reporting verbs: who stands before or after "said", "told", "according to", through titles,
 * appositives, ages and parentheses, and what kind of speaker the words name. The paragraph model calls
 * these for each verb it finds; nothing here knows about quotations or documents.
 */
import { FINITE_AUXILIARIES } from '../patterns';
import { sets, key } from '../vocabulary';
import type { SpeakerKind, SpeakerMention, Word } from './model';
import { hasLower, startsLower } from '../letters';
import { COMMON_CAPITALISED, firstWordAt, isCapitalised, isTitleCase, OPENING_CONJUNCTIONS, PREPOSITIONS, wordsBetween } from './word-classes';
import { leadingTimeWords } from './time-words';
import { AUXILIARIES, classifySubject, clauseSubjectBefore, isAdverb, looksLikeVerb, namesSomeone, SKIPPABLE_BEFORE_VERB, span, subjectBefore, withoutContraction, wordsAfter, wordsAfterTime, type SubjectContext } from './subjects';
import { afterAsClause, asideBefore, CLAUSE_AHEAD, clauseAfterCircumstance, FIGURE_AHEAD, MAX_CIRCUMSTANCE_WORDS, onlyCircumstance, PASSIVE_AS_CLAUSE, REPORTERS_CLAUSE, thatAfterAside } from './circumstance';

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

/** How far a source named after "according to" may run, in words. */
const MAX_SOURCE_PHRASE_WORDS = 16;

/**
 * Whether a speaker of this kind stands behind the words given to them: anyone the reader could hold to
 * them, named or not ("a witness", "he", "officials"), but not a vague group ("critics") and not a
 * reporting verb the model found no speaker for.
 */
export function isSource(kind: SpeakerKind): boolean {
  return kind !== 'vague' && kind !== 'none';
}
// Before a verb form that is also a plural noun ("states", "reports", "claims"), these make it the noun.
const NOUN_MARKERS = new Set(['an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'several', 'such', 'member']);

// Words after which a source's phrase only qualifies its head: "a poll out Thursday", "a study by ...".
const QUALIFIER_OPENERS = new Set(['by', 'at', 'from', 'in', 'out', 'on', 'for', 'with', 'released', 'conducted', 'published', 'issued', 'last', 'this', 'earlier', 'which', 'that', 'who']);

/**
 * The head of a source's phrase, without what qualifies it: "an online University of Texas poll" of "... poll
 * out Thursday". A vague head keeps the name that pins it down ("economists at Duke University").
 */
function sourceHead(phrase: Word[]): Word[] {
  const cut = phrase.findIndex((word, index) => index > 0 && (QUALIFIER_OPENERS.has(word.lower) || (word.lower === 'of' && !isCapitalised(phrase[index + 1]?.text ?? ''))));
  if (cut < 0) return phrase;
  const head = phrase.slice(0, cut);
  return head.some((word) => sets.vagueGroups.has(word.lower)) && !namesSomeone(head) ? phrase : head;
}

/**
 * The name an appositive closes right before the verb: "The mayor, Ana Ruiz, said" gives "Ana Ruiz".
 * Only a capitalised name or a title counts, so "In Moscow, said the minister" still reads the minister.
 */
export function appositiveBefore(text: string, range: { start: number; words: Word[] }, verb: { start: number; end: number }): Word[] {
  const comma = text.lastIndexOf(',', verb.start);
  // An auxiliary or an adverb may stand between the description and the verb: "The Rhodium Group, an economic
  // consulting firm, has calculated".
  // ("Dan Welch, subsequently testified": an adverb in -ly too.)
  // (The comma may close a quotation in the description: "Ruiz, citing “the needs of the port,” said"; not in a
  // sentence that opens with the quotation: "“Paul’s knowledge, such as it is, is old,” said a longtime adviser".)
  const closesQuote = /^["\u201d]/u.test(text.slice(comma + 1, comma + 2)) && quotationOpensInDescription(text.slice(range.start, comma));
  // (A be-form before a participle too: "Dora Pike, celebrating a win, is pledging to".)
  const between = text.slice(comma + (closesQuote ? 2 : 1), verb.start);
  if (comma < range.start || !(/^\s*(?:(?:has|have|had|also|later|then|now|previously|recently|repeatedly|will|would|\p{Ll}+ly)\s+)*$/u.test(between) || (/ing$/u.test(text.slice(verb.start, verb.end)) && /^\s*(?:is|are|was|were)\s+(?:\p{Ll}+ly\s+)?$/u.test(between)))) return [];
  // "Moscow, a city of millions, said to be ...": a participle, not a speaker's verb.
  // ("..., has repeatedly promised to deport ..." and "..., is pledging to" have their auxiliary: an active verb and its plan.)
  // ("..., proclaimed to a cheering crowd" has its audience after "to", not a verb.)
  if (INFINITIVE_AFTER.test(text.slice(verb.end, verb.end + 24)) && !/\b(?:has|have|had|will|would|is|are|was|were)\b/u.test(text.slice(comma + 1, verb.start))) return [];
  // A name that opens the sentence and is described at length wins over a name inside the description:
  // "Ukraine, a country the size of France, Germany and Italy, says" is Ukraine speaking.
  const described = openingNameBefore(text, range, comma);
  if (described.length > 0) return described;
  const named = nameBeforeDescription(text, range, comma);
  if (named.length > 0) return named;
  // (A name with where it is from may run long: "Darran Whiting of Liberty Baptist Church in Marion".)
  let window = subjectBefore(text, range, comma, 12);
  // An age between the name and the verb: "Ki Hong, 33, said".
  if (window.length === 1 && /^\d{1,3}$/.test(window[0].text)) {
    const nameEnd = text.lastIndexOf(',', window[0].start);
    if (nameEnd > range.start) window = subjectBefore(text, range, nameEnd);
  }
  // "The 43-year-old former councillor, who led a walkout in June, thinks": a relative clause describes the
  // words before it, which open the sentence; "June" is no speaker.
  const clauseStart = text.lastIndexOf(',', comma - 1);
  if (window.length > 0 && clauseStart > range.start && /^,\s*(?:who|whose|which)\s/u.test(text.slice(clauseStart, comma))) {
    const head = subjectBefore(text, range, clauseStart);
    const first = openingWord(text, range, comma);
    return head.length > 0 && head[0] === first && !PREPOSITIONS.has(head[0].lower) ? head : [];
  }
  const opening = window.length > 0 ? text.slice(range.start, window[0].start) : '';
  // The name must itself follow a comma ("The mayor, Ana Ruiz,"), which makes the pair an appositive.
  return /,\s*$/.test(opening) && namesSomeone(window) ? window : [];
}

/** Whether the one quotation open at the end of `lead` opened after a comma of the sentence's own: "Ruiz, citing “the needs". */
function quotationOpensInDescription(lead: string): boolean {
  const curly = lead.lastIndexOf('\u201c');
  const opening = curly >= 0 && !lead.includes('\u201d', curly) ? curly : (lead.match(/"/gu) ?? []).length % 2 === 1 ? lead.lastIndexOf('"') : -1;
  const firstComma = lead.indexOf(',');
  return opening > 0 && firstComma >= 0 && firstComma < opening && !/["\u201c\u201d]/u.test(lead.slice(0, firstComma));
}

// A document's verb right after a form in -s: "reports show", "reports showed", "reports indicate".
const NOUN_BEFORE_EVIDENCE = /^\s+(?:show|showed|shown|indicate|indicated|suggest|suggested|found|reveal|revealed|say|said)\b/u;

// The openings of a phrase a participle heads at the start of a sentence: "In addition to stating", "After warning".
const FRONTED_PARTICIPLE = /^\s*(?:(?:and|but)\s+)?(?:in\s+addition\s+to|besides|after|before|while|since|by|without|despite)\s+$/iu;

/** The name or pronoun right after a comma that opens the main clause ("…, Clinton has vowed"). */
function nameAfterComma(text: string, range: { end: number; words: Word[] }, comma: number): Word[] {
  const after = wordsAfter(text, range, comma + 1, 4);
  const name: Word[] = [];
  for (const word of after) {
    if (!(isCapitalised(word.text) || sets.titles.has(word.lower)) || COMMON_CAPITALISED.has(word.lower)) break;
    name.push(word);
  }
  if (name.length === 0 && after[0] && sets.pronounsAlways.has(after[0].lower)) return [after[0]];
  return name;
}

// "to" then a verb, not an audience: "said to be", "said to have" (not "to a crowd", "to reporters", "to CNN").
const INFINITIVE_AFTER = /^\s+to\s+(?!\p{Lu}|(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those|him|them|us|me|reporters|supporters|voters|journalists|lawmakers)\b)/u;

// Words that open a description of the name before them: "Chris Roberts, the game's director", "Ormrod,
// a psychologist who ...", "Smith, who chairs the committee".
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'who', 'whose', 'which', 'himself', 'herself', 'itself', 'themselves', 'one', 'formerly', 'once', 'then', 'now']);
const MAX_APPOSITIVE_WORDS = 30;

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
  return APPOSITIVE_OPENERS.has(opener.lower) || sets.titles.has(opener.lower) || startsLower(opener.text) || /^\d{1,3}$/.test(opener.text) || /['\u2019]s$/u.test(opener.text) ? head : [];
}

/** The words of the subject of the clause before an offset ("Okafor" of "Okafor said in Lagos, noting"), or none. */
function clauseSubjectWords(text: string, range: { words: Word[] }, before: number): Word[] {
  const clause = clauseSubjectBefore(text, range, before, (words, verb) => ({ verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind: 'named', speaker: [words[0].start, words[words.length - 1].end] }));
  const speaker = clause?.speaker;
  return speaker ? range.words.filter((word) => word.start >= speaker[0] && word.end <= speaker[1]) : [];
}

/**
 * A name set off by commas after a clause of the reporter's, with its description: "The files were placed
 * in storage, Dan Welch, the undersecretary for management, wrote" gives "Dan Welch". Every word of the name
 * is capitalised and the description opens as one does ("the", "a", "who", a title).
 */
function nameBeforeDescription(text: string, range: { start: number; words: Word[] }, comma: number): Word[] {
  const descriptionStart = text.lastIndexOf(',', comma - 1);
  if (descriptionStart <= range.start) return [];
  const description = wordsBetween(range, descriptionStart, comma);
  const opener = description[0];
  // (Or a role in lower case: "In a letter, Ana Ruiz, chief of the county's voting office, noted".)
  if (!opener || description.length > MAX_APPOSITIVE_WORDS || !(APPOSITIVE_OPENERS.has(opener.lower) || sets.titles.has(opener.lower) || startsLower(opener.text))) return [];
  const name = subjectBefore(text, range, descriptionStart);
  const nameStart = name[0]?.start ?? descriptionStart;
  if (name.length === 0 || name.length > 4 || !name.every((word) => isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower))) return [];
  return /,\s*$/u.test(text.slice(range.start, nameStart)) ? name : [];
}

/**
 * The word a sentence's subject starts at: its first word, or the first after a quotation that opens the
 * sentence ("“…,” Valdez Anderson, who works at a garage in Fresno, said").
 */
function openingWord(text: string, range: { start: number; words: Word[] }, before: number): Word | undefined {
  let after = -1;
  // ... or a description that starts it: "“…,” the economist Jared Bernstein, a former adviser, wrote".
  for (const match of text.slice(range.start, before).matchAll(/[,?!.\u2026-]\s*(?:["\u201d]|'')\s+(?=\p{Lu}|(?:the|a|an)\s)/gu)) after = range.start + (match.index ?? 0) + match[0].length;
  return after < 0 ? range.words[0] : range.words.find((word) => word.start >= after);
}

// Verbs by which researchers and bodies report what they found (see "they found that" below).
const FINDING_VERBS = new Set(['found', 'find', 'finds', 'estimated', 'estimate', 'estimates', 'concluded', 'conclude', 'concludes', 'calculated', 'calculate', 'calculates', 'reported', 'report', 'reports', 'wrote', 'write', 'writes', 'noted', 'note', 'notes', 'projected', 'projects']);

// Verbs of belief that a writer uses of themselves as often as of a source.
export const FIRST_PERSON_BELIEF = new Set(['think', 'believe', 'know', 'thought', 'believed', 'knew', 'feel', 'felt', 'suspect', 'guess', 'suppose', 'hope', 'expect', 'want']);

// Beliefs look forward only: "Ruiz thinks the plan will fail" holds a belief; in "care what the critics
// think" nothing before the verb is what they think.
const FORWARD_ONLY = new Set(['think', 'believe']);

/**
 * The speaker of a reporting verb and what they are reported as saying: the subject before the verb (over
 * adverbs, auxiliaries, parentheses, ages and descriptions) or the name after it (“…, said Kim”); the
 * reported words after “that”, after a colon, in the clause after the verb, or before the verb when it
 * closes the clause. Undefined for agentless passives and for nouns that look like verbs (“their claims”).
 */
export function classifyMention(
  text: string,
  range: { start: number; end: number; words: Word[] },
  verb: { start: number; end: number; text: string },
  context: SubjectContext,
  quotationEnd: (offset: number) => number | undefined,
  quotationClosingBefore: (offset: number) => number | undefined,
): SpeakerMention | undefined {
  // "Smith tweeted: “…”": what follows the colon is what was said (to the end of the quotation it opens).
  const colonAfter = /^\s*:/.exec(text.slice(verb.end, verb.end + 4));
  const verbKey = key(verb.text);
  // "noting", "pointing out": a participle, whose subject may be a clause's before it.
  const participle = /^[\p{L}-]+ing\b/u.test(verbKey);
  const sentenceStart = range.words[0]?.start ?? range.start;
  const base: Pick<SpeakerMention, 'verbStart' | 'verbEnd' | 'verb' | 'speaker'> = { verbStart: verb.start, verbEnd: verb.end, verb: verbKey };

  // The source follows the phrase: "according to the ministry", "in the words of a Marxist historian".
  // The whole phrase to the end of its clause names the source ("according to a study last year by economists
  // at Duke University"): a shorter window would stop before the name that pins a vague noun down.
  if (verbKey === 'according to' || verbKey === 'in the words of') {
    const subject = wordsAfter(text, range, verb.end, MAX_SOURCE_PHRASE_WORDS);
    const kind = classifySubject(subject, sentenceStart, context);
    const phrase: [number, number] | undefined = subject.length > 0 ? [subject[0].start, subject[subject.length - 1].end] : undefined;
    return { ...base, kind, speaker: span(sourceHead(subject)), reported: [range.start, range.end], ...(phrase ? { sourcePhrase: phrase } : {}) };
  }
  // "As reported by the Ledger, the governor signed ...": the source follows "by", the words follow the comma.
  const by = PASSIVE_AS_CLAUSE.test(text.slice(range.start, verb.start)) ? /^\s+by\s/u.exec(text.slice(verb.end, verb.end + 5)) : null;
  if (by) {
    const source = wordsAfter(text, range, verb.end + by[0].length, MAX_SOURCE_PHRASE_WORDS);
    const last = source[source.length - 1];
    const comma = last ? /^\s*,\s*/u.exec(text.slice(last.end, range.end)) : null;
    if (last && comma) return { ...base, kind: classifySubject(source, sentenceStart, context), speaker: span(sourceHead(source)), reported: [last.end + comma[0].length, range.end], sourcePhrase: [source[0].start, last.end] };
  }

  let subject = withoutContraction(subjectBefore(text, range, verb.start));
  // A party or place in parentheses between the name and the verb: "state Sen. Jason Holsman (D) said".
  const parenthetical = subject.length === 0 ? /\([^()]{1,40}\)\s*(?:,\s*)?$/u.exec(text.slice(Math.max(range.start, verb.start - 48), verb.start)) : null;
  // (A comma after it closes the name only when no comma came before: "Gov. Ana Ruiz (D-CA), said", not
  // "A Fox poll, conducted with Shaw & Co. (R), shows".)
  const closesName = parenthetical !== null && (!parenthetical[0].trimEnd().endsWith(',') || !text.slice(range.start, verb.start - parenthetical[0].length).includes(','));
  if (parenthetical && closesName) subject = subjectBefore(text, range, verb.start - parenthetical[0].length);
  // ... or an aside between dashes: "As the Post — even the devil can quote statistics — observed".
  const aside = subject.length === 0 ? asideBefore(text.slice(Math.max(range.start, verb.start - 100), verb.start)) : 0;
  if (aside > 0) subject = subjectBefore(text, range, verb.start - aside);
  // "Ruiz downplayed the attack — something that split the party — and said ...": a second verb of the same subject.
  // ("... and on Monday announced": over the time words too, which the subject then holds alone.)
  const onlyTime = subject.length > 0 && leadingTimeWords(subject) === subject.length;
  let secondVerb = false;
  const joined = onlyTime ? range.words[range.words.indexOf(subject[0]) - 1] : subject[subject.length - 1];
  if (joined && (joined.lower === 'and' || joined.lower === 'but') && joined.end <= verb.start && (onlyTime || /^\s+(?:(?:also|then|later)\s+)?$/u.test(text.slice(joined.end, verb.start)))) {
    const clause = clauseSubjectWords(text, range, joined.start);
    // (With no such clause, the sentence's first words, as for a participle.)
    subject = clause.length > 0 ? clause : range.words.filter((word) => word.start < joined.start).slice(0, 5);
    secondVerb = true;
  }
  // "In addition to stating that …, Clinton has vowed": a participle in a phrase that opens the sentence is the
  // main clause's subject's, the name right after the phrase's comma, and what it reports ends at that comma: the
  // main clause is the reporter's ("After calling for cuts, the protests …").
  if (participle && FRONTED_PARTICIPLE.test(text.slice(range.start, verb.start))) {
    const comma = text.indexOf(',', verb.end);
    const fronted = comma >= 0 && comma < range.end ? nameAfterComma(text, range, comma) : [];
    const kind = fronted.length > 0 ? classifySubject(fronted, sentenceStart, context) : 'none';
    return kind === 'none' ? undefined : { ...base, kind, speaker: span(fronted), reported: [verb.end, comma] };
  }
  // "is said", "was described": a passive with no agent is not a source (the claim rule reads it).
  // ... but "are showing", "is saying" are progressive, not passive: the be-form goes with the subject.
  if (/ing$/u.test(verbKey) && subject.length > 1 && AUXILIARIES.has(subject[subject.length - 1].lower)) subject = subject.slice(0, -1);
  const nearest = subject[subject.length - 1];
  if (nearest && AUXILIARIES.has(nearest.lower)) return undefined;
  // "to say", "not said", "the states"; and before a form that is also a plural noun, a determiner,
  // possessive or number makes it the noun: "Four states will vote", "their claims", "its reports" (but
  // "the two said" has a speaker).
  if (nearest && (nearest.lower === 'to' || nearest.lower === 'not' || nearest.lower === 'the' || nearest.lower === 'a')) return undefined;
  if (nearest && /s$/.test(verbKey) && (NOUN_MARKERS.has(nearest.lower) || sets.numberWords.has(nearest.lower) || /^\d/.test(nearest.text))) return undefined;
  // ... or a possessive: "Ruiz's claims are false" (the noun speech-nouns.ts reads).
  if (nearest && /s$/.test(verbKey) && verbKey !== 'says' && /['\u2019]s?$/u.test(nearest.text) && isCapitalised(nearest.text)) return undefined;
  // ... or a number two words back, over a modifier: "the 11 battleground states" ("His campaign states that"
  // and "A 2011 email shows" have the verb).
  const marker = subject[subject.length - 2];
  if (marker && /s$/.test(verbKey) && verbKey !== 'says' && startsLower(nearest.text) && !looksLikeVerb(nearest.lower) && (sets.numberWords.has(marker.lower) || (/^\d/.test(marker.text) && !/^(?:19|20)\d\d$/u.test(marker.text)))) return undefined;
  // "Harbor Freight reports show", "FEC filings indicate": a noun before a document's verb.
  if (/s$/.test(verbKey) && verbKey !== 'says' && NOUN_BEFORE_EVIDENCE.test(text.slice(verb.end, verb.end + 14))) return undefined;
  // "claims of fraud", "reports of shelling": a noun before "of".
  // ("says of" is always the verb: "the actor says of the contest".)
  if (/s$/.test(verbKey) && verbKey !== 'says' && /^\s+of\b/u.test(text.slice(verb.end, verb.end + 4))) return undefined;
  while (subject.length > 0 && (SKIPPABLE_BEFORE_VERB.has(subject[subject.length - 1].lower) || isAdverb(subject[subject.length - 1]))) {
    subject = subject.slice(0, -1);
  }
  // ... also with an adverb between: "it was widely thought", "is now said".
  const auxiliary = subject[subject.length - 1];
  if (auxiliary && AUXILIARIES.has(auxiliary.lower)) return undefined;

  // "rallied supporters by warning that": the participle's subject is the clause's, not "supporters by".
  // ... and "The senator emailed supporters saying: …": over the clause's own verb, to its subject.
  if (participle && /^(?:by|while|after|before|when)$/u.test(subject[subject.length - 1]?.lower ?? '')) subject = [];
  else if (participle && subject.slice(1).some((word) => startsLower(word.text) && looksLikeVerb(word.lower) && word.lower !== 'to')) subject = clauseSubjectWords(text, range, verb.start);
  let inverted = false;
  if (subject.length === 0) {
    // "..., said Kim." or "calling them ...": the speaker follows, or is the sentence's subject.
    const after = wordsAfterTime(text, range, verb.end, 4);
    const appositive = appositiveBefore(text, range, verb);
    const opensSpeaker = (word: Word): boolean => isCapitalised(word.text) || sets.titles.has(word.lower);
    // "“…,” said a longtime adviser to the mayor": right after a quotation, whoever follows the verb speaks.
    const afterQuotation = /[,?!\u2014-]\s*["\u201d']{1,2}\s*$/u.test(text.slice(Math.max(range.start, verb.start - 6), verb.start));
    const modified =
      afterQuotation && after.length > 1 && (after[0].lower === 'a' || after[0].lower === 'an' || after[0].lower === 'one') ||
      after.length > 1 &&
      (SPEAKER_MODIFIERS.has(after[0].lower) || (hasLower(after[0].text[0]) && /["\u201d']\s*$/u.test(text.slice(Math.max(range.start, verb.start - 4), verb.start)))) &&
      (namesSomeone(after.slice(1, 3)) || context.anonymous.some((match) => match.start === after[0].start));
    // "..., said the company." closes its clause; "say the company will save ..." is not inverted.
    const closesClause = !wordsAfter(text, range, verb.end, 6).some((word) => word.lower === 'that' || (FINITE_AUXILIARIES as readonly string[]).includes(word.lower));
    // With a named subject before the verb ("The survey, conducted by ..., finds Clinton with a small lead"),
    // a name after it is the speaker only if the clause ends with it ("..., said Kim.").
    // ("..., shows Ruiz with 47 percent." runs on past the name, so Ruiz is what was shown.)
    const nameLength = after.findIndex((word) => !(isCapitalised(word.text) || sets.titles.has(word.lower)));
    const runsOn = appositive.length > 0 && wordsAfterTime(text, range, verb.end, 12).length > (nameLength < 0 ? after.length : nameLength);
    // "..., Okafor said in Lagos, noting the losses": a participle after a clause is its subject's.
    // ... or after "by", "while", "after": "Ruiz rallied supporters by warning that ...".
    const participleOf = participle && /(?:,|\s(?:by|while|after|before|when))\s*$/u.test(text.slice(range.start, verb.start)) ? clauseSubjectWords(text, range, verb.start) : [];
    if (participleOf.length > 0) {
      subject = participleOf;
    } else if (!runsOn && after.length > 0 && (opensSpeaker(after[0]) || modified || (after[0].lower === 'the' && closesClause && (appositive.length === 0 || namesSomeone(after.slice(1)))))) {
      subject = after;
      inverted = true;
    } else if (appositive.length > 0) {
      subject = appositive;
    } else if (/ing$/.test(verbKey) || verbKey === 'calls' || verbKey === 'called') {
      // "..., The Blaze’s Matt Walsh provided a justification, saying ...": the subject of the clause before the
      // participle, else the sentence's first words.
      const clause = clauseSubjectBefore(text, range, verb.start, (words) => ({ verbStart: 0, verbEnd: 0, verb: '', kind: 'named', speaker: [words[0].start, words[words.length - 1].end] }));
      subject = clause?.speaker ? range.words.filter((word) => word.start >= clause.speaker![0] && word.end <= clause.speaker![1]) : range.words.filter((word) => word.start < verb.start).slice(0, 5);
    }
  }
  let kind = classifySubject(subject, sentenceStart, context);
  // "The design stresses comfort", "The hall echoed with cheers": with these verbs an unnamed subject speaks
  // only if it is a person's role or a body ("the company stressed that ...").
  if (kind === 'generic' && sets.peopleOnlyVerbs.has(verbKey) && !(sets.titles.has(subject[subject.length - 1].lower) || sets.anonymousRoles.has(subject[subject.length - 1].lower))) return undefined;
  // "they found that ...", "it estimated that ...": researchers or a body the story named earlier report a
  // finding. With a verb of finding and its "that", "they" stands for someone even with no name right before
  // it; "they say" stays the weasel it often is.
  if (kind === 'none' && subject.length === 1 && (subject[0].lower === 'they' || subject[0].lower === 'it') && FINDING_VERBS.has(verbKey) && /^\s+that\b/u.test(text.slice(verb.end, verb.end + 6))) kind = 'pronoun';
  // "I think", "we believe", "do you think": the writer's own view or the reader's, not a source.
  if (FIRST_PERSON_BELIEF.has(verbKey) && subject.length > 0 && /^(?:i|we|you)$/u.test(subject[subject.length - 1].lower)) return undefined;
  // "think nothing of", "think twice": idioms, not belief.
  if (FORWARD_ONLY.has(verbKey) && /^\s+(?:nothing|twice|again|about|of|so|back|ahead|big|otherwise|aloud)\b/u.test(text.slice(verb.end, verb.end + 12))) return undefined;
  // "“…,” they argued": right after a quotation, "they" and "it" are the speakers the story has been quoting.
  if (kind === 'none' && subject.length === 1 && sets.pronounsNeedingAntecedent.has(subject[0].lower) && /[,?!\u2014-]\s*["\u201d']{1,2}\s*$/u.test(text.slice(Math.max(range.start, subject[0].start - 6), subject[0].start))) {
    // ... unless the quotation is a title ("Headlined “The Virus May Make Him Stronger,” it argues ...").
    const opened = quotationClosingBefore(subject[0].start);
    if (opened !== undefined && !isTitleCase(text.slice(opened, subject[0].start))) kind = 'pronoun';
  }
  if (kind === 'none') return { ...base, kind };
  // A vague group keeps its words and what it is made to say (`copydesk sources` lists it), but the
  // queries below never let it source anything.
  base.speaker = span(subject);

  // Reported content: after the verb ("said that ...") or, when the verb closes the clause, before it.
  // ... after the words that say when, where and to whom ("said at a news conference on Tuesday").
  const tail = wordsAfter(text, range, verb.end, MAX_CIRCUMSTANCE_WORDS);
  // (Only for a verb that follows a clause of its own: "Trump reported between $5,000 and $15,000" is not one.)
  // ("..., with no shelling reported on either side" is no speaker: a subject set off by a comma or a quotation.)
  const lead = subject.length > 0 ? text.slice(range.start, subject[0].start) : '';
  const follows = kind !== 'generic' && !PREPOSITIONS.has(subject[0]?.lower ?? 'of') && /[\p{L}\p{N}]/u.test(lead) && /[,"'\u201d]\s*$/u.test(lead);
  // "said — on Twitter, as it happens — that Trump raised $4 million": the aside is neither.
  const asideThat = thatAfterAside(text.slice(verb.end, Math.min(range.end, verb.end + 100)));
  if (asideThat !== undefined && !inverted) return { ...base, kind, reported: [verb.end + asideThat, range.end] };
  // ("showed at least 40 percent", "found about 300 cases": a figure's approximator, not a preposition of place.)
  const figureAhead = FIGURE_AHEAD.test(text.slice(verb.end, verb.end + 24));
  const circumstanceOnly = !figureAhead && onlyCircumstance(tail, verbKey, text.slice(tail[tail.length - 1]?.end ?? verb.end, range.end));
  const clauseEnd = follows && circumstanceOnly ? [] : wordsAfterTime(text, range, verb.end, 4);
  const clauseEndsAt = clauseEnd.length === 0 && tail.length > 0 ? tail[tail.length - 1].end : verb.end;
  const restOfSentence = range.words.slice(firstWordAt(range.words, verb.end));
  // "..., a spokesman told Reuters." ends the sentence: what came before is what was said. The speaker's
  // own words ("the Syrian regime") are not part of it.
  const toldAudience = ['told', 'tells', 'telling'].includes(verbKey) && restOfSentence.length <= 3 && !restOfSentence.some((word) => word.lower === 'that');
  if (colonAfter && !inverted) return { ...base, kind, reported: [verb.end + colonAfter[0].length, quotationEnd(verb.end + colonAfter[0].length) ?? range.end] };
  // "The trouble, Frank writes, began in the 1970s": an attribution set off by commas inside the sentence
  // stands for all of it.
  if (FORWARD_ONLY.has(verbKey) && (inverted || clauseEnd.length === 0)) return { ...base, kind, reported: [verb.end, verb.end] };
  const setOff = !inverted && clauseEnd.length === 0 && subject.length > 0 && /^\s*,\s*(?=\S)(?![\p{L}-]+ing\b)/u.test(text.slice(clauseEndsAt, clauseEndsAt + 24)) && /,\s*$/u.test(text.slice(Math.max(range.start, subject[0].start - 3), subject[0].start)) && restOfSentence.length > 0;
  if (setOff) return { ...base, kind, reported: [range.start, range.end] };
  // The clause before a second verb is what the speaker did, not what they said: "… brought up the ferry and said, “…”".
  if (secondVerb && restOfSentence.length > 0) return { ...base, kind, reported: [verb.end, range.end] };
  if (inverted || clauseEnd.length === 0 || toldAudience) {
    const speakerStart = inverted ? verb.start : Math.min(verb.start, subject[0]?.start ?? verb.start);
    // "As the Chronicle noted, the mayor raised ...": what follows the comma is what was noted.
    const asClause = inverted ? undefined : afterAsClause(text.slice(range.start, verb.start), text.slice(clauseEndsAt, range.end));
    if (asClause !== undefined) return { ...base, kind, reported: [clauseEndsAt + asClause, range.end] };
    // "Leahy previously reported, The Foundation refused to ...": with nothing before the speaker, the words after the comma.
    const afterComma = inverted || /[\p{L}\p{N}]/u.test(text.slice(range.start, speakerStart)) ? null : /^\s*,\s+(?:(?:however|though|too|also|again|in fact|for example|for instance)\s*,\s+)?(?=[\p{L}])/u.exec(text.slice(clauseEndsAt, range.end));
    if (afterComma) return { ...base, kind, reported: [clauseEndsAt + afterComma[0].length, range.end] };
    // "Floods: “We lost everything,” said Ana Ruiz": what was said is the quotation that closes before the verb.
    const closing = quotationClosingBefore(Math.min(speakerStart, verb.start));
    // A quotation that ends a paraphrase is part of it: in "The early states hold 4% of the delegates, while
    // the later ones “better reflect the party,” Mook wrote", all of it is Mook's. Not after a label ("Floods:
    // “…,” said Ana Ruiz") or another quotation, which may be someone else's.
    const lead = closing === undefined ? '' : text.slice(range.start, closing);
    if (closing !== undefined && /[\p{L}\p{N}]/u.test(lead) && !/:\s*$/u.test(lead) && !/["\u201c\u201d]|''/u.test(lead)) return { ...base, kind, reported: [range.start, speakerStart] };
    if (closing !== undefined) return { ...base, kind, reported: [closing, speakerStart] };
    return { ...base, kind, reported: [range.start, speakerStart] };
  }
  const following = restOfSentence.slice(0, 7);
  // "said that ...", "told reporters on Tuesday that ...": "that" opens the speech only after an audience or a
  // time; in "said the crews came twice that week" it is part of it.
  const thatAt = following.findIndex((word) => word.lower === 'that');
  const beforeThat = following.slice(0, Math.max(0, thatAt));
  const audienceOrTime =
    // ("warning darkly that": a manner adverb.)
    beforeThat.every((word) => BEFORE_THAT.has(word.lower) || isCapitalised(word.text) || /^\d/.test(word.text) || /^\p{Ll}{3,}ly$/u.test(word.text)) ||
    // "announced to the world that", "claiming on national television that": a phrase a preposition opens.
    (PREPOSITIONS.has(beforeThat[0]?.lower ?? '') && !beforeThat.some((word) => (FINITE_AUXILIARIES as readonly string[]).includes(word.lower)));
  const that = thatAt >= 0 && audienceOrTime ? following[thatAt] : undefined;
  if (that) return { ...base, kind, reported: [that.start, range.end] };
  // "Miller said pleasantly into the phone." opens its sentence: the speaker stands for all of it, as after
  // "said at a rally" below, and no words of it are reported.
  if (circumstanceOnly) return { ...base, kind };
  // "said on Friday he had sold the boats", "said in an interview the county would hire": the words start after when and where.
  const clauseAt = following[0] && PREPOSITIONS.has(following[0].lower) ? clauseAfterCircumstance(tail, verbKey, text, range.end) : undefined;
  if (clauseAt !== undefined) return { ...base, kind, reported: [tail[clauseAt].start, range.end] };
  if (following[0] && (!PREPOSITIONS.has(following[0].lower) || figureAhead)) {
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
