import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { castBySpeaker, lexiconHits, partOfName } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

/** `editorializing`: words that put the reporter's opinion into fact ("clearly", "tragically"). */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    for (const hit of lexiconHits(model, options.editorializing, options.allowed, true)) {
      if (partOfName(model, hit) || castBySpeaker(model, hit.start)) continue;
      const suggestions = hit.entry.alternatives.map((alternative) => matchCase(alternative, hit.text));
      const advice = suggestions.length > 0 ? `consider ${quoted(suggestions[0])}` : 'let the facts carry it, or attribute the view';
      report(file, {
        ruleId: 'editorializing',
        start: hit.start,
        end: hit.end,
        message: `${quoted(hit.text)} puts the reporter's opinion into the copy: ${advice}.`,
        suggestions,
        note: `${hit.entry.reason} Guidance: ${hit.entry.source}.`,
      });
    }
  };
}

export default defineRule({
  meta: {
    id: 'editorializing',
    defaultSeverity: 'information',
    description: 'Words that put the reporter\'s opinion into reported fact.',
    flags: 'clearly, obviously, sadly, shockingly, notorious, "make no mistake", "in my view" … in the reporter\'s voice',
    guidance: 'Wikipedia MOS:EDITORIALIZING',
    options: ['allow'],
    fixes: ['allow-term'],
    examples: {
      flagged: ['The council has obviously failed to plan for the new estate.'],
      quiet: ['The council has failed to meet its target for the new estate, an audit found.'],
    },
  },
  create,
});
