import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { definitionsUsedBy, inlineParagraph, isBracketedParagraph, isOnlyDefinitions, outsideSurrogatePair, isPlainParagraph, referenceDefinitions, simpleLines, splitMarkdownChunks, type ReferenceDefinitions } from './markdown-chunks';
import { MAX_BLOCK_CHARS } from './limits';
import type { Format } from './types';

/** A block of prose: a paragraph, heading or table cell, ready to be parsed on its own. */
export interface Block {
  /** Document offset of the block's first character. */
  start: number;
  /**
   * The block's source with everything that is not prose (markup, inline code, URLs, link
   * destinations, HTML, editor notes) blanked to spaces, so block offsets map 1:1 to the document.
   */
  text: string;
  kind: 'paragraph' | 'heading' | 'blockquote' | 'table-cell';
  /** Block-relative ranges of links, footnote references and citation markers: each one is a source. */
  citations: Array<[number, number]>;
}

/** A comment in the document that may hold a copydesk directive. */
export interface Comment {
  offset: number;
  endOffset: number;
  /** The comment's inner text, trimmed. */
  body: string;
}

/** What the engine lints: prose blocks, plus the comments that may suppress findings. */
export interface Prose {
  blocks: Block[];
  comments: Comment[];
}

/** What extracting prose counts, for the engine's stats. */
export interface ParseCounters {
  markdownCharactersParsed: number;
}

/** Parsed markdown chunks by their text, so a re-lint parses only the chunks an edit touched. */
export type ChunkCache = Map<string, Prose>;

/** Splits a document into prose blocks and comments according to its format. */
export function extractProse(text: string, format: Format, cache: ChunkCache = new Map(), counters: ParseCounters = { markdownCharactersParsed: 0 }): Prose {
  const prose = format === 'markdown' ? extractMarkdown(text, cache, counters) : extractPlain(text, format === 'newsdraft');
  if (prose.blocks.every((block) => block.text.length <= MAX_BLOCK_CHARS)) return prose;
  return { blocks: prose.blocks.flatMap(inPieces), comments: prose.comments };
}

/**
 * A block longer than {@link MAX_BLOCK_CHARS} as consecutive blocks of at most that length, each cut after
 * a sentence's end where there is one, else at a space, else anywhere (never inside a surrogate pair).
 */
export function inPieces(block: Block): Block[] {
  if (block.text.length <= MAX_BLOCK_CHARS) return [block];
  const pieces: Block[] = [];
  let from = 0;
  while (from < block.text.length) {
    const to = from + MAX_BLOCK_CHARS >= block.text.length ? block.text.length : cutPoint(block.text, from, from + MAX_BLOCK_CHARS);
    const citations = block.citations.filter(([start]) => start >= from && start < to).map(([start, end]): [number, number] => [start - from, Math.min(end, to) - from]);
    pieces.push({ start: block.start + from, text: block.text.slice(from, to), kind: block.kind, citations });
    from = to;
  }
  return pieces;
}

