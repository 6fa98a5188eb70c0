/**
 * Suppression comments: `copydesk-disable-next-line RULE`, and `copydesk-disable RULE` ...
 * `copydesk-enable RULE`. With no rule named, they apply to every rule. An unknown rule id is
 * itself reported, so a typo never silently does nothing.
 */
import { suggestRule } from './config';
import type { Comment } from './prose';
import type { LineIndex } from './text-index';
import { RULE_IDS } from './rules/index';

const DIRECTIVE = /^copydesk-(disable-next-line|disable|enable)(?:\s+([\s\S]*))?$/;
const ALL = '*';

/** A directive naming a rule that does not exist. */
export interface DirectiveProblem {
  offset: number;
  endOffset: number;
  message: string;
}

/** Which findings the document's comments suppress. */
export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
  problems: DirectiveProblem[];
}

/** Reads the directives out of a document's comments. */
export function readDirectives(text: string, comments: Comment[], lines: LineIndex): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const ranges: Array<{ rule: string; from: number; to: number }> = [];
  const open = new Map<string, number>();
  const problems: DirectiveProblem[] = [];

  for (const comment of [...comments].sort((a, b) => a.offset - b.offset)) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const [, kind, rest = ''] = match;
    const list = rest.split(/\s--\s|^--\s/)[0];
    const rules: string[] = [];
    const listStart = text.indexOf(list, comment.offset);
    for (const token of list.matchAll(/[^\s,]+/g)) {
      const id = token[0];
      if ((RULE_IDS as readonly string[]).includes(id)) rules.push(id);
      else {
        const offset = (listStart >= 0 ? listStart : comment.offset) + (token.index ?? 0);
        problems.push({ offset, endOffset: offset + id.length, message: `Unknown rule "${id}" in a copydesk directive${suggestRule(id)}; known rules: ${RULE_IDS.join(', ')}.` });
      }
    }
    // A directive that named only unknown rules suppresses nothing rather than everything.
    if (rules.length === 0 && list.trim() !== '') continue;
    const targets = rules.length > 0 ? rules : [ALL];
    if (kind === 'disable-next-line') {
      const line = nextContentLine(text, lines, lines.lineAt(comment.endOffset));
      const set = byLine.get(line) ?? new Set<string>();
      targets.forEach((rule) => set.add(rule));
      byLine.set(line, set);
    } else if (kind === 'disable') {
      targets.forEach((rule) => open.has(rule) || open.set(rule, comment.endOffset));
    } else {
      const closing = rules.length > 0 ? rules.filter((rule) => open.has(rule)) : [...open.keys()];
      for (const name of closing) {
        ranges.push({ rule: name, from: open.get(name) ?? comment.offset, to: comment.offset });
        open.delete(name);
      }
    }
  }
  for (const [rule, from] of open) ranges.push({ rule, from, to: Number.POSITIVE_INFINITY });

  return {
    problems,
    isSuppressed(ruleId: string, offset: number): boolean {
      const onLine = byLine.get(lines.lineAt(offset));
      if (onLine && (onLine.has(ALL) || onLine.has(ruleId))) return true;
      return ranges.some((range) => (range.rule === ALL || range.rule === ruleId) && offset >= range.from && offset < range.to);
    },
  };
}

/** The first line after `line` that holds something other than whitespace. */
function nextContentLine(text: string, lines: LineIndex, line: number): number {
  for (let candidate = line + 1; candidate < lines.lineCount; candidate++) {
    const start = lines.lineStart(candidate);
    const end = candidate + 1 < lines.lineCount ? lines.lineStart(candidate + 1) : text.length;
    if (text.slice(start, end).trim() !== '') return candidate;
  }
  return line + 1;
}
