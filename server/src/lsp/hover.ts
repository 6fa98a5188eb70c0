/** Hover on a flagged range: why, the guidance it rests on, a better version of the sentence, the rule doc. */
import type { Hover } from 'vscode-languageserver';
import type { Finding } from '../core/index';
import { ATTRIBUTABLE, attributionAt, SENTENCE_STOP } from './code-actions';

const SENTENCE_END = new RegExp(`${SENTENCE_STOP.source}|\\n`);

/** The sentence around a span, from the text: what the hover rewrites. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - 400), start);
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  const from = boundary < 0 ? Math.max(0, start - 400) : start - before.length + boundary + (before[boundary] === '\n' ? 1 : 2);
  const after = SENTENCE_END.exec(text.slice(end));
  const to = after ? end + after.index + (after[0] === '\n' ? 0 : 1) : text.length;
  return [from, Math.min(to, text.length)];
}

/** The better version of the sentence the hover offers: the sentence as its first quick-fix would leave it. */
export function betterSentence(text: string, finding: Finding): string | undefined {
  const [from, to] = sentenceAround(text, finding.offset, finding.endOffset);
  if (finding.suggestions.length > 0) return `${text.slice(from, finding.offset)}${finding.suggestions[0]}${text.slice(finding.endOffset, to)}`.trim();
  if (ATTRIBUTABLE.has(finding.ruleId)) {
    const { at, newText } = attributionAt(text, finding.endOffset, to);
    return `${text.slice(from, at)}${newText}${text.slice(at, to)}`.trim();
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
