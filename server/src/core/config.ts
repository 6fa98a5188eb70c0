/**
 * Project configuration (`.copydesk.yml`): YAML only, never code. One resolver serves the editor and
 * the command line; invalid entries are reported with their place and the defaults stand in.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { RULE_IDS, type RuleId, type Severity } from './types';

/** A newsroom's own loaded term, from config. */
export interface ConfigTerm {
  term: string;
  forms: string[];
  alternatives: string[];
  reason: string;
}

/** The resolved configuration the engine runs with. */
export interface CopydeskConfig {
  /** Per-rule severity, or "off". Rules not named keep their default. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** Extra loaded terms with their alternatives. */
  loadedTerms: ConfigTerm[];
  /** Terms the newsroom allows (never flagged by the word-list rules). */
  allow: string[];
  /** Extra known sources: agencies, outlets, institutions. */
  sources: string[];
  /** Words that never make a figure ("goals", "points"). */
  notFigures: string[];
}

/** A problem in a configuration, with its place (1-based line and column) when it came from a file. */
export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
}

/** The configuration when there is none. */
export const DEFAULT_CONFIG: CopydeskConfig = Object.freeze({ rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [] });

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SEVERITY_ALIASES: Record<string, Severity | 'off'> = { info: 'information', warn: 'warning', false: 'off', true: 'warning' };
const KEYS = ['rules', 'loaded_terms', 'allow', 'sources', 'not_figures'] as const;
const LIMIT = 5000;

/** Parses `.copydesk.yml` text. Never throws: problems come back with places, defaults fill the gaps. */
export function parseConfig(text: string): { config: CopydeskConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: ConfigProblem[] = [];
  const place = (range: readonly number[] | undefined | null, message: string): void => {
    const offset = range?.[0] ?? 0;
    const endOffset = Math.max(range?.[1] ?? offset, offset);
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ message, line, column: col, offset, endOffset });
  };
  for (const error of doc.errors) place(error.pos, `YAML syntax error: ${error.message.split('\n')[0]}`);
  // Custom tags (!!js/function and the like) are never resolved: the file is data, not code.
  for (const warning of doc.warnings) place(warning.pos, `Ignored: ${warning.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  if (doc.errors.length > 0) return { config: DEFAULT_CONFIG, problems };

  const config: CopydeskConfig = { rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    place(root.range, 'The configuration must be a mapping of keys (rules, loaded_terms, allow, sources, not_figures).');
    return { config: DEFAULT_CONFIG, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    if (!(KEYS as readonly string[]).includes(name)) {
      place(keyNode?.range, `Unknown key "${name}": expected one of ${KEYS.join(', ')}.`);
      continue;
    }
    if (name === 'rules') readRules(value, config, place);
    else if (name === 'loaded_terms') readTerms(value, config, place);
    else {
      const list = readStrings(value, name, place);
      if (name === 'allow') config.allow = list.map((item) => item.toLowerCase());
      else if (name === 'sources') config.sources = list;
      else config.notFigures = list.map((item) => item.toLowerCase());
    }
  }
  return { config, problems };
}

type Place = (range: readonly number[] | undefined | null, message: string) => void;

function readRules(value: YamlNode | null, config: CopydeskConfig, place: Place): void {
  if (!isMap(value)) {
    place(value?.range, '"rules" must map rule ids to a severity (error, warning, information, hint) or off.');
    return;
  }
  for (const pair of value.items) {
    const keyNode = pair.key as YamlNode | null;
    const id = isScalar(keyNode) ? String(keyNode.value) : '';
    const valueNode = pair.value as YamlNode | null;
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      place(keyNode?.range, `Unknown rule "${id}"${suggestRule(id)}; known rules: ${RULE_IDS.join(', ')}.`);
      continue;
    }
    const raw = isScalar(valueNode) ? String(valueNode.value).toLowerCase() : '';
    const severity = SEVERITY_ALIASES[raw] ?? ((SEVERITIES as readonly string[]).includes(raw) ? (raw as Severity | 'off') : undefined);
    if (!severity) {
      place(valueNode?.range ?? keyNode?.range, `Rule "${id}": "${raw}" is not a severity; use error, warning, information, hint or off.`);
      continue;
    }
    config.rules[id as RuleId] = severity;
  }
}

function readTerms(value: YamlNode | null, config: CopydeskConfig, place: Place): void {
  if (!isSeq(value)) {
    place(value?.range, '"loaded_terms" must be a list of entries with term and alternatives.');
    return;
  }
  for (const item of value.items.slice(0, LIMIT) as Array<YamlNode | null>) {
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
    const term = typeof entry?.term === 'string' ? entry.term.trim() : '';
    if (!entry || term === '') {
      place(item?.range, 'Each loaded term needs a "term" (a literal word or phrase).');
      continue;
    }
    const strings = (field: unknown): string[] => (Array.isArray(field) ? field.filter((x): x is string => typeof x === 'string') : typeof field === 'string' ? [field] : []);
    config.loadedTerms.push({
      term: term.toLowerCase(),
      forms: strings(entry.forms).map((form) => form.toLowerCase()),
      alternatives: strings(entry.alternatives),
      reason: typeof entry.reason === 'string' ? entry.reason : 'Listed as a loaded term in this project\'s .copydesk.yml.',
    });
  }
  if (value.items.length > LIMIT) place(value.range, `"loaded_terms" has ${value.items.length} entries; only the first ${LIMIT} are used.`);
}

function readStrings(value: YamlNode | null, name: string, place: Place): string[] {
  if (!isSeq(value)) {
    place(value?.range, `"${name}" must be a list of words or phrases.`);
    return [];
  }
  const out: string[] = [];
  for (const item of value.items.slice(0, LIMIT) as Array<YamlNode | null>) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim() !== '') out.push(String(item.value).trim());
    else place(item?.range, `"${name}" entries must be words or phrases.`);
  }
  if (value.items.length > LIMIT) place(value.range, `"${name}" has ${value.items.length} entries; only the first ${LIMIT} are used.`);
  return out;
}

/** ' (did you mean "loaded-term"?)' for a near miss, so a typo is easy to mend. */
export function suggestRule(id: string): string {
  const near = RULE_IDS.find((rule) => distance(rule, id) <= 3);
  return near ? ` (did you mean "${near}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Fills a partial configuration (from code or settings) with defaults. */
export function resolveConfig(partial: Partial<CopydeskConfig> | undefined): CopydeskConfig {
  if (!partial) return DEFAULT_CONFIG;
  return {
    rules: { ...(partial.rules ?? {}) },
    loadedTerms: partial.loadedTerms ?? [],
    allow: (partial.allow ?? []).map((term) => term.toLowerCase()),
    sources: partial.sources ?? [],
    notFigures: (partial.notFigures ?? []).map((word) => word.toLowerCase()),
  };
}
