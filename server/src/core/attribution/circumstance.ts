/**
 * What may follow a verb of saying without being what was said: where, how and to whom it was said ("said
 * at a news conference on Tuesday", "told the committee in a letter", "wrote in an email to staff"). When
 * only such words stand between the verb and the end of its clause, the verb closes the clause and the
 * speaker's words are the ones before it: "The plan failed, Ruiz said at a rally in Fresno."
 */
import { FINITE_AUXILIARIES } from '../patterns';
import type { Word } from './model';
import { leadingTimeWords } from './time-words';

// Prepositions that open where, how or when something was said.
const CIRCUMSTANCE_PREPOSITIONS = new Set([
  'in', 'at', 'on', 'during', 'after', 'before', 'to', 'with', 'from', 'via', 'through', 'outside', 'inside', 'near',
  'over', 'by', 'while', 'ahead', 'of', 'for', 'under', 'across', 'aboard', 'between', 'behind', 'into', 'following',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'these', 'those', 'our', 'my', 'your', 'one', 'another']);
// Words that start a clause of the speaker's own: "said in an interview he would run", "said at a rally that".
const CLAUSE_WORDS = new Set<string>([...FINITE_AUXILIARIES, 'that', 'whether', 'if', 'he', 'she', 'they', 'we', 'i', 'it', 'there', 'said', 'says', 'told']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'them', 'us', 'you']);
// Audiences that take no article and no plural: "wrote in an email to staff".
const BARE_AUDIENCES = new Set(['staff', 'press', 'media', 'congress', 'parliament', 'police', 'camera', 'management']);
/** Verbs whose first words after them name an audience ("told reporters", "tells CNN"). */
export const AUDIENCE_VERBS = new Set(['told', 'tells', 'tell', 'telling']);

/** The longest run of circumstance words this module reads after a verb. */
export const MAX_CIRCUMSTANCE_WORDS = 14;

/** How many words at the start of `words` name an audience: "reporters", "the committee", "The Associated Press", "him". */
function audienceWords(words: readonly Word[]): number {
  const first = words[0];
  if (first === undefined) return 0;
  if (OBJECT_PRONOUNS.has(first.lower)) return 1;
  let at = 0;
  if (/^\p{Lu}/u.test(first.text)) {
    while (at < words.length && (/^\p{Lu}/u.test(words[at].text) || (at > 0 && words[at].lower === 'of'))) at++;
    return at;
  }
  if (DETERMINERS.has(first.lower)) at = 1;
  // A determiner's noun and what qualifies it, up to the next preposition: "the House intelligence committee".
  while (at < words.length && at < 5 && !CIRCUMSTANCE_PREPOSITIONS.has(words[at].lower) && !DETERMINERS.has(words[at].lower) && !CLAUSE_WORDS.has(words[at].lower)) at++;
  return at;
}

/**
 * Whether `words` (the words after a verb, up to the end of its clause) say only when, where, how or to
 * whom: time words, then phrases a preposition opens ("at a news conference on Tuesday"), after an audience
 * for "told". A determiner must follow a preposition (in "said on Tuesday the plan failed" the clause starts at
 * "the"), and no word may start a clause ("he", "would", "that") or read as a past verb. `after` is the text
 * after the last of the words, to the end of the sentence.
 */
export function onlyCircumstance(words: readonly Word[], verb: string, after = ''): boolean {
  if (words.length === 0 || words.length >= MAX_CIRCUMSTANCE_WORDS) return false;
  // The clause must end there, at a stop, a comma or a dash: a quotation after "to" goes on ("vowed to “take our fight”").
  if (!/^\s*(?:[.,;:!?)\u2014\u2013]|--|$)/u.test(after)) return false;
  if (CIRCUMSTANCE_PREPOSITIONS.has(words[words.length - 1].lower)) return false;
  let at = leadingTimeWords(words);
  if (AUDIENCE_VERBS.has(verb)) at += audienceWords(words.slice(at));
  at += leadingTimeWords(words.slice(at));
  // ... and how: "said pleasantly into the phone", "wrote angrily".
  while (at < words.length && /^\p{Ll}{3,}ly$/u.test(words[at].text) && words[at].lower !== 'only' && words[at].lower !== 'early') at++;
  if (at < words.length && !CIRCUMSTANCE_PREPOSITIONS.has(words[at].lower)) return false;
  for (let index = at; index < words.length; index++) {
    const word = words[index];
    const previous = words[index - 1]?.lower ?? '';
    if (CLAUSE_WORDS.has(word.lower)) return false;
    if (DETERMINERS.has(word.lower) && !CIRCUMSTANCE_PREPOSITIONS.has(previous)) return false;
    // "at a crowded rally" has an adjective; "at a rally organized by the union" a clause of its own.
    if (/ed$/u.test(word.lower) && !DETERMINERS.has(previous)) return false;
    // "to" opens an audience or a place ("to reporters", "to the committee"), not a plan ("pledged to ban").
    if (previous === 'to' && !(DETERMINERS.has(word.lower) || OBJECT_PRONOUNS.has(word.lower) || BARE_AUDIENCES.has(word.lower) || /^[\p{Lu}\p{N}]/u.test(word.text) || /s$/u.test(word.lower))) return false;
  }
  return true;
}

// ", but" and the like, then a new subject: the start of a clause in the reporter's voice.
// A dash then "an ..." is the reporter's comment on what was said: "accused the majority of weaponizing the First
// Amendment — an unconscionable position".
export const REPORTERS_CLAUSE = /,\s+(?:but|yet|whereas|although|though)\s+(?=(?:the|a|an|this|these|those|his|her|its|their|he|she|they|it|we|i|you|there)\b|\p{Lu})|\s[\u2014\u2013]\s*(?=(?:a|an)\s)|\s--\s(?=(?:a|an)\s)/u;

