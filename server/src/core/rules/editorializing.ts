import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { castBySpeaker, lexiconHits, partOfName } from './lexicon-hits';
import type { RuleOptions } from './options';
import { matchCase, paragraphModel, quoted, report } from './report';

/** `editorializing`: words that put the reporter's opinion into fact ("clearly", "tragically"). */
export default function editorializing(options: RuleOptions) {
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
