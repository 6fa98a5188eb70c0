import { describe, expect, it } from 'vitest';
import { lint } from './index';
import { extractProse } from './prose';

const rulesAndText = (text: string, format: 'markdown' | 'plaintext' | 'newsdraft' = 'markdown'): string[] =>
  lint(text, { format }).map((finding) => `${finding.ruleId}: ${finding.actual}`);

describe('markdown: only prose is linted', () => {
  it('skips code blocks, inline code, HTML, URLs, link destinations and front matter', () => {
    const text = [
      '---',
      'title: The regime and the dictator',
      '---',
      '',
      'Use `regime` in code, and see [the report](https://example.com/regime/dictator).',
      '',
      '```',
      'dictator = "pariah state"',
      '```',
      '',
      '<div>The regime</div>',
      '',
      'Visit https://example.com/pariah-state today.',
    ].join('\n');
    expect(rulesAndText(text)).toEqual([]);
  });

  it('lints link text, emphasis, headings, list items and table cells, with exact positions', () => {
    const text = '# The *pariah state* speaks\n\n- A [dictator](https://example.com) arrived.\n\n| a | b |\n|---|---|\n| regime | x |\n';
    const findings = lint(text, { format: 'markdown' }).filter((finding) => finding.ruleId === 'loaded-term');
    for (const finding of findings) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual);
    expect(findings.map((finding) => finding.actual)).toEqual(['pariah state', 'dictator', 'regime']);
    expect(findings[1].start).toEqual({ line: 2, character: 5 });
  });

  it('keeps UTF-16 offsets exact after astral characters and CRLF line ends', () => {
    const text = '😀 Intro line.\r\n\r\nThe 🇰🇵 pariah state fired missiles.\r\n';
    const finding = lint(text, { format: 'markdown' }).find((candidate) => candidate.ruleId === 'loaded-term');
    expect(finding?.actual).toBe('pariah state');
    expect(text.slice(finding!.offset, finding!.endOffset)).toBe('pariah state');
    expect(finding?.start).toEqual({ line: 2, character: 9 });
  });

  it('treats block quotations as quoted material', () => {
    expect(rulesAndText('> The regime is a pariah state, the minister wrote.\n')).toEqual([]);
  });

  it('a link in the sentence is a source', () => {
    expect(rulesAndText('More than 300 people died in the floods, [the ministry reported](https://example.com).')).toEqual([]);
    expect(rulesAndText('More than 300 people died in the floods.')).toEqual(['uncited-figure: More than 300 people']);
  });

  it('a footnote reference is a source', () => {
    expect(rulesAndText('More than 300 people died in the floods.[^1]\n\n[^1]: Health ministry, July 2023.\n')).toEqual([]);
  });
});

describe('plain text and newsdraft', () => {
  it('splits paragraphs at blank lines, keeping offsets', () => {
    const prose = extractProse('One para.\nStill one.\n\n\nTwo.', 'plaintext');
    expect(prose.blocks.map((block) => [block.start, block.text])).toEqual([
      [0, 'One para.\nStill one.'],
      [23, 'Two.'],
    ]);
  });

  it('newsdraft hides comments and [[editor notes]] from the rules', () => {
    const text = '// regime: check with the desk\nThe talks [[dictator? check]] ended.\n';
    expect(rulesAndText(text, 'newsdraft')).toEqual([]);
  });

  it('citation markers count as sources in plain text', () => {
    expect(rulesAndText('More than 300 people died in the floods [1].', 'plaintext')).toEqual([]);
    expect(rulesAndText('More than 300 people died in the floods (Source: health ministry).', 'plaintext')).toEqual([]);
  });

  it('is deterministic', () => {
    const text = 'Critics say the regime killed more than 300 people. "It was a massacre of the innocent," a witness said.';
    expect(lint(text, { format: 'plaintext' })).toEqual(lint(text, { format: 'plaintext' }));
  });
});
