/**
 * The sourcing report: for one draft, each named source with what it is cited for, each vague
 * attribution, each uncited figure and each unattributed quote, in order, with links to the lines.
 */
import { LineIndex, summariseSources, type Finding, type SourceAttribution } from '../core/index';

const VAGUE = new Set(['unattributed-claim', 'anonymous-source', 'hedged-attribution']);

const clip = (text: string, max = 140): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Entries listed per section: past this a report is no longer read, and a huge draft would make it megabytes. */
export const REPORT_SECTION_LIMIT = 2000;

const more = (count: number): string => `- … and ${count.toLocaleString('en')} more (a section lists the first ${REPORT_SECTION_LIMIT.toLocaleString('en')})`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The report as markdown: the same summary `copydesk sources` prints (each source once, what it carries,
 * the counts, a single-source warning), then each attribution with a link to its line, then the findings an
 * editor checks before a story runs.
 */
export function sourcingReport(title: string, uri: string, text: string, findings: Finding[], sources: SourceAttribution[]): string {
  // The same lines the findings' positions count (a lone \r is a break too, as in LSP).
  const lineIndex = new LineIndex(text);
  const lineOf = (offset: number): number => lineIndex.positionAt(offset).line;
  const link = (line: number): string => `[line ${line + 1}](${uri}#L${line + 1})`;
  const lines = [`# Sourcing report: ${title}`, ''];
  const summary = summariseSources(sources);
  lines.push(`${summary.named} named, ${summary.anonymous} anonymous, ${summary.vague} vague attributions.`);
  if (summary.singleSource !== null && summary.named > 1) lines.push('', `**This story rests on a single named source: ${summary.singleSource}.**`);
  else if (summary.named === 0 && sources.length > 0) lines.push('', '**No named source: every attribution is anonymous or vague.**');

  lines.push('', '## Sources', '');
  if (summary.groups.length === 0) lines.push('None found.');
  let listed = 0;
  for (const group of summary.groups) {
    if (listed >= REPORT_SECTION_LIMIT) break;
    const also = group.mentions.filter((mention) => mention !== group.name);
    lines.push(`- **${group.name}** (${group.kind}; ${plural(group.claims, 'claim')}: ${group.direct} quoted, ${group.indirect} reported${also.length > 0 ? `; also “${also.join('”, “')}”` : ''})`);
    for (const attribution of group.attributions.slice(0, REPORT_SECTION_LIMIT - listed)) {
      const at = attribution.cue?.offset ?? attribution.content[0]?.offset ?? 0;
      const said = attribution.content.map((range) => text.slice(range.offset, range.endOffset)).join(' … ').replace(/\s+/g, ' ');
      const as = attribution.speaker && attribution.speaker.text !== group.name ? ` (as “${attribution.speaker.text}”)` : attribution.speaker ? '' : ' (carried over)';
      lines.push(`  - ${link(lineOf(at))}, ${attribution.cue?.text ?? 'quoted'}${as}: ${clip(said)}`);
    }
    listed += group.attributions.length;
  }
  if (sources.length > REPORT_SECTION_LIMIT) lines.push(more(sources.length - REPORT_SECTION_LIMIT));

  const section = (heading: string, items: Finding[]): void => {
    lines.push('', `## ${heading}`, '');
    if (items.length === 0) lines.push('None found.');
    for (const finding of items.slice(0, REPORT_SECTION_LIMIT)) lines.push(`- ${link(finding.start.line)}: “${clip(finding.actual.replace(/\s+/g, ' '), 100)}” (${finding.ruleId})`);
    if (items.length > REPORT_SECTION_LIMIT) lines.push(more(items.length - REPORT_SECTION_LIMIT));
  };
  section('Vague attributions', findings.filter((finding) => VAGUE.has(finding.ruleId)));
  section('Uncited figures', findings.filter((finding) => finding.ruleId === 'uncited-figure'));
  section('Unattributed quotes', findings.filter((finding) => finding.ruleId === 'unattributed-quote'));
  return `${lines.join('\n')}\n`;
}
