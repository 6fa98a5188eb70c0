/**
 * The files, or parts of files, generated from the rule manifests and the engine's limits: the settings
 * enum in package.json, the config schema's rule-id pattern and list caps, and the README's rule table.
 * `npm run generate` writes them; `test/generated.test.ts` fails when a committed copy differs, so a new
 * rule or a changed manifest cannot leave a stale list behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_LEVELS, RULES } from '../../server/src/core/index';
import { CONFIG_LIST_LIMIT } from '../../server/src/core/limits';

/** A file as the manifests say it should read. */
export interface GeneratedFile {
  /** Path from the repository root. */
  path: string;
  content: string;
}

/** The README's rule table sits between these two lines. */
export const README_TABLE_START = '<!-- rules table: generated from the rule manifests by `npm run generate` -->';
export const README_TABLE_END = '<!-- end of rules table -->';

const LISTS = ['loaded_terms', 'allow', 'sources', 'not_figures'] as const;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** package.json with `copydesk.rules` listing every rule, its levels and what it flags. */
export function packageJson(current: string): string {
  const manifest = JSON.parse(current);
  const setting = manifest.contributes.configuration.properties['copydesk.rules'];
  setting.properties = Object.fromEntries(
    RULES.map((rule) => [rule.id, { type: 'string', enum: [...RULE_LEVELS], description: `${rule.description} Default: ${rule.defaultSeverity}.` }]),
  );
  setting.additionalProperties = false;
  return json(manifest);
}

/** The config schema with the rule-id pattern and the list caps the engine applies. */
export function configSchema(current: string): string {
  const schema = JSON.parse(current);
  schema.properties.rules.patternProperties = { [`^(${RULES.map((rule) => rule.id).join('|')})$`]: { enum: [...RULE_LEVELS] } };
  for (const list of LISTS) schema.properties[list].maxItems = CONFIG_LIST_LIMIT;
  return json(schema);
}

/** The README's rule table, between its markers. */
export function readme(current: string): string {
  const start = current.indexOf(README_TABLE_START);
  const end = current.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the rule table's markers are missing ("${README_TABLE_START}" … "${README_TABLE_END}")`);
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.flags} | ${rule.defaultSeverity} |`);
  const table = ['| id | flags | default |', '|---|---|---|', ...rows].join('\n');
  return `${current.slice(0, start)}${README_TABLE_START}\n${table}\n${current.slice(end)}`;
}

/** Every generated file, computed from the files as they stand under `root`. */
export function generatedFiles(root: string): GeneratedFile[] {
  const read = (path: string): string => readFileSync(join(root, path), 'utf8');
  return [
    { path: 'package.json', content: packageJson(read('package.json')) },
    { path: 'schemas/copydesk.schema.json', content: configSchema(read('schemas/copydesk.schema.json')) },
    { path: 'README.md', content: readme(read('README.md')) },
  ];
}
