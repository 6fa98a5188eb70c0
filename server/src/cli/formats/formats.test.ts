import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/index';
import { escapeData, escapeProperty } from './github';
import { summaryLine } from './report';
import { excerpt } from './stylish';

function finding(line: number, start: number, endLine: number, end: number): Finding {
  return { ruleId: 'loaded-term', severity: 'warning', message: '', offset: 0, endOffset: 0, start: { line, character: start }, end: { line: endLine, character: end }, actual: '', suggestions: [], note: '', url: '' };
}

/** The excerpt's text with the marked part bracketed, to read the result at a glance. */
function marked(line: string, found: Finding): string {
  const { text, markStart, markLength } = excerpt(line, found);
  const chars = Array.from(text);
  return `${chars.slice(0, markStart).join('')}[${chars.slice(markStart, markStart + markLength).join('')}]${chars.slice(markStart + markLength).join('')}`;
}

describe('stylish excerpts', () => {
  it('marks the span on a short line', () => {
    expect(marked('He landed in the pariah state.', finding(0, 17, 0, 29))).toBe('He landed in the [pariah state].');
  });

  it('counts columns in code points, so marks stay under text after emoji and curly quotes', () => {
    const line = '😀 “Quote” then the dictator';
    const start = line.indexOf('dictator');
    expect(marked(line, finding(0, start, 0, start + 8))).toBe('😀 “Quote” then the [dictator]');
  });

  it('cuts a long line to a window around the span', () => {
    const line = `${'a'.repeat(200)} dictator ${'b'.repeat(200)}`;
    const result = marked(line, finding(0, 201, 0, 209));
    expect(result).toMatch(/^…a+ \[dictator\] b+…$/);
    expect(Array.from(result).length).toBeLessThanOrEqual(104);
  });

  it('marks a span that runs onto the next line to the end of its first line, and shows tabs as spaces', () => {
    expect(marked('\tit is thought', finding(0, 4, 1, 3))).toBe(' it [is thought]');
  });
});

describe('summary line and GitHub escaping', () => {
  it('says "information" in the singular and plural alike', () => {
    expect(summaryLine(12, { error: 0, warning: 9, information: 22, hint: 0 })).toBe('12 files, 31 findings: 9 warnings, 22 information');
    expect(summaryLine(1, { error: 1, warning: 1, information: 0, hint: 1 })).toBe('1 file, 3 findings: 1 error, 1 warning, 1 hint');
    expect(summaryLine(3, { error: 0, warning: 0, information: 0, hint: 0 })).toBe('3 files, 0 findings');
  });

  it('escapes workflow command data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% of\r\nthem')).toBe('50%25 of%0D%0Athem');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
