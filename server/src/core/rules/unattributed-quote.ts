import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { paragraphModel, quoted, report } from './report';

/** Quotations longer than this many words are someone's speech; shorter ones are fragments. */
export const FRAGMENT_MAX_WORDS = 4;

/** `unattributed-quote`: a direct quotation with no speaker in its sentence or the neighbouring ones. */
export default function unattributedQuote() {
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
