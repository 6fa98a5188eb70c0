import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { insideQuote, sentenceAt, sentencesWithAnonymousSources } from '../attribution';
import { normalisePhrase, PhraseMatcher } from '../phrase-matcher';
import { sets, vocabulary } from '../vocabulary';
import { paragraphModel, quoted, report } from './report';
import { startsUpper } from '../letters';
import type { RuleOptions } from './options';
import { defineRule } from './rule';

const reasons = new PhraseMatcher([{ phrases: vocabulary.anonymous_sources.reasons, item: true }]);
const reportingVerbs = new PhraseMatcher([{ phrases: vocabulary.reporting_verbs.words, item: true, caseSensitive: true }]);

/**
 * `anonymous-source`: "sources said", "officials said", "a source close to" with no agency, role or
 * reason for anonymity. Reuters and AP ask for the source's role and why they cannot be named.
 */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    const text = model.text;
    const verbs = reportingVerbs.find(text);
    // With `require_anonymity_reason`, sources the model reads as named by their agency ("Pentagon officials")
    // are asked for a reason too, so every sentence is read, and bare roles ("a senior administration official").
    const strict = options.requireAnonymityReason;
    for (const sentence of strict ? model.sentences : sentencesWithAnonymousSources(model)) {
      if (reasons.find(text.slice(sentence.start, sentence.end)).length > 0) continue;
      const phrases = strict ? [...anonymousPhrases(text, sentence.start, sentence.end), ...rolePhrases(text, sentence.start, sentence.end)].sort((a, b) => a.start - b.start) : anonymousPhrases(text, sentence.start, sentence.end);
      for (const match of phrases) {
        if (insideQuote(model, match.start, match.end)) continue;
        // "Ruiz, a city official, said": the role describes a named speaker.
        if (strict && DESCRIBES_A_NAME.test(text.slice(Math.max(0, match.start - 60), match.start))) continue;
        const inSentence = sentenceAt(model, match.start);
        if (inSentence?.index !== sentence.index) continue;
        // Used as a source: a reporting verb within a few words, or after "according to".
        const verbAfter = verbs.find((verb) => verb.start >= match.end && verb.start - match.end <= 60 && verb.end <= sentence.end);
        const accordingTo = /according\s+to\s+$/i.test(text.slice(Math.max(0, match.start - 20), match.start));
        if (!verbAfter && !accordingTo) continue;
        // A role or agency is enough by default; `require_anonymity_reason` asks for the reason too, as AP and Reuters do.
        const hasRole = qualified(text, match.start, verbAfter ? verbAfter.start : Math.min(sentence.end, match.end + 40));
        if (hasRole && !strict) continue;
        report(file, {
          ruleId: 'anonymous-source',
          start: match.start,
          end: match.end,
          message: hasRole
            ? `${quoted(text.slice(match.start, match.end))}: say why the source cannot be named (this newsroom asks for a reason as well as a role).`
            : `${quoted(text.slice(match.start, match.end))}: give the source's agency or role, and why they cannot be named.`,
          note: `Readers weigh a claim by who makes it; an unnamed source needs a role and a reason for anonymity. Guidance: ${vocabulary.anonymous_sources.source}.`,
        });
        break;
      }
    }
  };
}

const anonymousMatcher = new PhraseMatcher([{ phrases: vocabulary.anonymous_sources.words, item: true }]);

function anonymousPhrases(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  return anonymousMatcher.find(text.slice(from, to)).map((match) => ({ start: from + match.start, end: from + match.end }));
}

// Roles that stand for an unnamed source, read only under `require_anonymity_reason`.
const roleMatcher = new PhraseMatcher([{ phrases: vocabulary.anonymous_sources.bare_roles, item: true }]);
// A role in an appositive after a name: "Ana Ruiz, a senior city official," (the match follows).
const DESCRIBES_A_NAME = /\p{Lu}[\p{L}'\u2019.-]*,\s+(?:a|an|the|one)\s+(?:[\p{L}-]+\s+){0,4}$/u;

function rolePhrases(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  return roleMatcher.find(text.slice(from, to)).map((match) => ({ start: from + match.start, end: from + match.end }));
}

/** An agency ("Pentagon officials"), a role ("military officials") or an affiliation ("for the ministry"). */
function qualified(text: string, start: number, clauseEnd: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).match(/([\p{L}.'\u2019-]+)\s*$/u)?.[1] ?? '';
  const lowerBefore = normalisePhrase(before).toLowerCase().replace(/'s$/, '');
  const sentenceInitial = /(^|[.!?]\s+)$/.test(text.slice(0, start - before.length));
  if (before && startsUpper(before) && !sentenceInitial && !['According', 'The'].includes(before)) return true;
  if (sets.anonymousRoles.has(lowerBefore)) return true;
  const after = text.slice(start, clauseEnd);
  return /\b(?:for|at|from|in|with|of)\s+(?:the\s+)?(?:\p{Lu}|(?:[\p{Ll}-]+\s+){0,2}(?:ministry|government|police|military|army|company|campaign|embassy|agency|department|administration|party|service|office|council|hospital|coastguard|court)\b)/u.test(after);
}

export default defineRule({
  meta: {
    id: 'anonymous-source',
    defaultSeverity: 'information',
    description: '"Sources said", "officials said" with no agency, role or reason for anonymity.',
    flags: '"sources said", "a source close to", "officials said" with no agency, role or reason for anonymity',
    guidance: 'Reuters Handbook of Journalism, "Anonymous sources"; AP Stylebook, "anonymous sources"',
    options: ['require_anonymity_reason'],
    fixes: [],
    examples: {
      flagged: ['Sources said the coach would be sacked before the weekend.'],
      quiet: ['Two club officials, who spoke on condition of anonymity because the talks were private, said the coach would be sacked before the weekend.'],
    },
  },
  create,
});
