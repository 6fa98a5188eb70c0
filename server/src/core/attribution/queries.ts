/**
 * The questions the rules ask of the attribution model, about a span of a paragraph: is it someone's
 * words, whose, of what kind of source, inside a quotation? Rules ask these and never read the model's
 * sentences, mentions or indexes themselves, so a change in how the model finds speakers cannot leave a
 * rule reading a field the model no longer fills.
 */
import { covering } from '../text-index';
import { speechCovers, type ParagraphModel, type SentenceModel } from './model';
import { isSource } from './speakers';
import type { Attribution, AttributionKind } from './speech';

/** The sentence that holds an offset. */
export function sentenceAt(model: ParagraphModel, offset: number): SentenceModel | undefined {
  // Rules ask this for every match, and a paragraph may hold thousands of sentences.
  return covering(model.sentences, offset, (sentence) => sentence.start, (sentence) => sentence.end);
}

/** Whether a quotation holds the span (the outer one, where quotations nest). */
export function insideQuote(model: ParagraphModel, start: number, end: number): boolean {
  // Outer quotations do not overlap and come in order: a binary search finds the one at `start`.
  const quote = covering(model.outerQuotes, start, (candidate) => candidate.innerStart, (candidate) => candidate.innerEnd);
  return quote !== undefined && end <= quote.innerEnd;
}

/**
 * Whether the span is sourced: a citation covers its sentence; a speaker in the sentence covers what they
 * are reported as saying, or the whole sentence when the model cannot tell where their words start; or a
 * source's words hold it, quotations carried over and runs of quotation included. A vague group
 * ("critics say") sources nothing.
 */
export function isAttributed(model: ParagraphModel, start: number, end: number): boolean {
  const sentence = sentenceAt(model, start);
  return (sentence !== undefined && sourcedInSentence(sentence, start, end)) || inSpeakersWords(model, start, end);
}

/**
 * The attribution whose content holds the span: who is speaking there, as `copydesk sources` reports it.
 * Undefined in the reporter's own words and in a vague group's ("many believe ...").
 */
export function speakerOf(model: ParagraphModel, start: number, end: number): Attribution | undefined {
  if (!inSpeakersWords(model, start, end)) return undefined;
  // The innermost holder wins: a quotation inside a paraphrase is the quotation's speaker's.
  let best: Attribution | undefined;
  let bestLength = Infinity;
  for (const attribution of model.attributions) {
    if (attribution.kind === 'vague') continue;
    for (const [from, to] of attribution.content) {
      if (from <= start && to >= end && to - from < bestLength) {
        best = attribution;
        bestLength = to - from;
      }
    }
  }
  return best;
}

/** The kind of source whose words hold the span (named, pronoun, organisation, document, anonymous), if any. */
export function sourceKind(model: ParagraphModel, start: number, end: number): AttributionKind | undefined {
  return speakerOf(model, start, end)?.kind;
}

/**
 * Whether the span lies inside what a speaker in its sentence is reported as saying, in the speaker's own
 * wording ("he said the regime would fall": "regime" is his). Narrower than `isAttributed`: a speaker
 * who sources a claim without giving its wording ("explained the theory") leaves the wording ours.
 */
export function inReportedSpeech(model: ParagraphModel, start: number, end: number): boolean {
  const sentence = sentenceAt(model, start);
  return (
    sentence !== undefined &&
    sentence.mentions.some((mention) => {
      if (mention.kind === 'vague') return false;
      const words = mention.wording === undefined ? mention.reported : mention.wording;
      return words != null && start >= words[0] && end <= words[1];
    })
  );
}

/**
 * Whether a source in the span's sentence is named before the span, or reports words that hold it: an
 * agentless passive after "Officials said" or inside "..., aides said" has a source. A speaker inside the
 * span's own complement does not count: in "It is understood that prosecutors had asked for more", the
 * prosecutors are part of what is understood.
 */
export function sourcedBeforeOrAround(model: ParagraphModel, start: number, end: number): boolean {
  const sentence = sentenceAt(model, start);
  if (sentence === undefined) return false;
  if (sentence.hasCitation) return true;
  return sentence.mentions.some(
    (mention) => isSource(mention.kind) && ((mention.reported !== undefined && start >= mention.reported[0] && end <= mention.reported[1]) || (mention.speaker ?? [mention.verbStart])[0] < start),
  );
}

/** Whether the word at [start, end) is a noun that carries speech ("Okafor's most explosive claim is that"), not a verb. */
export function speechNounAt(model: ParagraphModel, start: number, end: number): boolean {
  return sentenceAt(model, start)?.mentions.some((mention) => mention.noun === true && mention.verbStart === start && mention.verbEnd === end) ?? false;
}

/** Whether the reporting verb at [start, end) has its speaker after it: an inverted attribution ("..., insisted the spokesman"). */
export function speakerFollowsCue(model: ParagraphModel, start: number, end: number): boolean {
  return sentenceAt(model, start)?.mentions.some((mention) => mention.verbStart === start && mention.speaker !== undefined && mention.speaker[0] >= end) ?? false;
}

/** The sentences, in order, in which an anonymous source speaks ("officials said", "a source close to"). */
export function sentencesWithAnonymousSources(model: ParagraphModel): SentenceModel[] {
  return model.sentences.filter((sentence) => sentence.mentions.some((mention) => mention.kind === 'anonymous'));
}

/**
 * Whether a document or poll is named earlier in the paragraph: a poll story gives the poll once and its
 * figures sentence after sentence ("A Monmouth poll showed Ruiz at 51 percent. Vidal trails at 39 percent."),
 * so the figure rule reads figures after it, in the same paragraph, as the document's.
 */
export function documentBefore(model: ParagraphModel, offset: number): boolean {
  return model.speech.firstDocument < offset;
}

/** A citation on the sentence, or a source in it whose reported words hold the span (all of it, when the model cannot tell). */
function sourcedInSentence(sentence: SentenceModel, start: number, end: number): boolean {
  if (sentence.hasCitation) return true;
  return sentence.mentions.some((mention) => isSource(mention.kind) && (mention.reported === undefined || (start >= mention.reported[0] && end <= mention.reported[1])));
}

/** Whether a source's (not a vague group's) content holds the span, from the same attributions `copydesk sources` reports. */
function inSpeakersWords(model: ParagraphModel, start: number, end: number): boolean {
  return speechCovers(model.speech, start, end);
}
