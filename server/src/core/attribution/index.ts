/**
 * The attribution model's query API: who is speaking in a paragraph, and whether a span of it is someone's
 * words. Rules import from here, never from the modules behind it.
 */
export { documentBefore, FINITE_AUXILIARIES, inReportedSpeech, modelParagraph, quoteAround, sentenceAt, sourcedAt, inSpeakersWords } from './model';
export type { AttributionVocabulary, CarryState, ParagraphModel, Quotation, SentenceModel, SpeakerKind, SpeakerMention, Word } from './model';
export { inListOfQuotedTerms } from './naming';
export type { Attribution, AttributionKind, Range } from './speech';
