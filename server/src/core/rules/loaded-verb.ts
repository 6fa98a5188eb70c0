import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { speakerFollowsCue, speechNounAt, type ParagraphModel } from '../attribution';
import { FINITE_AUXILIARIES } from '../patterns';
import { lexiconHits } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

// What follows a verb of saying when it introduces speech: "that", a quotation, a clause, "to" and a verb
// ("claimed to have", "claim to see courage"), a subject pronoun ("claiming they obeyed", "claims we're
// winning": as objects these would be "them", "us"), or the end of an inverted attribution ("..., he
// claimed."). "Claimed three bombers", "claimed her seat" and "admitted to hospital" are not speech.
const NOT_A_VERB_AFTER_TO =
  '(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|all|every|each|no|fame|power|office|victory|' +
  'hospital|hospitals|university|college|school|practice|membership|court|care|intensive|reporters|journalists|police|investigators)\\b';
// A finite auxiliary, in running text or a Title Case headline ("Democrats Claim Barrett Confirmation Would ...").
const AUXILIARY = `(?:${FINITE_AUXILIARIES.map((word) => `[${word[0]}${word[0].toUpperCase()}]${word.slice(1)}`)
  .join('|')})\\b`;
const CLAUSE = new RegExp(
  '^\\s*(?:[,:.!?]|$|["\\u201c\\u2018\']|(?:[\\p{L}\'\\u2019-]+\\s+){0,5}that\\b|' +
    `to\\s+(?!${NOT_A_VERB_AFTER_TO})\\p{Ll}+\\b|` +
    "(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?:['\\u2019](?:s|re|d|ll|ve|m))?(?![\\p{L}'\\u2019-])|" +
    `(?:he|she|they|it|i|we|you|his|her|their|its|the|a|an|this|these|those|there|[\\p{Lu}][\\p{L}'\\u2019.-]*)\\b[^.;!?]{0,60}?\\b${AUXILIARY})`,
  'u',
);
const SAYING = new Set(['said', 'says', 'saying', 'say']);
// A determiner or possessive before the word makes it a noun ("the claim", "Trump's claims"), not a verb of saying.
const NOUN_BEFORE = /(?:\b(?:the|a|an|this|these|those|his|her|its|their|our|my|your|whose|any|every|each|no|such)|\p{L}['\u2019]s?)\s+$/iu;

/** Whether the word at `start` is used as a noun: a determiner or a possessive stands right before it. */
function usedAsNoun(text: string, start: number): boolean {
  return NOUN_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

// "Boasted about its record", "bragging of his wealth": the verb still characterises the speaker, and the
// neutral wording is "talked about" rather than "said about" ("talked", unlike "spoke", also fits "has boasted
// about"). Not "boasted about 300 members" (had).
// "About" may also end the clause: "the plan he brags about."
const ABOUT = /^\s+(?:about|of)(?:\s*[.,;:!?]|\s*$|\s+(?![\d$\u00a3\u20ac]|(?:a\s+(?:dozen|score|hundred|thousand|million|billion|few|quarter|third|half)|one|two|three|four|five|six|seven|eight|nine|ten|several|some|dozens|hundreds|thousands|millions|billions)\b))/iu;
const TALKED: Record<string, string> = { said: 'talked', says: 'talks', saying: 'talking', say: 'talk' };

/**
 * Whether a verb of saying takes "about"/"of" and what the speaker talked about: a past or -ing form, or a
 * present form after a subject pronoun ("he brags about"; "claims about" alone is mostly the noun).
 */
function speaksAbout(text: string, hitText: string, start: number, end: number): boolean {
  const verbForm = /(?:ed|ing)$/iu.test(hitText) || (/s$/iu.test(hitText) && /\b(?:he|she|who)\s+$/iu.test(text.slice(Math.max(0, start - 8), start)));
  return verbForm && ABOUT.test(text.slice(end, end + 40));
}

/** Whether a verb of saying introduces speech rather than taking an object ("claimed the throne"). */
function introducesSpeech(model: ParagraphModel, start: number, end: number): boolean {
  if (CLAUSE.test(model.text.slice(end, end + 90))) return true;
  // An inverted attribution, whose speaker the model found after the verb: "..., insisted the spokesman."
  return speakerFollowsCue(model, start, end);
}

/** `loaded-verb`: attribution verbs that editorialise ("claimed", "admitted") where "said" is neutral. */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    // The verb is always the reporter's choice, even when what follows is the speaker's.
    for (const hit of lexiconHits(model, options.loadedVerbs, options.allowed, false)) {
      // Verbs whose neutral form is "said" are loaded only as verbs of saying; "slammed" and the like always.
      let alternatives = hit.entry.alternatives;
      if (alternatives.some((alternative) => SAYING.has(alternative))) {
        if (usedAsNoun(model.text, hit.start) || speechNounAt(model, hit.start, hit.end)) continue;
        if (speaksAbout(model.text, hit.text, hit.start, hit.end)) {
          alternatives = [...alternatives.filter((alternative) => !SAYING.has(alternative)), ...alternatives.filter((alternative) => SAYING.has(alternative)).map((alternative) => TALKED[alternative])];
        } else if (!introducesSpeech(model, hit.start, hit.end)) continue;
      }
      const suggestions = alternatives.map((alternative) => matchCase(alternative, hit.text));
      const instead = suggestions.length > 0 ? `; ${quoted(suggestions[0])} is neutral` : '';
      report(file, {
        ruleId: 'loaded-verb',
        start: hit.start,
        end: hit.end,
        message: `${quoted(hit.text)} tells the reader what to think of the speaker${instead}.`,
        suggestions,
        note: `${hit.entry.reason} Guidance: ${hit.entry.source}.`,
      });
    }
  };
}

export default defineRule({
  meta: {
    id: 'loaded-verb',
    defaultSeverity: 'warning',
    description: 'An attribution verb that editorialises where "said" is neutral.',
    flags: 'claimed, admitted, insisted, boasted, slammed … where "said" is neutral',
    guidance: 'Wikipedia MOS:SAID; AP Stylebook, "said"',
    options: ['allow'],
    fixes: ['allow-term'],
    examples: {
      flagged: ['The developer claimed the flats would be affordable.'],
      quiet: ['The developer said the flats would be affordable.', 'The militia claimed responsibility for the attack.'],
    },
  },
  create,
});
