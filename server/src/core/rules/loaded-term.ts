import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { castBySpeaker, lexiconHits, partOfName } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';

/** `loaded-term`: contentious labels in the reporter's own voice ("pariah state", "dictator"). */
export default function loadedTerm(options: RuleOptions) {
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
