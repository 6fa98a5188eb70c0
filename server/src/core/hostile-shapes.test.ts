/**
 * Hostile drafts stay linear. Time is not asserted (tests must not depend on the machine); the work is:
 * how much text reaches the markdown parser, and how long a block reaches the English parser, both of
 * which were superlinear for these shapes. `npm run fuzz` reports each shape's time at n and 2n.
 */
import { describe, expect, it } from 'vitest';
import { createLinter } from './engine';
import { HOSTILE_SHAPES, hostileDraft } from './hostile-shapes';
import { MAX_BLOCK_CHARS, MAX_CHUNK_CHARS } from './limits';
import { definitionsUsedBy, referenceDefinitions, splitMarkdownChunks } from './markdown-chunks';
import { checkFindings } from './properties';
import { extractProse } from './prose';

const SIZE = 48 * 1024;

describe('hostile drafts', () => {
  it.each(HOSTILE_SHAPES.map((shape) => [shape.name, shape] as const))('%s: blocks no longer than MAX_BLOCK_CHARS, parser input linear, findings well formed', (_name, shape) => {
    const text = hostileDraft(shape, SIZE);
    const blocks = extractProse(text, shape.format).blocks;
    expect(Math.max(0, ...blocks.map((block) => block.text.length))).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    const linter = createLinter();
    const findings = linter.lint(text, shape.format);
    expect(checkFindings(text, findings)).toEqual([]);
    // Each chunk is parsed once, with only the definitions it uses: at most about twice the text.
    expect(linter.stats.markdownCharactersParsed).toBeLessThanOrEqual(2 * text.length + 1024);
  });

  it('a chunk is given only the reference definitions it uses, matched as CommonMark matches labels', () => {
    const definitions = referenceDefinitions('[Report 1]: https://a.example\n[other]: https://b.example\n[report  1]: https://second.example\n');
    expect(definitionsUsedBy('See [the findings][report 1].', definitions)).toBe('[Report 1]: https://a.example');
    expect(definitionsUsedBy('See [Other].', definitions)).toBe('[other]: https://b.example');
    expect(definitionsUsedBy('No references here.', definitions)).toBe('');
  });

  it('a draft with 400 references parses each definition with the chunks that use it, not with every chunk', () => {
    const prose = Array.from({ length: 400 }, (_, i) => `The ministry said the plan [${i}] would pass.`).join('\n\n');
    const references = Array.from({ length: 400 }, (_, i) => `[${i}]: https://example.com/${i}`).join('\n');
    const text = `${prose}\n\n${references}\n`;
    const linter = createLinter();
    linter.lint(text, 'markdown');
    // Before: every chunk carried all 400 definitions, about 400 x 12 KB handed to the parser.
    expect(linter.stats.markdownCharactersParsed).toBeLessThanOrEqual(2 * text.length);
  });

  it('a long chunk is cut at lines and a long line before a word, never inside a fence', () => {
    const line = 'The regime said the vote was fair. ';
    const long = line.repeat(1000);
    const fenced = `\`\`\`\n${'code line\n'.repeat(2000)}\`\`\`\n`;
    const text = `${long}\n\n${fenced}\n${'> a quoted line\n'.repeat(1000)}`;
    const chunks = splitMarkdownChunks(text);
    const fenceStart = text.indexOf('```');
    const fenceEnd = text.indexOf('```', fenceStart + 3) + 3;
    for (const chunk of chunks) {
      const inFence = chunk.start >= fenceStart && chunk.end <= fenceEnd;
      if (!inFence) expect(chunk.end - chunk.start, text.slice(chunk.start, chunk.start + 40)).toBeLessThanOrEqual(MAX_CHUNK_CHARS + 20);
      // A cut of the long line falls before a word, after a space.
      if (chunk.start > 0 && chunk.start < long.length) expect(text.slice(chunk.start - 1, chunk.start + 1)).toMatch(/^\s\p{L}$/u);
    }
    expect(chunks.filter((chunk) => chunk.start <= fenceStart && chunk.end >= fenceEnd)).toHaveLength(1);
  });

  it('a plain-text block too long for any paragraph is cut after a sentence, and the findings are the same as uncut', () => {
    const sentence = 'Critics say the regime killed 100 people. ';
    const text = sentence.repeat(Math.ceil((2.5 * MAX_BLOCK_CHARS) / sentence.length));
    const blocks = extractProse(text, 'plaintext').blocks;
    expect(blocks.length).toBe(3);
    for (const block of blocks.slice(1)) expect(text.slice(block.start, block.start + 8)).toBe('Critics ');
    const findings = createLinter().lint(text, 'plaintext');
    const perSentence = createLinter().lint(sentence, 'plaintext').map((finding) => finding.ruleId);
    expect(findings.length).toBe(perSentence.length * (text.length / sentence.length));
  });
});
