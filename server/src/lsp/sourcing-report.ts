/**
 * The sourcing report: for one draft, each named source with what it is cited for, each vague
 * attribution, each uncited figure and each unattributed quote, in order, with links to the lines.
 */
import type { Finding, SourceMention } from '../core/index';

const VAGUE = new Set(['unattributed-claim', 'anonymous-source', 'hedged-attribution']);

const clip = (text: string, max = 140): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Entries listed per section: past this a report is no longer read, and a huge draft would make it megabytes. */
export const REPORT_SECTION_LIMIT = 2000;

const more = (count: number): string => `- … and ${count.toLocaleString('en')} more (a section lists the first ${REPORT_SECTION_LIMIT.toLocaleString('en')})`;

/** The report as markdown. */
export function sourcingReport(title: string, uri: string, findings: Finding[], sources: SourceMention[]): string {
  const link = (line: number): string => `[line ${line + 1}](${uri}#L${line + 1})`;
  const lines = [`# Sourcing report: ${title}`, ''];

  lines.push('## Named sources', '');
  const bySpeaker = new Map<string, SourceMention[]>();
  // "he said" is filed under the source it refers to, when the paragraph named one before it.
  for (const source of sources) {
    const key = (source.antecedent ?? source.speaker).replace(/\s+/g, ' ');
    const mentions = bySpeaker.get(key);
    if (mentions) mentions.push(source);
    else bySpeaker.set(key, [source]);
  }
  if (bySpeaker.size === 0) lines.push('None found.');
  let listed = 0;
  for (const [speaker, mentions] of bySpeaker) {
    if (listed >= REPORT_SECTION_LIMIT) break;
    lines.push(`- **${speaker}** (${mentions[0].antecedent === undefined ? mentions[0].kind : 'named'})`);
    for (const mention of mentions.slice(0, REPORT_SECTION_LIMIT - listed)) {
      const as = mention.antecedent === undefined ? '' : ` (as “${mention.speaker}”)`;
      lines.push(`  - ${link(mention.start.line)}, ${mention.verb}${as}: ${clip(mention.sentence)}`);
    }
    listed += mentions.length;
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
