import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

/** Quotations longer than this many words are someone's speech; shorter ones are fragments. */
export const FRAGMENT_MAX_WORDS = 4;

/** `unattributed-quote`: a direct quotation with no speaker in its sentence or the neighbouring ones. */
function create() {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    for (const quote of model.quotes) {
      // A quote carried on from an earlier paragraph was judged where it began.
      if (quote.depth > 0 || quote.continued || quote.speakerKnown || quote.wordCount <= FRAGMENT_MAX_WORDS) continue;
      if (quote.nameOrTitle()) continue;
      const excerpt = model.text.slice(quote.innerStart, Math.min(quote.innerEnd, quote.innerStart + 40)).trim();
      report(file, {
        ruleId: 'unattributed-quote',
        start: quote.start,
        end: quote.end,
        message: `The quotation ${quoted(excerpt + (quote.innerEnd - quote.innerStart > 40 ? '…' : ''))} has no speaker in this or the neighbouring sentences: say who said it.`,
        note: 'Every direct quotation needs a speaker the reader can identify, close to the quote. Guidance: AP Stylebook, "quotations in the news"; Reuters Handbook of Journalism, "Quotes".',
      });
    }
  };
}

export default defineRule({
  meta: {
    id: 'unattributed-quote',
    defaultSeverity: 'warning',
    description: 'A direct quotation with no speaker in its sentence or the neighbouring ones.',
    flags: 'a direct quotation with no speaker in its sentence or the neighbouring ones',
    guidance: 'AP Stylebook, "quotations in the news"; Reuters Handbook, "Quotes"',
    options: [],
    fixes: [],
    examples: {
      flagged: ['The ferry service was cancelled again on Friday. "We have been left stranded for the third week in a row."'],
      quiet: ['The ferry service was cancelled again on Friday. "We have been left stranded for the third week in a row," said Moira Crail, who runs the island shop.'],
    },
  },
  create,
});
