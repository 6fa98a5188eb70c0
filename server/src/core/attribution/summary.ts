/**
 * A story's sourcing at a glance, as an editor reads it before the story runs: each source once, with
 * its mentions merged ("Kim Jong Un", "Kim", "the North Korean leader", "he"), how many claims it carries,
 * quoted or reported; counts of named, anonymous and vague sourcing; and whether the story rests on one
 * named source. `copydesk sources` and the editor's sourcing report both print this.
 */
import type { SourceAttribution } from './document';
import type { AttributionKind } from './speech';

/** One source of a story with everything it is cited for. */
export interface SourceGroup {
  /** The full name, or the words of a vague or anonymous source as written. */
  name: string;
  kind: AttributionKind;
  /** The different ways the story refers to it, in order of first use. */
  mentions: string[];
  /** Attributions carried by this source. */
  claims: number;
  direct: number;
  indirect: number;
  /** The attributions, in document order. */
  attributions: SourceAttribution[];
}

/** The sourcing of one story. */
export interface SourcingSummary {
  groups: SourceGroup[];
  /** Attributions to named people, organisations, documents, and pronouns or quotations that stand for them. */
  named: number;
  anonymous: number;
  vague: number;
  /** The one named source every named attribution comes from, when there is exactly one. */
  singleSource: string | null;
}

const NAMED_KINDS: ReadonlySet<AttributionKind> = new Set(['named', 'organisation', 'document', 'pronoun']);

/** Groups a story's attributions by the source they stand for. */
export function summariseSources(attributions: readonly SourceAttribution[]): SourcingSummary {
  const groups = new Map<string, SourceGroup>();
  let named = 0;
  let anonymous = 0;
  let vague = 0;
  for (const attribution of attributions) {
    const spoken = attribution.speaker?.text.replace(/\s+/g, ' ') ?? '';
    // A pronoun with nothing to stand for is filed under itself; a carried quotation with no one before it too.
    const name = attribution.resolved ?? (spoken || '(unnamed speaker)');
    const kind: AttributionKind = attribution.kind === 'pronoun' && attribution.resolved !== null ? 'named' : attribution.kind;
    if (kind === 'anonymous') anonymous++;
    else if (kind === 'vague') vague++;
    else if (NAMED_KINDS.has(kind)) named++;
    const key = `${attribution.resolved === null ? kind : 'resolved'}|${name.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      group = { name, kind, mentions: [], claims: 0, direct: 0, indirect: 0, attributions: [] };
      groups.set(key, group);
    }
    if (spoken && !group.mentions.includes(spoken)) group.mentions.push(spoken);
    group.claims++;
    if (attribution.direct) group.direct++;
    else group.indirect++;
    group.attributions.push(attribution);
  }
  const merged = mergeSurnames([...groups.values()]);
  const namedGroups = merged.filter((group) => NAMED_KINDS.has(group.kind));
  return { groups: merged, named, anonymous, vague, singleSource: namedGroups.length === 1 ? namedGroups[0].name : null };
}

/** "Trump" cited before "Donald Trump" was named in full joins the full name's group. */
function mergeSurnames(groups: SourceGroup[]): SourceGroup[] {
  // Each word of a multi-word person's name -> that group (the first one given), for a lookup per group.
  const fullNames = new Map<string, SourceGroup>();
  for (const group of groups) {
    const words = group.name.split(' ');
    if (group.kind !== 'named' || words.length < 2) continue;
    for (const word of words) if (!fullNames.has(word)) fullNames.set(word, group);
  }
  const kept: SourceGroup[] = [];
  const merged = new Set<SourceGroup>();
  for (const group of groups) {
    const words = group.name.split(' ');
    const fuller = words.length === 1 && group.kind === 'named' ? fullNames.get(words[0]) : undefined;
    if (!fuller || fuller === group) {
      kept.push(group);
      continue;
    }
    for (const mention of group.mentions) if (!fuller.mentions.includes(mention)) fuller.mentions.push(mention);
    fuller.claims += group.claims;
    fuller.direct += group.direct;
    fuller.indirect += group.indirect;
    fuller.attributions.push(...group.attributions);
    merged.add(fuller);
  }
  const at = (attribution: SourceAttribution): number => attribution.cue?.offset ?? attribution.content[0]?.offset ?? 0;
  for (const group of merged) group.attributions.sort((a, b) => at(a) - at(b));
  return kept;
}
