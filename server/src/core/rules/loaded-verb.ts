import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { lexiconHits } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';

/** `loaded-verb`: attribution verbs that editorialise ("claimed", "admitted") where "said" is neutral. */
export default function loadedVerb(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    // The verb is always the reporter's choice, even when what follows is the speaker's.
    for (const hit of lexiconHits(model, options.loadedVerbs, options.allowed, false)) {
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