/** Where to end a piece that may run to `limit`: after the last sentence end, else the last space, in its second half. */
function cutPoint(text: string, from: number, limit: number): number {
  const window = text.slice(from + (limit - from) / 2, limit);
  const base = limit - window.length;
  let cut = -1;
  for (const match of window.matchAll(/[.!?]["'”’)]*\s+/g)) cut = match.index + match[0].length;
  if (cut < 0) cut = window.search(/\s\S*$/) + 1;
  if (cut <= 0) cut = window.length;
  return outsideSurrogatePair(text, base + cut);
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();
// Front matter only exists at the very start of a document; other chunks are parsed without it.
const documentStartParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

// mdast nodes carry more fields than we read; this is the slice of the shape the walk needs.
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const HTML_COMMENT = /<!--([\s\S]*?)-->/g;

const CHUNK_CACHE_LIMIT = 10_000;

/**
 * Chunks that need the parser are parsed together, a few at a time, up to this many characters: the
 * parser's set-up costs about as much as reading a short paragraph, and a draft of hundreds of one-line
 * chunks (a reference on every line) paid it hundreds of times. Small enough that an edit re-parses little.
 */
const PARSE_BATCH_CHARS = 1_500;

function extractMarkdown(text: string, chunkCache: ChunkCache, counters: ParseCounters): Prose {
  const definitions = referenceDefinitions(text);
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const emit = (parsed: Prose, at: number): void => {
    for (const block of parsed.blocks) blocks.push({ ...block, start: block.start + at });
    for (const comment of parsed.comments) comments.push({ ...comment, offset: comment.offset + at, endOffset: comment.endOffset + at });
  };
  // Consecutive chunks for the parser, as one span of the text: only blank lines lie between chunks, and
  // each chunk parses the same on its own as in place, so parsing them together gives the same prose.
  let batch: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (!batch) return;
    emit(parsedChunk(text.slice(batch.start, batch.end), definitions, batch.start === 0, chunkCache, counters), batch.start);
    batch = undefined;
  };
  for (const chunk of splitMarkdownChunks(text)) {
    const fast = withoutParser(text.slice(chunk.start, chunk.end), chunk.start === 0, definitions);
    if (fast) {
      flush();
      emit(fast, chunk.start);
      continue;
    }
    if (batch && chunk.end - batch.start > PARSE_BATCH_CHARS) flush();
    batch = { start: batch?.start ?? chunk.start, end: chunk.end };
  }
  flush();
  return { blocks, comments };
}

/** The prose of a chunk read without the markdown parser (plain prose, simple markup, definitions only), or undefined. */
function withoutParser(source: string, atDocumentStart: boolean, definitions: ReferenceDefinitions): Prose | undefined {
  // Plain prose, or plain but for a reporter's square brackets ("[the mayor] said"): the paragraph is its source.
  if (isPlainParagraph(source) || isBracketedParagraph(source, definitions)) return { blocks: [{ start: 0, text: source, kind: 'paragraph', citations: [] }], comments: [] };
  // Front matter can only open the document, and only the parser reads it.
  if (!(atDocumentStart && /^(?:---|\+\+\+)/.test(source))) {
    const inline = inlineParagraph(source);
    if (inline) return { blocks: [{ start: 0, text: inline.text, kind: 'paragraph', citations: inline.citations }], comments: [] };
    const lines = simpleLines(source);
    if (lines) return { blocks: lines.map((line) => ({ start: line.start, text: source.slice(line.start, line.end), kind: line.kind, citations: [] })), comments: [] };
  }
  // A run of link reference definitions holds no prose (a reference list at the foot of a story).
  if (isOnlyDefinitions(source)) return { blocks: [], comments: [] };
  return undefined;
}

/** The prose of chunks parsed by the markdown parser (and cached by their text: chunks an edit missed are reused). */
function parsedChunk(source: string, documentDefinitions: ReferenceDefinitions, atDocumentStart: boolean, chunkCache: ChunkCache, counters: ParseCounters): Prose {
  const definitions = definitionsUsedBy(source, documentDefinitions);
  const key = `${atDocumentStart ? 1 : 0}${definitions}\u0000${source}`;
  const cached = chunkCache.get(key);
  if (cached) return cached;
  // Definitions go after the chunk so its offsets stay as they are; their own nodes are not prose.
  const input = definitions === '' ? source : `${source}\n\n${definitions}\n`;
  counters.markdownCharactersParsed += input.length;
  const parsed = parseMarkdownChunk(input, source.length, atDocumentStart);
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
  chunkCache.set(key, parsed);
  return parsed;
}

/** Parses a chunk with the markdown parser; exported so that tests can hold the fast paths to it. */
export function parseMarkdownChunk(text: string, limit: number, atDocumentStart: boolean): Prose {
  const root = (atDocumentStart ? documentStartParser : markdownParser).parse(text) as MdNode;
  const blocks: Block[] = [];
  const comments: Comment[] = [];

  // Read the comments from the source, not from the node's value: inside an indented list item the parser
  // expands a tab into spaces in the value, which would shift every offset after it.
  const collectComments = (node: MdNode): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    for (const match of text.slice(start, end).matchAll(HTML_COMMENT)) {
      const offset = start + (match.index ?? 0);
      comments.push({ offset, endOffset: offset + match[0].length, body: match[1].trim() });
    }
  };

  const emit = (node: MdNode, kind: Block['kind']): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const kept: Array<[number, number]> = [];
    const citations: Array<[number, number]> = [];
    const walkInline = (child: MdNode): void => {
      const from = child.position?.start.offset;
      const to = child.position?.end.offset;
      switch (child.type) {
        case 'text':
          if (from !== undefined && to !== undefined) kept.push([from, to]);
          return;
        case 'break':
          return;
        case 'html':
          collectComments(child);
          return;
        case 'link':
        case 'linkReference': {
          if (from !== undefined && to !== undefined) citations.push([from - start, to - start]);
          // An autolinked URL is not prose: its only text is the address itself.
          const onlyText = child.children?.length === 1 ? child.children[0] : undefined;
          if (child.type === 'link' && onlyText?.type === 'text' && child.url?.endsWith(onlyText.value ?? '\u0000')) return;
          child.children?.forEach(walkInline);
          return;
        }
        case 'footnoteReference':
          if (from !== undefined && to !== undefined) citations.push([from - start, to - start]);
          return;
        case 'inlineCode':
        case 'image':
        case 'imageReference':
        case 'inlineMath':
          return;
        default:
          child.children?.forEach(walkInline);
      }
    };
    node.children?.forEach(walkInline);
    blocks.push({ start, text: keepOnly(text, start, end, kept), kind, citations });
  };

  const walkBlock = (node: MdNode, inBlockquote: boolean): void => {
    switch (node.type) {
      case 'paragraph':
        emit(node, inBlockquote ? 'blockquote' : 'paragraph');
        return;
      case 'heading':
        emit(node, 'heading');
        return;
      case 'tableCell':
        emit(node, 'table-cell');
        return;
      case 'html':
        collectComments(node);
        return;
      case 'code':
      case 'yaml':
      case 'toml':
      case 'math':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'blockquote':
        node.children?.forEach((child) => walkBlock(child, true));
        return;
      default:
        node.children?.forEach((child) => walkBlock(child, inBlockquote));
    }
  };
  walkBlock(root, false);
  return { blocks: blocks.filter((block) => block.start < limit), comments: comments.filter((comment) => comment.offset < limit) };
}

/** The source slice [start, end) with everything outside `kept` blanked (line breaks survive). */
function keepOnly(text: string, start: number, end: number, kept: Array<[number, number]>): string {
  let out = '';
  let cursor = start;
  for (const [from, to] of kept.sort((a, b) => a[0] - b[0])) {
    if (from > cursor) out += blank(text.slice(cursor, from));
    out += text.slice(Math.max(from, cursor), to);
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) out += blank(text.slice(cursor, end));
  return out;
}

/** Same length, only spaces and line breaks: keeps offsets while hiding what is not prose. */
function blank(slice: string): string {
  return slice.replace(/[^\r\n]/g, ' ');
}

// Plain text and newsdraft: paragraphs are separated by blank lines.
const NEWSDRAFT_COMMENT_LINE = /^[ \t]*\/\/(.*)$/;
const CITATION_MARKER = /\[\^?[\w-]{1,12}\]|\((?:source|sources|via|credit)s?:[^()]{0,300}\)|\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+/gi;

function extractPlain(text: string, newsdraft: boolean): Prose {
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const flush = (): void => {
    if (paragraphStart < 0) return;
    blocks.push(plainBlock(text, paragraphStart, paragraphEnd, newsdraft));
    paragraphStart = -1;
  };

  const linePattern = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (let match = linePattern.exec(text); match && match.index < text.length; match = linePattern.exec(text)) {
    const lineStart = match.index;
    const content = match[0].replace(/[\r\n]+$/, '');
    const lineEnd = lineStart + content.length;
    const commentMatch = newsdraft ? NEWSDRAFT_COMMENT_LINE.exec(content) : null;
    const htmlComment = /^\s*<!--([\s\S]*?)-->\s*$/.exec(content);
    if (commentMatch || htmlComment) {
      // A comment line ends the paragraph above it: directives apply line by line.
      flush();
      comments.push({ offset: lineStart, endOffset: lineEnd, body: (commentMatch?.[1] ?? htmlComment?.[1] ?? '').trim() });
    } else if (content.trim() === '') {
      flush();
    } else {
      if (paragraphStart < 0) paragraphStart = lineStart;
      paragraphEnd = lineEnd;
    }
    if (match[0].length === 0) break;
  }
  flush();
  return { blocks, comments };
}

/**
 * Newsdraft editor notes ("[[check the date]]") blanked. Scanned by hand, not by a lazy pattern: once a
 * "[[" has no "]]" after it none later can close either, so a draft of unclosed "[[" is read once, not once per "[[".
 */
function blankEditorNotes(text: string): string {
  let out = '';
  let cursor = 0;
  for (let open = text.indexOf('[[', cursor); open >= 0; open = text.indexOf('[[', cursor)) {
    const close = text.indexOf(']]', open + 2);
    if (close < 0) break;
    out += text.slice(cursor, open) + blank(text.slice(open, close + 2));
    cursor = close + 2;
  }
  return cursor === 0 ? text : out + text.slice(cursor);
}

function plainBlock(text: string, start: number, end: number, newsdraft: boolean): Block {
  let blockText = text.slice(start, end);
  if (newsdraft) blockText = blankEditorNotes(blockText);
  const citations: Array<[number, number]> = [];
  for (const match of blockText.matchAll(CITATION_MARKER)) {
    const from = match.index ?? 0;
    citations.push([from, from + match[0].length]);
  }
  // URLs are sources, not prose: hide them from the rules once they are recorded as citations.
  blockText = blockText.replace(/\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+/gi, blank);
  return { start, text: blockText, kind: 'paragraph', citations };
}
