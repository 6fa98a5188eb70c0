import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { castBySpeaker, lexiconHits, partOfName } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

/** `loaded-term`: contentious labels in the reporter's own voice ("pariah state", "dictator"). */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    for (const hit of lexiconHits(model, options.loadedTerms, options.allowed, true)) {
      if (partOfName(model, hit) || castBySpeaker(model, hit.start)) continue;
      const suggestions = hit.entry.alternatives.map((alternative) => matchCase(alternative, hit.text));
      const instead = suggestions.length > 0 ? `; a neutral wording is ${quoted(suggestions[0])}` : '';
      report(file, {
        ruleId: 'loaded-term',
        start: hit.start,
        end: hit.end,
        message: `${quoted(hit.text)} is a loaded label in the reporter's voice${instead}.`,
        suggestions,
        note: `${hit.entry.reason} Guidance: ${hit.entry.source}.`,
      });
    }
  };
}

export default defineRule({
  meta: {
    id: 'loaded-term',
    defaultSeverity: 'warning',
    description: 'A contentious label in the reporter\'s own voice.',
    flags: 'contentious labels in the reporter\'s voice: pariah state, regime, dictator, masterminds …',
    guidance: 'Wikipedia MOS:LABEL; BBC Editorial Guidelines 11.4.5; AP Stylebook',
    options: ['allow', 'loaded_terms'],
    fixes: ['allow-term'],
    examples: {
      flagged: ['The regime jailed two more opposition activists on Monday.'],
      quiet: ['The foreign minister said the regime had jailed two more opposition activists on Monday.', 'The sanctions regime was tightened on Monday.'],
    },
  },
  create,
});
