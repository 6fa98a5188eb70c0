/**
 * Speakers of quotations that no reporting verb claims: a verb that attributes only beside a quotation,
 * the subject of the clause that holds a quotation, a name and a verb right after one, a speaker before a
 * colon that opens one.
 */
import { sets } from '../vocabulary';
import type { SpeakerMention, Word } from './model';
import { isSource } from './speakers';
import { classifySubject, clauseSubjectBefore, looksLikeVerb, MAX_SUBJECT_WORDS, span, type SubjectContext } from './subjects';
import { COMMON_CAPITALISED, firstWordAt, isCapitalised, OPENING_CONJUNCTIONS, PREPOSITIONS } from './word-classes';
import { isDayOrMonth } from './time-words';
import { allLower, startsLower } from '../letters';

// Capitalised common words that never stand for a surname after a quotation: determiners, pronouns, conjunctions.
const NEVER_SURNAMES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'one', 'some', 'many', 'most', 'all', 'both', 'each', 'who', 'which', 'what', 'and', 'but', 'or', 'so', 'if', 'as', 'then', 'there', 'here']);

// "beamed", "says": a verb form right after a quotation (compiled once: see ../letters).
const PAST_OR_PRESENT_VERB = /^\p{Ll}+(?:ed|s)$/u;

/**
 * Whether a quotation-only verb stands beside a quotation: right after one and its speaker ("“…,” he
 * continued", "“…?” reacted Trump"), right before a colon that opens one ("Pence went on: “…”"), or at the
 * end of a sentence the next opens with one ("Ruiz agreed. “…”").
 */