// An approximator then a number right after the verb: "at least 40", "about $3 million", "over 6,000", "up to 30,000".
export const FIGURE_AHEAD = /^\s+(?:at\s+least|about|around|over|under|up\s+to|nearly|almost|roughly)\s+[$\u20ac\u00a3]?\d/u;

// A clause after a verb: a finite verb within a few words ("the talks had failed", "it would appeal").
export const CLAUSE_AHEAD = new RegExp(
  "^\\s*(?:[\\p{L}\\p{N}'\\u2019.,-]+\\s+){0,8}?(?:" +
    [...FINITE_AUXILIARIES, ...['won', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn', 'didn', 'doesn', 'don', 'can', 'couldn', 'wouldn'].map((stem) => `${stem}['\\u2019]t`)].join('|') +
    ')\\b',
  'iu',
);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/**
 * Where the speaker's words start after when, where and how they were said, with no "that": in "said on
 * Friday he had sold the boats" and "said in an interview the county would hire", at "he" and "the". The
 * clause must read as one: a subject pronoun, or a finite verb within a few words. `words` are those after
 * the verb, to the end of its clause, in `text`, whose sentence ends at `end`; the result is an index into them, or undefined.
 */
export function clauseAfterCircumstance(words: readonly Word[], verb: string, text: string, end: number): number | undefined {
  let at = leadingTimeWords(words);
  if (AUDIENCE_VERBS.has(verb)) at += audienceWords(words.slice(at));
  at += leadingTimeWords(words.slice(at));
  while (at < words.length && CIRCUMSTANCE_PREPOSITIONS.has(words[at].lower) && words[at].lower !== 'to') {
    at++;
    if (at < words.length && DETERMINERS.has(words[at].lower)) at++;
    // The phrase's noun and what qualifies it, up to the next preposition, determiner or clause word: "at a rally in Texas".
    while (at < words.length && !CIRCUMSTANCE_PREPOSITIONS.has(words[at].lower) && !DETERMINERS.has(words[at].lower) && !CLAUSE_WORDS.has(words[at].lower) && !SUBJECT_PRONOUNS.has(words[at].lower)) at++;
    at += leadingTimeWords(words.slice(at));
  }
  const start = words[at];
  if (at === 0 || start === undefined || !(SUBJECT_PRONOUNS.has(start.lower) || DETERMINERS.has(start.lower))) return undefined;
  return SUBJECT_PRONOUNS.has(start.lower) || CLAUSE_AHEAD.test(text.slice(start.start, end)) ? at : undefined;
}

// The "as" that opens a reporting clause ("As the Chronicle noted", "And as reported by").
const AS_OPENING = String.raw`^\s*(?:(?:and|but|just|so)\s+)?as\s+`;
// ... then the speaker, up to its verb, with no clause break.
const AS_SPEAKER_VERB = new RegExp(String.raw`${AS_OPENING}(?:[^\s,;:()\u2014\u2013]+\s+){0,7}$`, 'iu');

/**
 * Where the speaker's words start in a sentence an "as"-clause opens: "As the Chronicle noted, the mayor raised
 * $1.1 million" reports all that follows the comma. `lead` is the text from the sentence's start to the
 * verb, `after` the text from the end of the verb's clause; the result is the offset in `after` where the
 * reported words start, or undefined.
 */
export function afterAsClause(lead: string, after: string): number | undefined {
  // The lead runs to the verb: "As " and the speaker ("As the Chronicle noted"), with no clause break.
  if (!AS_SPEAKER_VERB.test(lead)) return undefined;
  const comma = /^\s*,\s*/u.exec(after);
  return comma ? comma[0].length : undefined;
}

/** "As reported by", "as first noted by": a passive "as"-clause that names its source after "by". */
export const PASSIVE_AS_CLAUSE = new RegExp(String.raw`${AS_OPENING}(?:(?:first|previously|earlier|originally|also|was|has\s+been|had\s+been)\s+)*$`, 'iu');

// An aside set off by a pair of dashes: "— even the devil can quote statistics —", " -- on Twitter -- ".
const DASH = String.raw`(?:[\u2014\u2013]|\s--?\s)`;
const ASIDE_BEFORE = new RegExp(String.raw`\s*${DASH}\s*[^\u2014\u2013]{1,80}?\s*${DASH}\s*$`, 'u');
const THAT_AFTER_ASIDE = new RegExp(String.raw`^\s*${DASH}\s*[^\u2014\u2013]{1,80}?\s*${DASH}\s*(?=that\s)`, 'u');
// ... or between commas: "saying, apparently for the first time, that", "said, however, that".
const THAT_AFTER_COMMA_ASIDE = /^\s*,\s*[^,;:"\u201c\u201d\u2014\u2013]{1,60}?,\s*(?=that\s)/u;

/** The length of a dash aside that ends right before a verb ("As the Post — even the devil can quote it — observed"), or 0. */
export function asideBefore(before: string): number {
  return ASIDE_BEFORE.exec(before)?.[0].length ?? 0;
}

/** Where "that" starts in `after` when an aside between dashes or commas stands between a verb and it ("said — on Twitter, as it happens — that", "said, however, that"). */
export function thatAfterAside(after: string): number | undefined {
  return (THAT_AFTER_ASIDE.exec(after) ?? THAT_AFTER_COMMA_ASIDE.exec(after))?.[0].length;
}
