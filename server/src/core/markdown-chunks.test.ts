import { describe, expect, it } from 'vitest';
import { lint } from './index';
import { isPlainParagraph, splitMarkdownChunks } from './markdown-chunks';

const chunks = (text: string): string[] => splitMarkdownChunks(text).map((chunk) => text.slice(chunk.start, chunk.end));

describe('markdown chunks', () => {
  it('splits at blank lines', () => {
    expect(chunks('# Title\n\nOne.\nStill one.\n\n\nTwo.\n')).toEqual(['# Title', 'One.\nStill one.', 'Two.']);
  });

  it('keeps fenced code, HTML comments and front matter whole across blank lines', () => {
    expect(chunks('```\ncode\n\nmore code\n```\n\nProse.')).toEqual(['```\ncode\n\nmore code\n```', 'Prose.']);
    expect(chunks('<!-- note\n\nstill note -->\n\nProse.')).toEqual(['<!-- note\n\nstill note -->', 'Prose.']);
    expect(chunks('---\ntitle: x\n\nauthor: y\n---\n\nProse.')).toEqual(['---\ntitle: x\n\nauthor: y\n---', 'Prose.']);
  });

  it('keeps an indented continuation with the block it continues', () => {
    expect(chunks('1. First item\n\n    more of the first item\n\nAfter.')).toEqual(['1. First item\n\n    more of the first item', 'After.']);
  });

  it('recognises plain prose, and anything with markup as not plain', () => {
    expect(isPlainParagraph('North Korea’s state media said the visit “went well”.')).toBe(true);
    for (const marked of ['A *bold* claim.', 'See [the report](x).', '# Heading', '> quoted', '- item', '1. item', 'Use `code`.', 'Go to https://x.y', 'A | B']) {
      expect(isPlainParagraph(marked), marked).toBe(false);
    }
  });

  it('lints the same whether a draft is read in one piece or chunk by chunk', () => {
    const text = 'Intro: the regime fell.\n\n```\nregime = 1\n\nregime = 2\n```\n\nThe [dictator][1] left.\n\n[1]: https://example.com\n';
    const findings = lint(text, { format: 'markdown' });
    expect(findings.map((finding) => `${finding.ruleId}:${finding.actual}`)).toEqual(['loaded-term:regime', 'loaded-term:dictator']);
    // The reference link is resolved although its definition is in another chunk: it is a citation, not text.
    expect(findings[1].offset).toBe(text.indexOf('dictator'));
  });
});

describe('simple heading and list chunks', () => {
  it('reads ATX headings and one-line list items without the parser, and gives up on anything else', async () => {
    const { simpleLines } = await import('./markdown-chunks');
    expect(simpleLines('# Title here ##')).toEqual([{ start: 2, end: 12, kind: 'heading' }]);
    expect(simpleLines('- One headline\n- Two headline')).toEqual([
      { start: 2, end: 14, kind: 'paragraph' },
      { start: 17, end: 29, kind: 'paragraph' },
    ]);
    expect(simpleLines('- A [link](x)')).toBeUndefined();
    expect(simpleLines('- item\n  continued')).toBeUndefined();
  });

  it('lints headings and list items the same way the parser would', () => {
    const text = '# The dictator speaks\n\n- The regime fell\n- The *regime* fell\n';
    expect(lint(text, { format: 'markdown' }).map((finding) => [finding.actual, finding.offset])).toEqual([
      ['dictator', 6],
      ['regime', 29],
      ['regime', 48],
    ]);
  });
});
