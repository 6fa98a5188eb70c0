import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { insideQuote, sentenceAt, sourcedBeforeOrAround, type ParagraphModel } from '../attribution';
import { PhraseMatcher } from '../phrase-matcher';
import { BE_FORMS, escapeRegExp, HAVE_FORMS } from '../patterns';
import { key, sets, vocabulary } from '../vocabulary';
import { paragraphModel, quoted, report } from './report';
import { startsUpper } from '../letters';
import { defineRule } from './rule';

type ClaimKind = 'vague-source' | 'passive' | 'empty-evidence' | 'unowned-feeling';

const beliefVerbs = new PhraseMatcher([{ phrases: vocabulary.belief_verbs.words, item: true }]);
const describedAs = new PhraseMatcher([{ phrases: vocabulary.described_as.words, item: 'passive' as ClaimKind }]);
const evidencePhrases = new PhraseMatcher([{ phrases: vocabulary.empty_evidence.phrases, item: 'unowned-feeling' as ClaimKind }]);

const words = (list: string[]): string => list.map((word) => escapeRegExp(word).replace(/ /g, '\\s+')).join('|');
const ADVERB = '(?:(?:widely|generally|commonly|often|long|increasingly|now|also|sometimes|frequently|largely|popularly|still|further|privately|broadly)\\s+)?';
// "It is believed that", "it was thought", "it has been suggested".
// ASCII patterns without the u flag: with it V8 runs these case-insensitive alternations several times slower.
const IT_PASSIVE = new RegExp(`\\b(?:it|this)\\s+(?:is|was|has\\s+been|had\\s+been|is\\s+being|was\\s+being|had\\s+long\\s+been|has\\s+long\\s+been)\\s+${ADVERB}(?:${words(vocabulary.passive_participles.words)})\\b(?!\\s+by\\b)`, 'gi');
// "is said to be", "are believed to have".
const TO_PASSIVE = new RegExp(`\\b(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been)\\s+${ADVERB}(?:said|believed|thought|rumou?red|alleged|reputed|understood|feared|claimed|reported)\\s+to\\s+(?:be|have)\\b`, 'gi');
// What every match of TO_PASSIVE ends with, same flags: a paragraph without it is not scanned with the long pattern.
const TO_INFINITIVE_PASSIVE_HINT = /to\s+(?:be|have)\b/i;
// "studies show", "footage has shown": evidence that no one is named as having produced.
const EVIDENCE = new RegExp(`\\b(?:${words(vocabulary.empty_evidence.subjects)})\\s+(?:${words(vocabulary.empty_evidence.verbs)})\\b`, 'gi');
const DETERMINER_BEFORE = /\b(?:the|this|these|those|that|his|her|its|their|our|a|an|one|new|our|such|which|whose|[\p{Lu}][\p{L}'\u2019.]*)\s+$/u;
const MESSAGES: Record<ClaimKind, string> = {
  'vague-source': 'hides who holds this view: name the people, or cut the claim',
  passive: 'is a passive with no one behind it: say who believes or says this',
  'empty-evidence': 'points to evidence no reader can check: say whose study, footage or report',
  'unowned-feeling': 'gives a fear, rumour or belief with no one holding it: say who',
};

/** `unattributed-claim`: "many believe", "it is thought", "studies show", "fears abound that". */
function create() {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    const claims = findClaims(model);
    let coveredUntil = -1;
    for (const claim of claims.sort((a, b) => a.start - b.start)) {
      if (claim.start < coveredUntil) continue;
      coveredUntil = claim.end;
      const text = model.text.slice(claim.start, claim.end);
      report(file, {
        ruleId: 'unattributed-claim',
        start: claim.start,
        end: claim.end,
        message: `${quoted(text)} ${MESSAGES[claim.kind]}.`,
        note: `An assertion handed to an unnamed group, a passive or unnamed evidence reads as the reporter's own claim. Guidance: ${vocabulary.vague_groups.source}; ${vocabulary.empty_evidence.source}.`,
      });
    }
  };
}

function findClaims(model: ParagraphModel): Array<{ start: number; end: number; kind: ClaimKind }> {
  const text = model.text;
  const claims: Array<{ start: number; end: number; kind: ClaimKind }> = [];
  const add = (start: number, end: number, kind: ClaimKind): void => {
    const sentence = sentenceAt(model, start);
    if (!sentence || insideQuote(model, start, end)) return;
    if (kind === 'passive' ? sourcedBeforeOrAround(model, start, end) : sentence.attributed) return;
    claims.push({ start, end, kind });
  };

  for (const verb of beliefVerbs.find(text)) {
    const group = vagueGroupBefore(model, verb.start);
    if (group !== undefined) add(group, verb.end, 'vague-source');
  }
  for (const pattern of TO_INFINITIVE_PASSIVE_HINT.test(text) ? [IT_PASSIVE, TO_PASSIVE] : [IT_PASSIVE]) {
    for (const match of text.matchAll(pattern)) add(match.index ?? 0, (match.index ?? 0) + match[0].length, 'passive');
  }
  for (const match of describedAs.find(text)) {
    if (!/^\s+by\s+\p{Lu}/u.test(text.slice(match.end))) add(match.start, match.end, 'passive');
  }
  for (const match of text.matchAll(EVIDENCE)) {
    const start = match.index ?? 0;
    if (!DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 30), start))) add(start, start + match[0].length, 'empty-evidence');
  }
  for (const match of evidencePhrases.find(text)) add(match.start, match.end, match.item);
  return claims;
}


