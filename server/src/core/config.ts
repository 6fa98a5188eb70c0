/**
 * Project configuration (`.copydesk.yml`): YAML only, never code. One resolver serves the editor and
 * the command line; invalid entries are reported with their place and the defaults stand in.
 */
import { editDistance } from './edit-distance';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { CONFIG_LIST_LIMIT } from './limits';
import { RULE_IDS } from './rules/index';
import type { RuleId, Severity } from './types';

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
  /**
   * Ask an anonymous source for a reason for anonymity even when its agency or role is given ("a senior
   * administration official said"), as AP and Reuters require both. Off by default: then a role is enough.
   */
  requireAnonymityReason: boolean;
}

/** A problem in a configuration, with its place (1-based line and column, UTF-16) when it came from a file. */
export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  /** Where the problem's span ends (1-based), for editors that underline it. */
  endLine?: number;
  endColumn?: number;
}

/** The configuration when there is none. */
export const DEFAULT_CONFIG: CopydeskConfig = Object.freeze({ rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [], requireAnonymityReason: false });

/** What a rule can be set to, in a config file or the editor's settings. */
export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SEVERITY_ALIASES: Record<string, Severity | 'off'> = { info: 'information', warn: 'warning', false: 'off', true: 'warning' };
const KEYS = ['rules', 'loaded_terms', 'allow', 'sources', 'not_figures', 'require_anonymity_reason'] as const;
const TERM_FIELDS = ['term', 'forms', 'alternatives', 'reason'] as const;

type Place = (node: { range?: readonly number[] | null } | null | undefined, message: string) => void;

/**
 * Parses `.copydesk.yml` text. Never throws: problems come back with places, defaults fill the gaps.
 *
 * The file is data, never code: custom tags (`!!js/function`) are not resolved, aliases are not
 * expanded (no "billion laughs"), and every term is a literal phrase, never a regular expression.
 * A file that is not valid YAML is ignored as a whole; an invalid entry is ignored on its own.
 */
export function parseConfig(text: string): { config: CopydeskConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const problems: ConfigProblem[] = [];
  const place: Place = (node, message) => {
    const range = node?.range;
    const offset = Math.min(range?.[0] ?? 0, text.length);
    const endOffset = Math.min(Math.max(range?.[1] ?? offset, offset), text.length);
    const { line, col } = lineCounter.linePos(offset);
    const end = lineCounter.linePos(endOffset);
    problems.push({ message, line, column: col, offset, endOffset, endLine: end.line, endColumn: end.col });
  };
  try {
    // Duplicate keys are reported below, entry by entry, rather than failing the whole file.
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
    for (const error of doc.errors) place({ range: error.pos }, `YAML syntax error: ${error.message.split('\n')[0]}`);
    for (const warning of doc.warnings) {
      const message = warning.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      place({ range: warning.pos }, /tag/i.test(message) ? `${message}: tags are not resolved (nothing in this file is run); the value is read as plain text.` : `Ignored: ${message}`);
    }
    if (doc.errors.length > 0) return { config: DEFAULT_CONFIG, problems };
    const config = readRoot(doc.contents, place);
    // In file order, as an editor's problem list reads.
    problems.sort((a, b) => a.offset - b.offset);
    return { config, problems };
  } catch (error) {
    // The YAML parser gave up (a nesting too deep for the stack, say): the defaults stand in.
    place(null, `Cannot read the configuration: ${(error as Error).message}`);
    return { config: DEFAULT_CONFIG, problems };
  }
}

function readRoot(root: YamlNode | null, place: Place): CopydeskConfig {
  const config: CopydeskConfig = { rules: {}, loadedTerms: [], allow: [], sources: [], notFigures: [], requireAnonymityReason: false };
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config;
  if (!isMap(root)) {
    place(root, 'The configuration must be a mapping of keys (rules, loaded_terms, allow, sources, not_figures, require_anonymity_reason).');
    return DEFAULT_CONFIG;
  }
  for (const { name, keyNode, value } of entries(root, place, 'key')) {
    if (!(KEYS as readonly string[]).includes(name)) {
      place(keyNode, `Unknown key "${name}": expected one of ${KEYS.join(', ')}.`);
      continue;
    }
    // An empty key ("allow:" with nothing yet) configures nothing, and is no mistake.
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (refuseAlias(value, place)) continue;
    if (name === 'rules') readRules(value, config, place);
    else if (name === 'require_anonymity_reason') {
      if (isScalar(value) && typeof value.value === 'boolean') config.requireAnonymityReason = value.value;
      else place(value, 'require_anonymity_reason must be true or false.');
    }
    else if (name === 'loaded_terms') readTerms(value, config, place);
    else {
      const list = readStrings(value, name, place);
      if (name === 'allow') config.allow = list.map((item) => item.toLowerCase());
      else if (name === 'sources') config.sources = list;
      else config.notFigures = list.map((item) => item.toLowerCase());
    }
  }
  return config;
}

/** A mapping's entries by name, reporting (and skipping) a key given twice: the first one counts. */
function entries(map: YAMLMap, place: Place, what: string): Array<{ name: string; keyNode: YamlNode | null; value: YamlNode | null }> {
  const seen = new Set<string>();
  const out: Array<{ name: string; keyNode: YamlNode | null; value: YamlNode | null }> = [];
  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    if (seen.has(name)) {
      place(keyNode, `Duplicate ${what} "${name}": only its first occurrence is used.`);
      continue;
    }
    seen.add(name);
    out.push({ name, keyNode, value: pair.value as YamlNode | null });
  }
  return out;
}

