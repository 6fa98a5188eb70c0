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

describe('one-line paragraphs with strong emphasis and links', () => {
  it('reads them without the parser exactly as the parser does, and gives up on anything it cannot be sure of', async () => {
    const fc = (await import('fast-check')).default;
    const { inlineParagraph } = await import('./markdown-chunks');
    const { parseMarkdownChunk } = await import('./prose');
    const pieces = fc.constantFrom(
      'the', 'regime', 'Update 1.2:', 'READ MORE', '**', '*', '_', '[', ']', '(', ')', '](https://example.com/a-b)', '[Read the report](https://example.com/r?id=2)',
      '**READ MORE**', 'www.example.com', 'http://x.y', ' ', ' ', ' ', '.', ',', '!', '?', ':', '"', '“', '’', '`', '\\', '<b>', '&amp;', '^', '~', '|', '#', '-', '1.', '\u00a0',
    );
    // Lines shaped like copy: words and stops around emphasis and links, with the odd stray mark.
    const word = fc.constantFrom('North', 'Korea', 'the', 'regime', 'said', '2023', 'Kim’s', 'anti-Western', 'READ', 'MORE', 'Update', 'x', '1.2');
    const glue = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(' ', ', ', '. ', ': ', ' (', ') ', ' "', '" ', '-', '?', '; ') },
      { weight: 1, arbitrary: fc.constantFrom('*', '!', '[', ']', '_', ' www.a.b ', '**', '](', '&') },
    );
    const words = fc.array(fc.tuple(word, glue).map(([w, g]) => w + g), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const address = fc.constantFrom('https://example.com/a', 'https://x.y/1795783/north-korea', 'x', '/path?q=1', 'a)b', 'a b');
    const construct = fc.oneof(
      words.map((inner) => `**${inner.trim()}**`),
      fc.tuple(words, address).map(([inner, url]) => `[${inner.trim()}](${url})`),
    );
    const lineWithMarkup = fc.tuple(fc.option(words), construct, fc.option(words), fc.option(construct), fc.option(words))
      .map((parts) => parts.map((part) => part ?? '').join(' ').replace(/\s+/g, ' ').trim());
    let readWithoutParser = 0;
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { minLength: 1, maxLength: 14 }).map((parts) => parts.join('')), lineWithMarkup), (chunk) => {
        const fast = inlineParagraph(chunk);
        if (!fast) return;
        readWithoutParser++;
        const parsed = parseMarkdownChunk(chunk, chunk.length, false);
        expect(parsed.comments).toEqual([]);
        expect(parsed.blocks).toEqual([{ start: 0, text: fast.text, kind: 'paragraph', citations: fast.citations }]);
      }),
      { seed: 20261125, numRuns: 3000 },
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    expect(readWithoutParser).toBeGreaterThan(100);
  });

  it('keeps emphasised words and link text, blanks the markup, and cites the link', async () => {
    const { inlineParagraph } = await import('./markdown-chunks');
    const chunk = '**READ MORE** Source: [Read Full Article](https://www.express.co.uk/news/1795783)';
    const read = inlineParagraph(chunk)!;
    expect(read.text).toBe(`  READ MORE   Source:  Read Full Article${' '.repeat('](https://www.express.co.uk/news/1795783)'.length)}`);
    expect(read.citations).toEqual([[22, chunk.length]]);
    for (const other of ['*one*', '**bold**text', 'a **b** c\nd', '[x][ref]', '![alt](img.png)', '**a *b* c**', '[a](b c)']) expect(inlineParagraph(other), other).toBeUndefined();
  });
});

describe('paragraphs with a reporter\'s square brackets', () => {
  it('reads them as their source, as the parser does, and leaves links, references, footnotes and addresses to the parser', async () => {
    const fc = (await import('fast-check')).default;
    const { isBracketedParagraph } = await import('./markdown-chunks');
    const { parseMarkdownChunk } = await import('./prose');
    const word = fc.constantFrom('the', 'mayor', 'said', 'Ruiz', '2012', 'it’s', 'anti-Western', 'x', '1.2', 'in', 'them');
    const glue = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(' ', ', ', '. ', ': ', ' (', ') ', ' “', '” ', '-', '?', '; ', ' [', '] ', '[', ']', '\n', '\n  ', ' \n', '  \n') },
      { weight: 1, arbitrary: fc.constantFrom('!', '^', '(', ')', ':', '@', '*', '_', '<b>', '&amp;', '\\', '`', 'www.a.b', 'https://x.y', '~', '|', '#', '1. ', '[^1]', '][', '](x)', ']:', '[]', '\u00a0', '\t') },
    );
    const line = fc.array(fc.tuple(word, glue).map(([w, g]) => w + g), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('').trim());
    let readWithoutParser = 0;
    fc.assert(
      fc.property(line, (chunk) => {
        if (!isBracketedParagraph(chunk, new Map())) return;
        readWithoutParser++;
        const parsed = parseMarkdownChunk(chunk, chunk.length, false);
        expect(parsed.comments).toEqual([]);
        expect(parsed.blocks).toEqual([{ start: 0, text: chunk, kind: 'paragraph', citations: [] }]);
      }),
      { seed: 20261208, numRuns: 15_000 },
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    expect(readWithoutParser).toBeGreaterThan(300);
  });

  it('takes the usual brackets of quoted copy, and not a bracketed label the document defines', async () => {
    const { isBracketedParagraph, referenceDefinitions } = await import('./markdown-chunks');
    const none = new Map<string, string>();
    expect(isBracketedParagraph('“[The council] has not [yet] decided,” she said.', none)).toBe(true);
    expect(isBracketedParagraph('“[The council] has not\n[yet] decided,” she said.', none)).toBe(true);
    for (const other of ['[a](b)', '[a][b]', '![a]', '[^1] noted', '[a]: b', 'a [b', 'a ] b', 'mail [me] at a@b.c', '[*a*]', 'a [b\nc] d', 'a [b]\n- c', 'a [b]\n===', ' a [b]'])
      expect(isBracketedParagraph(other, none), other).toBe(false);
    expect(isBracketedParagraph('As [the report] says.', referenceDefinitions('[The Report]: https://example.com/r\n'))).toBe(false);
  });
});