// An indirect question asserts nothing: "changed how people think", "asked why some experts say so".
const INDIRECT_QUESTION = new Set(['how', 'why', 'whether', 'if']);

/** Start of a vague group ("many", "some experts", "critics") right before a verb, if there is one. */
function vagueGroupBefore(model: ParagraphModel, verbStart: number): number | undefined {
  const sentence = sentenceAt(model, verbStart);
  if (!sentence) return undefined;
  const before = sentence.words.filter((word) => word.end <= verbStart);
  let index = before.length - 1;
  // Skip adverbs and auxiliaries between the group and the verb: "critics have long argued".
  while (index >= 0 && (/ly$/.test(before[index].lower) || ['also', 'still', 'now', 'often', 'long', 'have', 'had', 'do', 'did'].includes(before[index].lower))) index--;
  if (index < 0) return undefined;
  const last = before[index];
  if (/[,;:()\u201c\u201d"]/.test(model.text.slice(last.end, verbStart))) return undefined;
  const pair = index > 0 ? key(`${before[index - 1].text} ${last.text}`) : '';
  const asserted = (start: number): number | undefined => (start > 0 && INDIRECT_QUESTION.has(before[start - 1].lower) ? undefined : before[start].start);
  if (pair && sets.vagueGroups.has(pair)) return asserted(index - 1);
  const ofGroup = sets.vagueGroups.has(last.lower) ? index : groupBeforeOfPhrase(model.text, before, index);
  if (ofGroup === undefined) return undefined;
  const group = before[ofGroup];
  // Only a word in the same phrase qualifies the group: not the date of a dateline ("SEOUL, July 25 - Critics say").
  const previous = ofGroup > 0 && /^\s+$/.test(model.text.slice(before[ofGroup - 1].end, group.start)) ? before[ofGroup - 1] : undefined;
  // "two analysts said" is a count of unnamed sources (anonymous-source's business); "the many" is not a group.
  if (previous && (/^\d/.test(previous.text) || sets.numberWords.has(previous.lower) || previous.lower === 'the')) return undefined;
  // "Some analysts" / "many Republicans": the quantifier starts the group.
  return asserted(previous && ['many', 'some', 'most', 'few', 'several', 'numerous', 'other'].includes(previous.lower) ? ofGroup - 1 : ofGroup);
}

/**
 * The vague group a short "of" phrase qualifies, ending at `last`: "critics of the government",
 * "opponents of the plan". A capitalised word in the phrase names who they are ("supporters of Mr
 * Navalny" may still be vague, but "analysts of Goldman Sachs" are pinned), so such phrases are left to
 * the attribution model; so is any phrase broken by punctuation.
 */
const AUXILIARIES = new Set<string>([...BE_FORMS, ...HAVE_FORMS]);

function groupBeforeOfPhrase(text: string, words: ParagraphModel['sentences'][number]['words'], last: number): number | undefined {
  for (let of = last - 1; of >= Math.max(1, last - 4); of--) {
    const word = words[of];
    // A capital names someone; an auxiliary means the words are a clause ("most of the films are considered").
    if (startsUpper(word.text) || AUXILIARIES.has(words[last].lower) || AUXILIARIES.has(word.lower)) return undefined;
    if (word.lower !== 'of') continue;
    const phrase = words.slice(of - 1, last + 1);
    const joined = phrase.every((current, position) => position === 0 || /^\s+$/.test(text.slice(phrase[position - 1].end, current.start)));
    return joined && sets.vagueGroups.has(words[of - 1].lower) && !phrase.slice(1).some((current) => startsUpper(current.text)) ? of - 1 : undefined;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'unattributed-claim',
    defaultSeverity: 'warning',
    description: 'A vague group with a belief or speech verb, an agentless passive, or evidence with no one behind it.',
    flags: 'vague group + belief/speech verb ("many believe"), agentless passive ("it is thought"), empty evidence ("studies show", "fears abound that")',
    guidance: 'Wikipedia MOS:WEASEL; BBC Editorial Guidelines 11.4; Reuters Handbook of Journalism, "Attribution"',
    options: [],
    fixes: ['add-attribution'],
    examples: {
      flagged: ['Critics say the new bypass will cost the town its high street.', 'It is widely believed that the mayor will not stand again.'],
      quiet: ['Critics, including councillor Dana Ortiz, said the bypass would cost the town its high street.', 'Many residents attended the meeting on Tuesday.'],
    },
  },
  create,
});
