import type { Position } from './types';

/**
 * Maps UTF-16 offsets to LSP line/character positions and back. Built once per document; lookups are
 * a binary search over line starts, so mapping every finding stays linear overall.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // \r\n counts as one break; a lone \r is a break too, as LSP defines lines.
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** The line/character of an offset, clamped into the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The 0-based line that holds an offset. */
  lineAt(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** How many lines the text has. */
  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * The index of the first item for which `isBefore` is false, in a list where it holds for a prefix of the
 * items and fails for the rest (a lower bound, by binary search).
 */
export function firstIndexNotBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The item of a sorted list of non-overlapping ranges that holds an offset, by binary search. */
export function covering<T>(items: readonly T[], offset: number, startOf: (item: T) => number, endOf: (item: T) => number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < startOf(items[mid])) high = mid - 1;
    else if (offset >= endOf(items[mid])) low = mid + 1;
    else return items[mid];
  }
  return undefined;
}
