/**
 * Quotation spans in a paragraph: straight and curly quotes, nested single quotes, quotes that run on
 * into later paragraphs, and the apostrophes that are not quotes at all (don't, '90s, Koreans').
 */

/** One quotation, in paragraph offsets. */
export interface QuoteSpan {
  /** Offset of the opening mark (or 0 for a quote continued from an earlier paragraph). */
  start: number;
  /** Offset just past the closing mark (or the paragraph's end if it stays open). */
  end: number;
  innerStart: number;
  innerEnd: number;
  /** 0 for an outer quotation, 1 for a quote inside a quote. */
  depth: number;
  /** True when the paragraph ends before the quotation closes. */
  runsOn: boolean;
  /** True when this quotation began in an earlier paragraph. */
  continued: boolean;
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpaceOrStart = (char: string | undefined): boolean => char === undefined || /[\s([{\u2014\u2013\-/:]/u.test(char);

/** Whether a UTF-16 code is one of the marks `findQuotes` reads: " ' \u201c \u201d \u201e \u2018 \u2019 \u00ab \u00bb. */
function isQuotationMark(code: number): boolean {
  if (code < 0xab) return code === 0x22 || code === 0x27;
  return code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x2019) || (code >= 0x201c && code <= 0x201e);
}

interface Open {
  kind: 'double' | 'single';
  start: number;
  continued: boolean;
  /** Characters of the opening mark: 2 for the doubled apostrophe some archives print for a quotation mark (''). */
  width?: number;
}

/**
 * Finds the quotation spans of a paragraph.
 * @param continuing a quotation from the previous paragraph is still open; by convention the
 *   paragraph that carries it on starts with an opening mark.
 */
export function findQuotes(text: string, continuing: boolean): { spans: QuoteSpan[]; openAtEnd: boolean } {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  const close = (open: Open, index: number, width = 1): void => {
    spans.push({
      start: open.start,
      end: index + width,
      innerStart: open.start + (open.width ?? 1),
      innerEnd: index,
      depth: stack.length,
      runsOn: false,
      continued: open.continued,
    });
  };
  const popTo = (kind: Open['kind']): Open | undefined => {
    const at = stack.map((entry) => entry.kind).lastIndexOf(kind);
    if (at < 0) return undefined;
    const open = stack[at];
    stack.length = at; // quotes left open inside it (stray singles) close with it
    return open;
  };
  const top = (): Open | undefined => stack[stack.length - 1];

  const firstMark = text.search(/\S/);
  // A quotation carries on only into a paragraph that opens with a quotation mark, as news style
  // writes it; an unclosed quote followed by plain prose was a typo, and must not silence that prose.
  continuing = continuing && firstMark >= 0 && (/["\u201c\u00ab\u201e]/.test(text[firstMark]) || text.startsWith("''", firstMark));

  for (let i = 0; i < text.length; i++) {
    // Only the marks the switch below reads matter, and most characters are none of them: skip those first.
    if (!isQuotationMark(text.charCodeAt(i))) continue;
    const char = text[i];
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    switch (char) {
      case '\u201c':
      case '\u201e':
      case '\u00ab':
        stack.push({ kind: 'double', start: i, continued: continuing && i === firstMark && stack.length === 0 });
        break;
      case '\u201d':
      case '\u00bb': {
        const open = popTo('double');
        if (open) close(open, i);
        break;
      }
      case '"': {
        const canOpen = isSpaceOrStart(prev) && next !== undefined && !/\s/.test(next);
        if (top()?.kind === 'double' && !canOpen) close(popTo('double')!, i);
        else if (canOpen || i === firstMark) stack.push({ kind: 'double', start: i, continued: continuing && i === firstMark && stack.length === 0 });
        else if (stack.some((entry) => entry.kind === 'double')) close(popTo('double')!, i);
        break;
      }
      case '\u2018':
        if (!/\d/.test(next ?? '')) stack.push({ kind: 'single', start: i, continued: false });
        break;
      case '\u2019':
      case "'": {
        // '' for a double quotation mark, as some newspaper archives print it: ''Golf is a razor-thin industry.''
        if (char === "'" && next === "'") {
          const after = text[i + 2];
          const canOpen = isSpaceOrStart(prev) && after !== undefined && !/\s/.test(after);
          if (top()?.kind === 'double' && !canOpen) close(popTo('double')!, i, 2);
          else if (canOpen) stack.push({ kind: 'double', start: i, continued: continuing && i === firstMark && stack.length === 0, width: 2 });
          else if (stack.some((entry) => entry.kind === 'double')) close(popTo('double')!, i, 2);
          i++;
          break;
        }
        if (isWordChar(prev) && isWordChar(next)) break; // don't, Shoigu's
        if (isSpaceOrStart(prev) && /\d/.test(next ?? '')) break; // '90s
        if (top()?.kind === 'single' && prev !== undefined && !/\s/.test(prev)) {
          close(popTo('single')!, i);
          break;
        }
        const opensQuote = char === "'" && (isSpaceOrStart(prev) || prev === '"' || prev === '\u201c') && isWordChar(next);
        if (opensQuote) stack.push({ kind: 'single', start: i, continued: false });
        // Otherwise a trailing apostrophe (Koreans') or a stray mark: not a quote.
        break;
      }
      default:
        break;
    }
  }

  // A double quote left open runs on to the end of the paragraph; singles left open were apostrophes.
  const outer = stack.find((entry) => entry.kind === 'double');
  if (outer) {
    spans.push({
      start: outer.start,
      end: text.length,
      innerStart: outer.start + (outer.width ?? 1),
      innerEnd: text.length,
      depth: 0,
      runsOn: true,
      continued: outer.continued,
    });
  }
  return { spans: spans.sort((a, b) => a.start - b.start), openAtEnd: outer !== undefined };
}
