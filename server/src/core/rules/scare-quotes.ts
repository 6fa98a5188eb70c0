import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { inListOfQuotedTerms, inReportedSpeech, insideQuote, sentenceAt } from '../attribution';
import { normalisePhrase, wordSet } from '../phrase-matcher';
import { vocabulary } from '../vocabulary';
import type { RuleOptions } from './options';
import { paragraphModel, quoted, report } from './report';
import { FRAGMENT_MAX_WORDS } from './unattributed-quote';
import { defineRule } from './rule';

const scareWords = new Set(vocabulary.scare_words.words);
const foreignPhrases = wordSet(vocabulary.foreign_phrases.words);
const SO_CALLED = /(?<![\p{L}-])so[-\u2010\u2011 ]called(?![\p{L}])/giu;
const NOTE = 'Quotation marks with no speaker, or "so-called", distance the reporter from a term without saying whose term it is. Guidance: Wikipedia MOS:SCAREQUOTES; AP Stylebook, "so-called".';

/** `scare-quotes`: a word or short phrase in quotation marks with no speaker, and "so-called". */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    for (const quote of model.quotes) {
      if (quote.depth > 0 || quote.speakerKnown || quote.wordCount === 0 || quote.wordCount > FRAGMENT_MAX_WORDS || quote.runsOn) continue;
      if (quote.nameOrTitle() || inListOfQuotedTerms(model.text, quote)) continue;
      const text = model.text.slice(quote.start, quote.end);
      // A lone quoted word is a term under discussion or a foreign word more often than a scare quote,
      // unless it is one writers use to cast doubt ("the “experts”") or a loaded term.
      const inner = model.text.slice(quote.innerStart, quote.innerEnd).trim().replace(/[,.!?;:]+$/, '').toLowerCase();
      if (quote.wordCount === 1 && !scareWords.has(inner) && options.loadedTerms.find(inner).length === 0) continue;
      // A borrowed set phrase ("de facto", "terra nullius") is marked as foreign, not doubted.
      if (foreignPhrases.has(normalisePhrase(inner))) continue;
      report(file, {
        ruleId: 'scare-quotes',
        start: quote.start,
        end: quote.end,
        message: `${text} in quotation marks with no speaker reads as a scare quote: say whose words they are, or drop the marks.`,
        note: NOTE,
      });
    }
    for (const match of model.text.matchAll(SO_CALLED)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const sentence = sentenceAt(model, start);
      // "He said the campaign would court so-called superdelegates": the speaker's words, as for loaded terms.
      if (!sentence || insideQuote(model, start, end) || inReportedSpeech(model, start, end)) continue;
      report(file, {
        ruleId: 'scare-quotes',
        start,
        end,
        message: `${quoted(match[0])} distances the reporter from the term: attribute it ("what X calls ...") or describe the thing plainly.`,
        note: NOTE,
      });
    }
  };
}

export default defineRule({
  meta: {
    id: 'scare-quotes',
    defaultSeverity: 'information',
    description: 'A word or short phrase in quotation marks with no speaker, and "so-called".',
    flags: 'a word or short phrase in quotation marks with no speaker, and "so-called"',
    guidance: 'Wikipedia MOS:SCAREQUOTES; AP Stylebook, "so-called"',
    options: ['loaded_terms'],
    fixes: [],
    examples: {
      flagged: ['The "temporary" closure of the library has now lasted two years.'],
      quiet: ['The mayor called the closure of the library "temporary" in March.'],
    },
  },
  create,
});
