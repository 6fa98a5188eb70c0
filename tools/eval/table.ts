/**
 * Renders the evaluation rows as one Markdown table, so the printed output can be pasted into the
 * README or an issue as it stands.
 */
import type { Row } from './evaluate';

const HEADERS = ['set', 'system', 'rule family', 'unit', 'precision', 'recall', 'F1', '95% CI', 'fp rate', 'n', 'counts'];

const fixed = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

/** The counts behind a row, so a reader can see how small a denominator is. */
export function countsOf(row: Row): string {
  if (row.fpRate !== null) return `${row.flagged}/${row.n} flagged`;
  return `${row.correct}/${row.flagged} right, ${row.found}/${row.positives} found`;
}

/** The cells of a row, in header order. */
export function cells(row: Row): string[] {
  const ci = row.ciLow === null || row.ciHigh === null ? '–' : `${row.ciLow.toFixed(3)}–${row.ciHigh.toFixed(3)}`;
  return [row.set, row.system, row.family, row.unit, fixed(row.precision), fixed(row.recall), fixed(row.f1), ci, fixed(row.fpRate), String(row.n), countsOf(row)];
}

/** The table as aligned Markdown. */
export function renderTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (values: string[]): string => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(HEADERS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
