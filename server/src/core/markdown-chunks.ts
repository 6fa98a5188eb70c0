/**
 * Splits a markdown document into chunks that parse the same on their own as in place: runs of
 * lines between blank lines, kept together across fenced code, HTML comments, front matter and
 * indented continuations. Parsing chunk by chunk keeps the engine linear and lets a re-lint reuse
 * every chunk an edit did not touch; most chunks of a news draft are plain prose and skip the
 * markdown parser altogether. A chunk longer than any real paragraph is cut (MAX_CHUNK_CHARS), so that
 * the parser's superlinear corners stay bounded.
 */
import { MAX_CHUNK_CHARS } from './limits';

/** A chunk of the document, as offsets into it. */
export interface Chunk {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
/** A whole line that is a definition with a plain destination and an optional quoted title. */
const DEFINITION_LINE = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*<?[^\s<>]+>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\r?$/;

/** The chunks of a markdown document, in order; blank lines between them belong to none. */
export function splitMarkdownChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let fence: string | undefined;
  let inComment = false;
  let inFrontMatter = /^(?:---|\+\+\+)\r?\n/.test(text);
  const frontMatterMark = inFrontMatter ? text.slice(0, 3) : '';
  let lineNumber = 0;

  const linePattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = linePattern.exec(text); match && match.index < text.length; match = linePattern.exec(text)) {
    const line = match[0].replace(/[\r\n]+$/, '');
    const start = match.index;
    const end = start + line.length;
    const blank = line.trim() === '';
    const open = fence !== undefined || inComment || inFrontMatter;
    // An indented line after a blank continues a list item, a footnote or a code block: same chunk.
    const continuation = !blank && chunkStart < 0 && chunks.length > 0 && /^(?: {4}|\t)/.test(line);

    if (!open && line.length > MAX_CHUNK_CHARS && !line.includes('<!--') && !FENCE.test(line)) {
      // One hostile line (a megabyte with no line break): its own chunks, cut before a word.
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd });
      chunkStart = -1;
      for (let from = 0; from < line.length; ) {
        const to = from + MAX_CHUNK_CHARS >= line.length ? line.length : wordStartBefore(line, from + MAX_CHUNK_CHARS, from + MAX_CHUNK_CHARS / 2);
        chunks.push({ start: start + from, end: start + to });
        from = to;
      }
      lineNumber++;
      if (match[0].length === 0) break;
      continue;
    }
    // A chunk longer than any real paragraph is cut at a line (see MAX_CHUNK_CHARS), outside fences and comments.
    if (!blank && !open && chunkStart >= 0 && start - chunkStart >= MAX_CHUNK_CHARS) {
      chunks.push({ start: chunkStart, end: chunkEnd });
      chunkStart = -1;
    }

    if (blank && !open) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd });
      chunkStart = -1;
    } else {
      if (continuation) {
        const previous = chunks.pop()!;
        chunkStart = previous.start;
      } else if (chunkStart < 0) chunkStart = start;
      chunkEnd = end;
    }

    if (inFrontMatter) {
      if (lineNumber > 0 && line.trim() === frontMatterMark) inFrontMatter = false;
    } else if (fence !== undefined) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const opened = FENCE.exec(line);
      if (opened) fence = opened[1][0].repeat(3);
      else if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) inComment = true;
    }
    lineNumber++;
    if (match[0].length === 0) break;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd });
  return chunks;
}

/** The last place in `line` between `earliest` and `limit` where a word starts after a space, else `limit` (never inside a surrogate pair). */
function wordStartBefore(line: string, limit: number, earliest: number): number {
  for (let at = limit; at > earliest; at--) if (/\s/.test(line[at - 1]) && /\p{L}/u.test(line[at])) return at;
  return outsideSurrogatePair(line, limit);
}

/** `at`, or one before it when `at` would split a surrogate pair (an emoji, a rare CJK character). */
export function outsideSurrogatePair(text: string, at: number): number {
  return /[\uDC00-\uDFFF]/.test(text[at] ?? '') ? at - 1 : at;
}

/** A document's link reference definitions ("[id]: url"), each line by its normalised label. */
export type ReferenceDefinitions = ReadonlyMap<string, string>;

const DEFINITION_LABEL = /^ {0,3}\[([^\]]+)\]:/;
/** Bracketed text a chunk may use as a label: "[text][id]", "[id][]" and the shortcut "[id]". */
const BRACKETED = /\[([^[\]]+)\]/g;

/** A label as CommonMark compares them: case-folded, trimmed, inner white space collapsed. */
const normaliseLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The link reference definitions of a document; the first definition of a label wins, as in CommonMark. */
export function referenceDefinitions(text: string): ReferenceDefinitions {
  const definitions = new Map<string, string>();
  if (!text.includes(']:')) return definitions;
  for (const line of text.split(/\r?\n/)) {
    if (!DEFINITION.test(line)) continue;
    const label = normaliseLabel(DEFINITION_LABEL.exec(line)![1]);
    if (!definitions.has(label)) definitions.set(label, line);
  }
  return definitions;
}

/** Whether every line of a chunk is a one-line link reference definition ("[1]: https://..."). */
export function isOnlyDefinitions(chunk: string): boolean {
  return chunk.split('\n').every((line) => DEFINITION_LINE.test(line));
}

/**
 * The definitions a chunk refers to, as lines to parse after it. Only those: a draft with hundreds of
 * references would otherwise parse every definition again with every chunk, and key every chunk's cache
 * entry by all of them (quadratic in the number of references).
 */
