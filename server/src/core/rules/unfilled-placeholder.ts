import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { escapeRegExp } from '../patterns';
import { vocabulary } from '../vocabulary';
import { paragraphModel, quoted, report } from './report';
import { defineRule } from './rule';

// TK is only a mark in capitals ("tk" is not); bracketed notes are matched in any case.
// "TK Maxx" is a shop: a TK followed by a capitalised word is part of a name.
const BARE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${vocabulary.placeholders.words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|\\s+\\p{Lu}\\p{Ll})`, 'gu');
const BRACKETED = new RegExp(`\\[\\s*(?:${vocabulary.placeholders.bracketed.map(escapeRegExp).join('|')})\\s*\\]`, 'giu');

/**
 * Whether a paragraph holds what every match of the pattern holds: a "[" for a bracketed note, one of the
 * marks as written for a bare one (that pattern is case-sensitive). Most paragraphs hold neither, and are
 * spared the scan.
 */
function mayMatch(pattern: RegExp, text: string): boolean {
  return pattern === BRACKETED ? text.includes('[') : vocabulary.placeholders.words.some((word) => text.includes(word));
}

/** `unfilled-placeholder`: the newsroom's "TK" and "[SOURCE]" marks left in copy. */
function create() {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    const found: Array<[number, number]> = [];
    for (const pattern of [BRACKETED, BARE]) {
      if (!mayMatch(pattern, model.text)) continue;
      for (const match of model.text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (found.some(([from, to]) => start < to && end > from)) continue;
        found.push([start, end]);
        report(file, {
          ruleId: 'unfilled-placeholder',
          start,
          end,
          message: `${quoted(match[0])} is a placeholder still in the copy: fill it in before the story runs.`,
          note: `TK ("to come") and bracketed notes mark facts or sources still missing. Guidance: ${vocabulary.placeholders.source}.`,
        });
      }
    }
  };
}

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    defaultSeverity: 'information',
    description: 'A TK or [SOURCE] mark left in copy.',
    flags: 'TK and [SOURCE] marks left in copy',
    guidance: 'AP Stylebook, "TK"',
    options: [],
    fixes: [],
    examples: {
      flagged: ['The blaze destroyed TK homes, the fire service said.'],
      quiet: ['The blaze destroyed 12 homes, the fire service said.'],
    },
  },
  create,
});
