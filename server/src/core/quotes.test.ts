import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes';

const spans = (text: string, continuing = false): string[] => findQuotes(text, continuing).spans.map((span) => text.slice(span.start, span.end));

describe('quotation spans', () => {
  it('finds curly and straight double quotes', () => {
    expect(spans('He called them “martyrs” and "heroes".')).toEqual(['“martyrs”', '"heroes"']);
  });

  it('finds nested single quotes inside double quotes', () => {
    const found = findQuotes('“They told us ‘go home’ at dawn,” she said.', false).spans;
    expect(found.map((span) => span.depth)).toEqual([0, 1]);
  });

  it('does not take apostrophes for quotes', () => {
    expect(spans("Don’t say the Koreans’ guns were '90s models. Shoigu's men didn't.")).toEqual([]);
  });

  it('finds straight single quotes used as quotes', () => {
    expect(spans("North Korea 'not responding' to calls.")).toEqual(["'not responding'"]);
  });

  it('lets a quote run on into the next paragraph', () => {
    const first = findQuotes('“We will fight on,” he said. “We have no choice.', false);
    expect(first.openAtEnd).toBe(true);
    const second = findQuotes('“The people are with us.”', true);
    expect(second.spans[0].continued).toBe(true);
    expect(second.openAtEnd).toBe(false);
  });
});

describe('an unclosed quotation', () => {
  it('does not carry into a paragraph that does not open with a quotation mark', () => {
    expect(findQuotes('The dictator spoke.', true).spans).toEqual([]);
  });
});
