import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { sentenceAt, type ParagraphModel } from '../attribution';
import { lexiconHits } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';

// What follows a verb of saying when it introduces speech: "that", a quotation, a clause, "to be", or the
// end of an inverted attribution ("..., he claimed."). "Claimed three bombers" is not speech.
const CLAUSE = /^\s*(?:[,:.!?]|$|["\u201c\u2018']|(?:[\p{L}'\u2019-]+\s+){0,5}that\b|to\s+(?:be|have|know|own|represent|speak|belong)\b|(?:he|she|they|it|i|we|you|his|her|their|its|the|a|an|this|these|those|there|[\p{Lu}][\p{L}'\u2019.-]*)\b[^.;!?]{0,60}?\b(?:is|are|was|were|had|has|have|would|will|could|should|did|does|do|can|may|might|must)\b)/u;
const SAYING = new Set(['said', 'says', 'saying']);

/** Whether a verb of saying introduces speech rather than taking an object ("claimed the throne"). */
function introducesSpeech(model: ParagraphModel, start: number, end: number): boolean {
  if (CLAUSE.test(model.text.slice(end, end + 90))) return true;
  // An inverted attribution, whose speaker the model found after the verb: "..., insisted the spokesman."
  return sentenceAt(model, start)?.mentions.some((mention) => mention.verbStart === start && mention.speaker !== undefined && mention.speaker[0] >= end) ?? false;
}

/** `loaded-verb`: attribution verbs that editorialise ("claimed", "admitted") where "said" is neutral. */
export default function loadedVerb(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    // The verb is always the reporter's choice, even when what follows is the speaker's.
    for (const hit of lexiconHits(model, options.loadedVerbs, options.allowed, false)) {
      // Verbs whose neutral form is "said" are loaded only as verbs of saying; "slammed" and the like always.
      if (hit.entry.alternatives.some((alternative) => SAYING.has(alternative)) && !introducesSpeech(model, hit.start, hit.end)) continue;
      const suggestions = hit.entry.alternatives.map((alternative) => matchCase(alternative, hit.text));
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
