/**
 * The attribution model: who is speaking in a paragraph (`modelParagraph`, built once per paragraph by the
 * engine) and the questions a rule may ask of it about a span (`queries`). Rules import from here, never
 * from the modules behind it.
 */
export { modelParagraph } from './model';
export type { AttributionVocabulary, CarryState, ParagraphModel, Quotation, SentenceModel, Word } from './model';
export { documentBefore, inReportedSpeech, insideQuote, isAttributed, sentenceAt, sentencesWithAnonymousSources, sourceKind, sourcedBeforeOrAround, speakerFollowsCue, speakerOf, speechNounAt } from './queries';
export { paragraphSentences } from './sentences';
export { isSignatureLine } from './quotation-speakers';
export { inListOfQuotedTerms } from './naming';
export type { Attribution, AttributionKind, Range } from './speech';