export function definitionsUsedBy(chunk: string, definitions: ReferenceDefinitions): string {
  if (definitions.size === 0 || !chunk.includes('[')) return '';
  const used = new Set<string>();
  for (const match of chunk.matchAll(BRACKETED)) {
    const line = definitions.get(normaliseLabel(match[1]));
    if (line !== undefined) used.add(line);
  }
  return [...used].join('\n');
}

// Characters and line openings that make markdown syntax; a chunk with none of them is one paragraph
// of plain prose whose text is its source.
const SYNTAX_CHARACTERS = /[*_[\]<>`|\\~]|:\/\/|\bwww\./;
const SYNTAX_LINE_START = /^(?: {4}|\t| {0,3}(?:[#>+=-]|\d{1,9}[.)](?:\s|$)))/m;

/** Whether a chunk is a single paragraph of plain prose (no markup at all). */
export function isPlainParagraph(chunk: string): boolean {
  return !SYNTAX_CHARACTERS.test(chunk) && !SYNTAX_LINE_START.test(chunk);
}

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET_LINE = /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+(\S.*)$/;

/** A line of a simple chunk: where its prose starts and ends in the chunk, and what it is. */
export interface SimpleLine {
  start: number;
  end: number;
  kind: 'heading' | 'paragraph';
}

/**
 * The prose lines of a chunk made only of ATX headings or one-line list items whose text is plain
 * ("# Title", "- A headline"), or undefined when the chunk needs the markdown parser.
 */
export function simpleLines(chunk: string): SimpleLine[] | undefined {
  const lines: SimpleLine[] = [];
  let offset = 0;
  for (const line of chunk.split('\n')) {
    const clean = line.replace(/\r$/, '');
    const heading = HEADING_LINE.exec(clean);
    const bullet = heading ? null : BULLET_LINE.exec(clean);
    const content = heading ? heading[2] : bullet?.[1];
    if (content === undefined || content.trim() === '' || !isPlainParagraph(content)) return undefined;
    const start = offset + clean.indexOf(content, heading ? heading[1].length : 0);
    lines.push({ start, end: start + content.length, kind: heading ? 'heading' : 'paragraph' });
    offset += line.length + 1;
  }
  return lines;
}

/**
 * Square brackets a reporter sets into quoted words ("[the mayor] said"), in the one shape CommonMark reads as
 * plain text: around words, with no address, label, colon or bracket right after the closing one, no "!" or
 * "]" right before the opening one, and no footnote caret. Only the bracket pairs are matched here; what they
 * hold is checked with the rest of the line.
 */
const EDITORIAL_BRACKETS = /(?<![!\]\\])\[(?!\^)([^[\]\n]*)\](?![(\[:])/g;

/**
 * Whether a chunk is plain prose but for such brackets (each pair on one line), so that the parser would read
 * it as one paragraph of text, its source unchanged (a property test holds the two equal). Not when a
 * bracketed label is defined in the document (a shortcut reference link), nor with an "@" (an e-mail address
 * the parser would link).
 */
export function isBracketedParagraph(chunk: string, definitions: ReferenceDefinitions): boolean {
  if (!chunk.includes('[') || chunk.includes('\r') || chunk.includes('@') || chunk !== chunk.trim()) return false;
  if (definitionsUsedBy(chunk, definitions) !== '') return false;
  return isPlainParagraph(chunk.replace(EDITORIAL_BRACKETS, (_pair, inner: string) => ` ${inner} `));
}

/** A one-line paragraph whose only markup is strong emphasis and inline links, read without the parser. */
export interface InlineParagraph {
  /** The line with the markup blanked to spaces (link text and emphasised words kept). */
  text: string;
  /** Each link's whole span ("[text](url)"): a link cites a source. */
  citations: Array<[number, number]>;
}

// The two constructs news copy uses most, in the shapes where CommonMark's rules leave no doubt:
// "**words**" opening after a space (or the line start) before a letter or digit, closing after a letter
// or digit before a space, a stop or the line end; and "[text](address)" with plain text and an address
// with no spaces, brackets or parentheses. Anything else goes to the parser.
const INLINE_MARKUP =
  /(?<=^|[ \t])\*\*(?=[\p{L}\p{N}])([^*_[\]`\\<>|~!&\n]*?[\p{L}\p{N}])\*\*(?=$|[ \t.,;:?])|(?<![!\]\\[])\[(?=[^\s^])([^[\]*_`\\<>|~!&\n]*[^\s[\]*_`\\<>|~!&])\]\(([^\s()<>\\`[\]]+)\)(?![(\[])/gu;

/**
 * Reads a one-line chunk whose only markup is strong emphasis and inline links, as the markdown parser
 * would (a property test holds the two equal), or returns undefined when it has anything else.
 */
export function inlineParagraph(chunk: string): InlineParagraph | undefined {
  if (chunk.includes('\n') || chunk.includes('\r') || chunk !== chunk.trim() || SYNTAX_LINE_START.test(chunk)) return undefined;
  const citations: Array<[number, number]> = [];
  let text = '';
  let cursor = 0;
  for (const match of chunk.matchAll(INLINE_MARKUP)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const inner = match[1] ?? match[2];
    if (!isPlainParagraph(inner)) return undefined;
    text += chunk.slice(cursor, start);
    if (match[1] !== undefined) text += `  ${inner}  `;
    else {
      text += ` ${inner}${' '.repeat(end - start - inner.length - 1)}`;
      citations.push([start, end]);
    }
    cursor = end;
  }
  if (cursor === 0) return undefined;
  text += chunk.slice(cursor);
  // What is left around the constructs must be plain prose.
  return isPlainParagraph(text) ? { text, citations } : undefined;
}
