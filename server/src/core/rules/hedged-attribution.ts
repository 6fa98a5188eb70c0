import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { insideQuote, isAttributed, sentenceAt } from '../attribution';
import { PhraseMatcher } from '../phrase-matcher';
import { vocabulary } from '../vocabulary';
import { paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

const hedges = new PhraseMatcher([
  { phrases: vocabulary.hedges.words, item: 'hedge' },
  { phrases: vocabulary.hedges.motive_words, item: 'motive' },
]);
const motiveFollows = new PhraseMatcher([{ phrases: vocabulary.hedges.motive_follows, item: true }]);

/** `hedged-attribution`: "reportedly", "allegedly", "apparently" with no source for the claim. */
function create() {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    for (const match of hedges.find(model.text)) {
      if (!sentenceAt(model, match.start) || isAttributed(model, match.start, match.end) || insideQuote(model, match.start, match.end)) continue;
      // "apparently" as "evidently" is plain prose; "apparently in protest" hands over an unsourced motive.
      if (match.item === 'motive' && !motiveFollows.find(model.text.slice(match.end, match.end + 40)).some((next) => /^[\s,]*$/.test(model.text.slice(match.end, match.end + next.start)))) continue;
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

export default defineRule({
  meta: {
    id: 'hedged-attribution',
    defaultSeverity: 'information',
    description: 'Reportedly, allegedly, apparently and the like with no source for the claim.',
    flags: 'reportedly, allegedly, apparently, supposedly, purportedly with no source',
    guidance: 'AP Stylebook, "allege"; Wikipedia MOS:WEASEL',
    options: [],
    fixes: ['add-attribution'],
    examples: {
      flagged: ['The treasurer allegedly moved the funds to a personal account.'],
      quiet: ['The treasurer allegedly moved the funds to a personal account, prosecutors said.'],
    },
  },
  create,
});