export function besideQuotation(text: string, verb: { start: number; end: number }): boolean {
  if (/^\s*:\s*["\u201c\u2018']/u.test(text.slice(verb.end, verb.end + 8))) return true;
  // "Ruiz agreed. “…”": the verb ends its sentence and a quotation opens the next.
  if (/^\.\s+(?:["\u201c]|'')/u.test(text.slice(verb.end, verb.end + 6))) return true;
  const before = text.slice(Math.max(0, verb.start - 80), verb.start);
  // (The speaker may be described between commas: "“…,” Tom Okafor, the former mayor of Fresno, proclaimed".)
  return /[,?!.\u2026\u2014-]\s*["\u201d\u2019']\s*(?:[\p{L}\p{N}.'\u2019-]+\s+){0,6}$/u.test(before) || /[,?!]\s*["\u201d]\s*(?:\p{Lu}[\p{L}.'\u2019-]*\s+){1,4}\p{Lu}?[\p{L}.'\u2019-]*,\s+[^,"\u201c\u201d]{3,60},\s+$/u.test(before);
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
  // "The Holocaust Memorial Museum ...": the article before a name.
  const article = range.words[from];
  if (article && article.lower === 'the' && range.words[from + 1] && isCapitalised(range.words[from + 1].text) && !COMMON_CAPITALISED.has(range.words[from + 1].lower)) from++;
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
export function quotationSpeakers(
  text: string,
  range: { start: number; end: number; words: Word[] },
  quoteSpans: ReadonlyArray<{ start: number; end: number; innerEnd: number }>,
  context: SubjectContext,
): SpeakerMention[] {
  const first = range.words[0];
  if (!first || quoteSpans.length === 0) return [];
  const found: SpeakerMention[] = [];
  const speaker = (subject: Word[], verb: Word): SpeakerMention | undefined => {
    const last = subject[subject.length - 1];
    if (subject.length === 1 && subject[0] === first && !openingWordNames(text, last, context.knownSources)) return undefined;
    const kind = classifySubject(subject, first.start, context);
    if (!isSource(kind)) return undefined;
    return { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind, speaker: span(subject) };
  };
  const inner = quoteSpans.filter((quote) => quote.start > first.end);
  // A sentence that opens inside a quotation has no subject of its own there: "She" of "“She lied,” Smith said".
  const opensQuoted = quoteSpans.some((quote) => quote.start <= first.start && first.end <= quote.end);
  if (inner.length > 0 && !opensQuoted) {
    const subject = openingSubject(text, range, range.end);
    const last = subject[subject.length - 1];
    // A short aside between subject and verb ("Huckabee, for his part, is labeling ...") is stepped over.
    const aside = last ? /^,\s[^,"\u201c]{1,30},\s/u.exec(text.slice(last.end, last.end + 36)) : null;
    const verbFrom = last ? last.end + (aside?.[0].length ?? 0) : 0;
    // ... and so is an adverb before the verb: "Fiorina routinely characterizes herself as a “change warrior”".
    let verbAt = last ? range.words.findIndex((word) => word.start >= verbFrom) : -1;
    while (verbAt >= 0 && /^\p{Ll}{3,}ly$/u.test(range.words[verbAt]?.text ?? '') && range.words[verbAt + 1] && /^\s+$/u.test(text.slice(range.words[verbAt].end, range.words[verbAt + 1].start))) verbAt++;
    const adverbFirst = verbAt >= 0 && last !== undefined && range.words[verbAt].start > verbFrom && /ly\s+$/u.test(text.slice(verbFrom, range.words[verbAt].start));
    const verb = verbAt >= 0 ? range.words[verbAt] : undefined;
    // The predicate follows the subject directly: a quotation inside an appositive ("Shoigu, one of two men
    // running the “special military operation”, ...") is not handed to the subject.
    // ... and reads as a verb: "Foreign reporters were taken" has no subject named here.
    // (After an adverb a form in -s is the verb too: "Ruiz routinely characterizes".)
    const verbLike = verb !== undefined && (sets.pronounsAlways.has(last.lower) || looksLikeVerb(verb.lower) || ((subject.length >= 2 || adverbFirst) && /s$/u.test(verb.lower)));
    const direct = verb && verbLike && startsLower(verb.text) && !/[,;:()"\u201c\u2014]/u.test(text.slice(verbFrom, verb.start)) ? speaker(subject, verb) : undefined;
    const clause = direct ?? clauseSubjectBefore(text, range, inner[0].start, speaker);
    if (clause) found.push(clause);
  }
  for (const quote of quoteSpans) {
    const signed = signatureAfter(text, quote.end);
    if (signed) {
      const mention = speaker(signed.name, signed.dash);
      if (mention) found.push(mention);
      continue;
    }
    if (!/[,?!]\s*$/u.test(text.slice(quote.start, quote.innerEnd))) continue;
    const from = firstWordAt(range.words, quote.end);
    const after = range.words.slice(from, from + 5);
    const names: Word[] = [];
    for (const word of after) {
      if (!(isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower)) && !(names.length === 0 && sets.pronounsAlways.has(word.lower))) break;
      names.push(word);
      if (sets.pronounsAlways.has(word.lower)) break;
    }
    // "“This is fantastic!” beamed Donald Hartley": a verb, then the name.
    if (names.length === 0 && after.length > 1 && PAST_OR_PRESENT_VERB.test(after[0].text) && isCapitalised(after[1].text) && !COMMON_CAPITALISED.has(after[1].lower) && /^\s+$/u.test(text.slice(quote.end, after[0].start))) {
      const name: Word[] = [];
      for (const word of after.slice(1)) {
        if (!isCapitalised(word.text) || COMMON_CAPITALISED.has(word.lower)) break;
        name.push(word);
      }
      const inverted = speaker(name, after[0]);
      if (inverted) found.push(inverted);
      continue;
    }
    // "“…,” From said", "“…,” Long said": after the quotation's comma a capitalised common word before "said" is a
    // surname (no sentence starts there), unless it is a determiner or a pronoun.
    if (names.length === 0 && after.length > 1 && isCapitalised(after[0].text) && !NEVER_SURNAMES.has(after[0].lower) && allLower(after[1].text) && sets.reportingWords.has(after[1].lower) && /^\s+$/u.test(text.slice(after[0].end, after[1].start))) {
      found.push({ verbStart: after[1].start, verbEnd: after[1].end, verb: after[1].lower, kind: 'named', speaker: span([after[0]]) });
      continue;
    }
    const verb = after[names.length];
    if (names.length === 0 || !verb || !allLower(verb.text) || /[,;:()]/u.test(text.slice(names[names.length - 1].end, verb.start))) continue;
    const trailing = speaker(names, verb);
    if (trailing) found.push(trailing);
  }
  return found;
}

// The dashes a quotation is signed with: horizontal bar, em and en dash, and their typed stand-ins.
const SIGNATURE_DASH = '[\\u2015\\u2014\\u2013]|--?';
const SIGNATURE_DASH_ONLY = new RegExp(`^(?:${SIGNATURE_DASH})$`, 'u');
/** Whether a cue is a signature's dash (see `signatureAfter`): the quotation before it is speech. */
export const isSignatureDash = (cue: string): boolean => SIGNATURE_DASH_ONLY.test(cue);
// A dash and a name after a quotation, ending its line or sentence: "“…” ― Ana Ruiz", "“…” — Tomas Vidal, 44."
const SIGNATURE = new RegExp(String.raw`^[ \t]*(${SIGNATURE_DASH})[ \t]*((?:\p{Lu}[\p{L}'\u2019-]*\.?[ \t]+){0,3}\p{Lu}[\p{L}'\u2019-]*\.?)(?=[ \t]*(?:$|\n|[,.;(]|[ \t]+[\u201c"]))`, 'u');

/** The name a quotation is signed with, as letters pages and social-media round-ups print it. */
/**
 * Whether a whole paragraph is a signature: a dash and a name, perhaps with a short description ("- Ana Ruiz.",
 * "—Mayor Ana Ruiz, speaking in Fresno."). A quotation paragraph right above it is that person's.
 */
export function isSignatureLine(paragraph: string): boolean {
  if (paragraph.length > 160) return false;
  const signed = signatureAfter(paragraph, 0);
  // "- Tuesday, March 3." dates the piece; it signs nothing.
  if (!signed || signed.name.some((word) => isDayOrMonth(word.lower))) return false;
  const rest = paragraph.slice(signed.name[signed.name.length - 1].end);
  return /^\.?\s*(?:,[^\n"\u201c\u201d]{0,100})?$/u.test(rest);
}

function signatureAfter(text: string, quoteEnd: number): { dash: Word; name: Word[] } | undefined {
  const match = SIGNATURE.exec(text.slice(quoteEnd, quoteEnd + 80));
  if (!match) return undefined;
  const dashStart = quoteEnd + match[0].indexOf(match[1]);
  const nameStart = quoteEnd + match[0].length - match[2].length;
  const name: Word[] = [];
  for (const part of match[2].matchAll(/\S+/gu)) {
    const word = part[0].replace(/\.$/u, '');
    name.push({ text: word, lower: word.toLowerCase(), start: nameStart + part.index, end: nameStart + part.index + word.length });
  }
  if (name.some((word) => COMMON_CAPITALISED.has(word.lower))) return undefined;
  return { dash: { text: match[1], lower: match[1], start: dashStart, end: dashStart + match[1].length }, name };
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
  // A possessive is no plural: "Hoff’s letter".
  return !/s$/u.test(word.lower) || /['\u2019]s$/u.test(word.text) || capitalisedElsewhere(text, word);
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

// Before a name that introduces a quotation: a role ("pollster Daron Shaw"), a verb ("surprise Daron Shaw"), "from".
const NOT_BEFORE_INTRODUCER = new Set(['in', 'on', 'at', 'to', 'for', 'of', 'with', 'into', 'about', 'over', 'under', 'against', 'than', 'as', 'like', 'near', 'across', 'toward', 'towards']);

/**
 * The name that stands right before a colon opening a quotation ("Daron Shaw" of "... pollster Daron Shaw:
 * “…”", "Blumenthal and Cohen" of "More from Blumenthal and Cohen: “…”"): capitalised words only, up to
 * five, "and" between them; none after "in", "on", "to" and the like, where the name is a place or an
 * object ("the mood in Des Moines: “…”").
 */
function nameBeforeColon(text: string, range: { words: Word[] }, colon: number): Word[] {
  const words = range.words.slice(0, firstWordAt(range.words, colon));
  const name: Word[] = [];
  for (let index = words.length - 1; index >= 0 && name.length < 5; index--) {
    const word = words[index];
    const gap = text.slice(word.end, name[0]?.start ?? colon);
    if (!/^[\s.]*$/u.test(gap)) break;
    const joins = word.lower === 'and' && name.length > 0;
    if (!joins && !(isCapitalised(word.text) && !COMMON_CAPITALISED.has(word.lower))) break;
    name.unshift(word);
  }
  if (name[0]?.lower === 'and') name.shift();
  if (name.length === 0) return [];
  const before = words[words.indexOf(name[0]) - 1];
  return before !== undefined && NOT_BEFORE_INTRODUCER.has(before.lower) ? [] : name;
}

/**
 * A speaker named before a colon that opens a quotation, with no reporting verb of their own: "Rep. Trey
 * Gowdy (R-S.C.): “…”", "Clinton has since apologized: “…”". The sentence's subject, if it names someone.
 */
export function colonSpeaker(
  text: string,
  range: { start: number; end: number; words: Word[] },
  mentions: readonly SpeakerMention[],
  insideQuote: (offset: number) => boolean,
  context: SubjectContext,
  quotationEnd: (offset: number) => number | undefined,
): SpeakerMention | undefined {
  // Most sentences hold no colon at all.
  const firstColon = text.indexOf(':', range.start);
  if (firstColon < 0 || firstColon >= range.end) return undefined;
  const sentence = text.slice(range.start, range.end);
  // A paragraph that ends on a colon introduces what comes below: its speaker is the subject of the clause
  // before the colon ("... Donald Trump issued the following statement:").
  // (Only the paragraph's last sentence can hold it: the test reads the end of the text, not all of it.)
  const finalColon = range.end >= text.length - 2 ? /:\s*$/u.exec(text.slice(range.start)) : null;
  if (finalColon && !mentions.some((mention) => mention.kind !== 'none')) {
    const at = range.start + finalColon.index;
    return clauseSubjectBefore(text, range, at, (subject, verb) => {
      const kind = classifySubject(subject, range.words[0]?.start ?? range.start, context);
      return !isSource(kind) ? undefined : { verbStart: verb.start, verbEnd: verb.end, verb: verb.lower, kind, speaker: span(subject), reported: [at + 1, at + 1] };
    });
  }
  // A quotation after the colon, or a speaker's label heading the sentence ("Clinton: Trump's view is
  // 'dangerously wrong'", as headlines write it): the words after the colon are the speaker's.
  const match = /:\s*(?:["\u201c]|'')/u.exec(sentence) ?? /^[^:]{1,60}:\s/u.exec(sentence);
  if (!match) return undefined;
  const colon = range.start + (match[0].endsWith(' ') && !/["\u201c']/u.test(match[0]) ? match[0].lastIndexOf(':') : match.index);
  if (insideQuote(colon) || mentions.some((mention) => mention.verbStart < colon && mention.kind !== 'none')) return undefined;
  // "Floods: “We lost everything,” said Ana Ruiz": a speaker named with a verb owns the quotation already.
  const opened = quotationEnd(colon + 1);
  if (opened !== undefined && mentions.some((mention) => mention.reported !== undefined && mention.reported[0] <= colon + 1 && mention.reported[1] >= opened - 1)) return undefined;
  const opening = openingSubject(text, range, colon);
  const label = !/:\s*(?:["\u201c]|'')/u.test(text.slice(colon, colon + 4));
  // "... doesn’t surprise Republican pollster Daron Shaw: “…”", "More from Blumenthal and Cohen: “…”": a name
  // right before a colon that opens a quotation introduces it, wherever the sentence's subject is.
  // After a dash the name starts afresh: "Pollsters agree - Carl Bialik: “…”".
  const introducer = label ? [] : nameBeforeColon(text, range, colon);
  const afterDash = introducer.length > 0 && opening.length > 0 && /\s[-\u2013\u2014]\s*$|\u2014$/u.test(text.slice(opening[opening.length - 1].end, introducer[0].start));
  const subject = introducer.length > 0 && (opening.length === 0 || afterDash) ? introducer : opening;
  // A label is the subject and nothing else before the colon, and not one of the line labels ("Update:").
  // It must head a quotation somewhere after it: "Intro: the regime fell." is a note in the draft, not speech.
  if (label && !/\s(?:["\u201c\u2018']|'')\p{L}/u.test(text.slice(colon, range.end))) return undefined;
  if (label && (subject.length === 0 || !/^\s*$/u.test(text.slice(subject[subject.length - 1].end, colon)) || subject.some((word) => sets.lineLabels.has(word.lower)))) return undefined;
  if (subject.length === 1 && subject[0] === range.words[0] && !openingWordNames(text, subject[0], context.knownSources)) return undefined;
  if (subject.length === 0 || PREPOSITIONS.has(subject[0].lower)) return undefined;
  const kind = classifySubject(subject, range.words[0]?.start ?? range.start, context);
  if (kind === 'none') return undefined;
  return { verbStart: colon, verbEnd: colon + 1, verb: ':', kind, speaker: span(subject), reported: [colon + 1, quotationEnd(colon + 1) ?? range.end] };
}

// Words that may open a sentence before its subject: "But Okafor shook her head", "Then she paused".
const BEFORE_SUBJECT = new Set(['but', 'and', 'then', 'later', 'still', 'so']);

/**
 * Whether a sentence is an action beat: a person (a name, "he" or "she") does something, and a quotation
 * standing as the next sentence is theirs by news convention ("Betsy Ruiz shook her head. “It was never
 * about the money.”"). A thing or a place ("The ferry was cancelled again.", "In Fresno, ...") is none, and one
 * capitalised word is a name only if the paragraph capitalises it mid-sentence too, or knows it as a source
 * ("Inflation fell ..." and "Protesters gathered ..." are no beats).
 */
export function isActionBeat(text: string, words: readonly Word[], knownSourceAt: (start: number, end: number) => boolean): boolean {
  let at = 0;
  while (at < words.length && BEFORE_SUBJECT.has(words[at].lower)) at++;
  const first = words[at];
  if (first === undefined) return false;
  if (first.lower === 'he' || first.lower === 'she') return words[at + 1] !== undefined && startsLower(words[at + 1].text);
  let end = at;
  while (end < words.length && isCapitalised(words[end].text)) end++;
  const name = words.slice(at, end);
  const next = words[end];
  return (
    name.length > 0 &&
    name.length <= MAX_SUBJECT_WORDS &&
    name.some((word) => !COMMON_CAPITALISED.has(word.lower) && !isDayOrMonth(word.lower)) &&
    (name.length > 1 || knownSourceAt(first.start, first.end) || (!sets.commonSubjects.has(first.lower) && capitalisedElsewhere(text, first))) &&
    !COMMON_CAPITALISED.has(name[0].lower) &&
    next !== undefined &&
    startsLower(next.text) &&
    !PREPOSITIONS.has(next.lower) &&
    next.lower !== 'of'
  );
}