/** Aliases (`*name`) are not expanded: reported, and the entry is ignored. */
function refuseAlias(node: YamlNode | null, place: Place): boolean {
  if (!isAlias(node)) return false;
  place(node, `Aliases (*${node.source}) are not read in .copydesk.yml; write the value out.`);
  return true;
}

function readRules(value: YamlNode, config: CopydeskConfig, place: Place): void {
  if (!isMap(value)) {
    place(value, '"rules" must map rule ids to a severity (error, warning, information, hint) or off.');
    return;
  }
  for (const { name: id, keyNode, value: valueNode } of entries(value, place, 'rule')) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      place(keyNode, `Unknown rule "${id}"${suggestRule(id)}; known rules: ${RULE_IDS.join(', ')}.`);
      continue;
    }
    if (refuseAlias(valueNode, place)) continue;
    const raw = isScalar(valueNode) ? String(valueNode.value).toLowerCase() : '';
    const severity = SEVERITY_ALIASES[raw] ?? ((RULE_LEVELS as readonly string[]).includes(raw) ? (raw as Severity | 'off') : undefined);
    if (!severity) {
      place(valueNode ?? keyNode, `Rule "${id}": "${raw}" is not a severity; use error, warning, information, hint or off.`);
      continue;
    }
    config.rules[id as RuleId] = severity;
  }
}

function readTerms(value: YamlNode, config: CopydeskConfig, place: Place): void {
  if (!isSeq(value)) {
    place(value, '"loaded_terms" must be a list of entries with term and alternatives.');
    return;
  }
  for (const item of value.items.slice(0, CONFIG_LIST_LIMIT) as Array<YamlNode | null>) {
    if (refuseAlias(item, place)) continue;
    if (!isMap(item)) {
      place(item, 'Each loaded term is an entry with a "term" (a literal word or phrase) and its "alternatives".');
      continue;
    }
    const fields = new Map<string, YamlNode | null>();
    for (const { name, keyNode, value: field } of entries(item, place, 'field')) {
      if (!(TERM_FIELDS as readonly string[]).includes(name)) place(keyNode, `Unknown field "${name}" in a loaded term: expected ${TERM_FIELDS.join(', ')}.`);
      else if (!refuseAlias(field, place)) fields.set(name, field);
    }
    const termNode = fields.get('term');
    const term = isScalar(termNode) && (typeof termNode.value === 'string' || typeof termNode.value === 'number') ? String(termNode.value).trim() : '';
    if (term === '') {
      place(termNode ?? item, 'Each loaded term needs a "term" (a literal word or phrase).');
      continue;
    }
    if (!hasWord(term)) {
      place(termNode, `"${term}" has no letter or digit, so it can never match a word: terms are literal phrases, not patterns.`);
      continue;
    }
    const reason = fields.get('reason');
    config.loadedTerms.push({
      term: term.toLowerCase(),
      forms: stringsOf(fields.get('forms'), 'forms', place).map((form) => form.toLowerCase()),
      alternatives: stringsOf(fields.get('alternatives'), 'alternatives', place),
      reason: isScalar(reason) && typeof reason.value === 'string' ? reason.value : 'Listed as a loaded term in this project\'s .copydesk.yml.',
    });
  }
  if (value.items.length > CONFIG_LIST_LIMIT) place(value, `"loaded_terms" has ${value.items.length} entries; only the first ${CONFIG_LIST_LIMIT} are used.`);
}

/** A term field that may be one string or a list of strings. */
function stringsOf(node: YamlNode | null | undefined, name: string, place: Place): string[] {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  return readStrings(node, name, place);
}

function readStrings(value: YamlNode, name: string, place: Place): string[] {
  if (!isSeq(value)) {
    place(value, `"${name}" must be a list of words or phrases.`);
    return [];
  }
  const out: string[] = [];
  for (const item of value.items.slice(0, CONFIG_LIST_LIMIT) as Array<YamlNode | null>) {
    if (refuseAlias(item, place)) continue;
    const entry = isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? String(item.value).trim() : '';
    if (entry === '') place(item, `"${name}" entries must be words or phrases.`);
    else if (!hasWord(entry)) place(item, `"${entry}" has no letter or digit, so it can never match a word: entries are literal phrases, not patterns.`);
    else out.push(entry);
  }
  if (value.items.length > CONFIG_LIST_LIMIT) place(value, `"${name}" has ${value.items.length} entries; only the first ${CONFIG_LIST_LIMIT} are used.`);
  return out;
}

/** Whether a phrase has a letter or digit: the engine matches words, so one without can never match. */
function hasWord(phrase: string): boolean {
  return /[\p{L}\p{N}]/u.test(phrase);
}

/** ' (did you mean "loaded-term"?)' for a near miss, so a typo is easy to mend. */
export function suggestRule(id: string): string {
  const near = RULE_IDS.find((rule) => editDistance(rule, id) <= 3);
  return near ? ` (did you mean "${near}"?)` : '';
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
    requireAnonymityReason: partial.requireAnonymityReason === true,
  };
}
