/**
 * Plans and promises: what a named speaker (or unnamed officials) intend, expect or want, read off an intention
 * verb ("Trump has promised to deport 11 million people"). The figures of a plan are its owner's; its wording
 * stays the reporter's (see attribution.yml, `intention_verbs`).
 */
import { key, sets } from '../vocabulary';
import type { SpeakerMention, Word } from './model';
import { appositiveBefore, FIRST_PERSON_BELIEF } from './speakers';
import { AUXILIARIES, classifySubject, isAdverb, SKIPPABLE_BEFORE_VERB, span, subjectBefore, withoutContraction, type SubjectContext } from './subjects';
import { isCapitalised } from './word-classes';

// After a form in -s, a verb of its own: a be-form or auxiliary, or a past form with its object ("hailed the ruling").
const PLURAL_BEFORE_VERB = /^\s+(?:were|are|have|had|will|would|\p{Ll}+ed\s+(?:the|a|an|his|her|their|its|this|that|these|those)\b)/u;

/**
 * A named speaker's plan or promise: "Trump has promised to deport 11 million people". The subject must
 * stand right before the verb (after adverbs and auxiliaries) and name someone; what follows the verb is
 * what they intend, and its wording is the reporter's (`wording: null`), so labels in it are still flagged.
 */
export function intentionMention(
  text: string,
  range: { start: number; end: number; words: Word[] },
  verb: { start: number; end: number; text: string },
  context: SubjectContext,
): SpeakerMention | undefined {
  // "Muslim advocates hailed the ruling", "Democratic hopes were dashed": a form in -s before a verb is a plural
  // noun ("Ruiz supports expanded service" keeps its verb: "expanded" qualifies the noun after it).
  if (/s$/u.test(verb.text) && PLURAL_BEFORE_VERB.test(text.slice(verb.end, verb.end + 32))) return undefined;
  let subject = withoutContraction(subjectBefore(text, range, verb.start));
  while (subject.length > 0 && (SKIPPABLE_BEFORE_VERB.has(subject[subject.length - 1].lower) || AUXILIARIES.has(subject[subject.length - 1].lower) || isAdverb(subject[subject.length - 1]))) subject = subject.slice(0, -1);
  // "Mike Huckabee, the former Arkansas governor, proposed we ...", "..., has repeatedly promised": the name before the description.
  if (subject.length === 0) subject = appositiveBefore(text, range, verb);
  const nearest = subject[subject.length - 1];
  // (Unnamed officials expect and plan too: "County elections officials are expecting a record turnout".)
  const anonymous = nearest !== undefined && context.anonymous.some((match) => match.start <= nearest.start && nearest.end <= match.end);
  if (!nearest || !(isCapitalised(nearest.text) || sets.pronounsAlways.has(nearest.lower) || sets.titles.has(nearest.lower) || anonymous)) return undefined;
  if (FIRST_PERSON_BELIEF.has(key(verb.text)) && /^(?:i|we)$/u.test(nearest.lower)) return undefined;
  // "Trump's hopes", "the mayor's plans": after a possessive the verb form is a noun.
  if (/['\u2019]s?$/u.test(nearest.text) && !sets.pronounsAlways.has(nearest.lower)) return undefined;
  const kind = classifySubject(subject, range.words[0]?.start ?? range.start, context);
  if (kind === 'none' || kind === 'vague' || kind === 'generic') return undefined;
  const rest = text.slice(verb.end, range.end);
  if (!/[\p{L}\p{N}]/u.test(rest)) return undefined;
  return { verbStart: verb.start, verbEnd: verb.end, verb: key(verb.text), kind, speaker: span(subject), reported: [verb.end, range.end], wording: null };
}
