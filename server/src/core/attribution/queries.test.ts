import { describe, expect, it } from 'vitest';
import { paragraphModels } from '../engine';
import { documentBefore, inReportedSpeech, insideQuote, isAttributed, sentencesWithAnonymousSources, sourceKind, sourcedBeforeOrAround, speakerFollowsCue, speakerOf } from './index';
import type { ParagraphModel } from './model';

/** The one paragraph of a piece of copy, and the span of `phrase` in it. */
function at(text: string, phrase: string): { model: ParagraphModel; start: number; end: number } {
  const models = paragraphModels(text, 'plaintext');
  expect(models).toHaveLength(1);
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" is in the copy`).toBeGreaterThanOrEqual(0);
  return { model: models[0], start, end: start + phrase.length };
}

const ask = <T>(query: (model: ParagraphModel, start: number, end: number) => T, text: string, phrase: string): T => {
  const { model, start, end } = at(text, phrase);
  return query(model, start, end);
};

const speakerText = (text: string, phrase: string): string | undefined => {
  const { model, start, end } = at(text, phrase);
  const speaker = speakerOf(model, start, end)?.speaker;
  return speaker ? text.slice(speaker[0], speaker[1]) : undefined;
};

describe('the attribution queries the rules ask', () => {
  const reported = 'The harbour master, Ines Calder, said the new breakwater would cost 4 million euros.';
  const ours = 'The new breakwater will cost 4 million euros.';
  const vague = 'Critics say the new breakwater will cost 4 million euros.';

  it('isAttributed: a named speaker\'s reported words are sourced; the reporter\'s and a vague group\'s are not', () => {
    expect(ask(isAttributed, reported, '4 million euros')).toBe(true);
    expect(ask(isAttributed, ours, '4 million euros')).toBe(false);
    expect(ask(isAttributed, vague, '4 million euros')).toBe(false);
  });

  it('isAttributed: a citation sources its sentence', () => {
    const text = 'The breakwater will cost 4 million euros [1].';
    const models = paragraphModels(`${text}\n\n[1]: https://example.org/harbour-budget`, 'markdown');
    const start = text.indexOf('4 million');
    expect(isAttributed(models[0], start, start + 9)).toBe(true);
  });

  it('speakerOf and sourceKind: who is speaking, and what kind of source', () => {
    expect(speakerText(reported, 'the new breakwater')).toBe('Ines Calder');
    expect(ask(sourceKind, reported, 'the new breakwater')).toBe('named');
    expect(ask(sourceKind, 'The port authority said the breakwater would open in May.', 'open in May')).toBe('organisation');
    expect(ask(sourceKind, 'A report by the auditors found the breakwater was 40 percent over budget.', '40 percent')).toBe('document');
    expect(ask(speakerOf, ours, 'new breakwater')).toBeUndefined();
    expect(ask(sourceKind, vague, 'the new breakwater')).toBeUndefined();
  });

  it('speakerOf: a quotation carried into the next sentence is still its speaker\'s', () => {
    const text = '"The sea wins in the end," said Tomas Brel, a fisherman. "We just buy time."';
    expect(speakerText(text, 'We just buy time.')).toBe('Tomas Brel');
  });

  it('insideQuote: inside the marks only, not the marks\' neighbours', () => {
    const text = 'The mayor called the plan "a generational investment" on Monday.';
    expect(ask(insideQuote, text, 'generational investment')).toBe(true);
    expect(ask(insideQuote, text, 'on Monday')).toBe(false);
    expect(ask(insideQuote, text, 'the plan "a generational')).toBe(false);
  });

  it('inReportedSpeech: the speaker\'s wording, not what a verb with an object sources', () => {
    expect(ask(inReportedSpeech, 'The minister said the regime would fall within a year.', 'the regime')).toBe(true);
    expect(ask(inReportedSpeech, 'The regime will fall within a year.', 'The regime')).toBe(false);
    expect(ask(inReportedSpeech, 'Critics say the regime will fall within a year.', 'the regime')).toBe(false);
  });

  it('sourcedBeforeOrAround: a source before an agentless passive, or one whose words hold it; not one inside it', () => {
    expect(ask(sourcedBeforeOrAround, 'Officials said it is thought the ferry will resume on Friday.', 'it is thought')).toBe(true);
    expect(ask(sourcedBeforeOrAround, 'It is thought the ferry will resume on Friday.', 'It is thought')).toBe(false);
    expect(ask(sourcedBeforeOrAround, 'It is understood that the operator has asked for more time.', 'It is understood')).toBe(false);
  });

  it('speakerFollowsCue: an inverted attribution has its speaker after the verb', () => {
    expect(ask(speakerFollowsCue, '"We will rebuild," insisted the harbour master.', 'insisted')).toBe(true);
    expect(ask(speakerFollowsCue, 'The harbour master insisted that the wall would hold.', 'insisted')).toBe(false);
  });

  it('sentencesWithAnonymousSources: the sentences an unnamed source speaks in', () => {
    const text = 'The ferry was cancelled. Officials said it would resume on Friday. The harbour was quiet.';
    const [model] = paragraphModels(text, 'plaintext');
    expect(sentencesWithAnonymousSources(model).map((sentence) => text.slice(sentence.start, sentence.end))).toEqual(['Officials said it would resume on Friday.']);
    const [named] = paragraphModels('The ferry was cancelled. Ines Calder said it would resume on Friday.', 'plaintext');
    expect(sentencesWithAnonymousSources(named)).toEqual([]);
  });

  it('documentBefore: a poll named earlier in the paragraph sources the figures after it', () => {
    const text = 'A Harbourside Research poll showed 62 percent backed the wall. Another 20 percent were undecided.';
    // "A survey showed" with no one behind the survey is empty evidence, not a document.
    const [unnamed] = paragraphModels('A survey showed 62 percent backed the wall. Another 20 percent were undecided.', 'plaintext');
    expect(documentBefore(unnamed, unnamed.text.indexOf('20 percent'))).toBe(false);
    const { model, start } = at(text, '20 percent');
    expect(documentBefore(model, start)).toBe(true);
    expect(documentBefore(model, 0)).toBe(false);
  });
});
