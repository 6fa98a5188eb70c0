import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { quoteAround, sentenceAt, sourcedAt } from '../attribution';
import { PhraseMatcher } from '../phrase-matcher';
import { vocabulary } from '../vocabulary';
import { paragraphModel, quoted, report } from './report';

const hedges = new PhraseMatcher([{ phrases: vocabulary.hedges.words, item: true }]);

/** `hedged-attribution`: "reportedly", "allegedly", "apparently" with no source for the claim. */
export default function hedgedAttribution() {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    for (const match of hedges.find(model.text)) {
      const sentence = sentenceAt(model, match.start);
      if (!sentence || sourcedAt(sentence, match.start, match.end) || quoteAround(model, match.start, match.end)) continue;
      report(file, {
        ruleId: 'hedged-attribution',
        start: match.start,
        end: match.end,
        message: `${quoted(match.text)} passes on a claim without saying whose it is: name who reports or alleges it.`,
        note: `A hedge is not a source: "allegedly" does not protect a claim that nobody is named as making. Guidance: ${vocabulary.hedges.source}.`,
      });
    }
  };
}
