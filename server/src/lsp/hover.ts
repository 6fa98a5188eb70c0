/** Hover on a flagged range: why, the guidance it rests on, a better version of the sentence, the rule doc. */
import type { Hover } from 'vscode-languageserver';
import type { Finding } from '../core/index';

/** The sentence around a span, from the text: what the hover rewrites. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - 400), start);
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  const from = boundary < 0 ? Math.max(0, start - 400) : start - before.length + boundary + (before[boundary] === '\n' ? 1 : 2);
  const after = /[.!?](?=["\u201d\u2019')\]]*(?:\s|$))|\n/.exec(text.slice(end));
  const to = after ? end + after.index + (after[0] === '\n' ? 0 : 1) : text.length;
  return [from, Math.min(to, text.length)];
}

/** The better version of the sentence the hover offers, if the finding has a mechanical fix. */
export function betterSentence(text: string, finding: Finding): string | undefined {
  const [from, to] = sentenceAround(text, finding.offset, finding.endOffset);
  const head = text.slice(from, finding.offset);
  const tail = text.slice(finding.endOffset, to);
  if (finding.suggestions.length > 0) return `${head}${finding.suggestions[0]}${tail}`.trim();
  if (finding.ruleId === 'unattributed-claim' || finding.ruleId === 'uncited-figure' || finding.ruleId === 'hedged-attribution') {
    const sentence = `${head}${finding.actual}${tail}`.trim();
    return /[.!?]$/.test(sentence) ? `${sentence.slice(0, -1)}, according to TK${sentence.slice(-1)}` : `${sentence} (according to TK)`;
  }
  return undefined;
}

/** The hover for a finding. */
export function hoverFor(text: string, finding: Finding): Hover {
  const better = betterSentence(text, finding);
  const lines = [`**Copydesk: ${finding.ruleId}**`, '', finding.message, '', `*Why:* ${finding.note}`];
  if (better) lines.push('', `*Better:* ${better}`);
  lines.push('', `[Rule documentation](${finding.url})`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: finding.start, end: finding.end } };
}
