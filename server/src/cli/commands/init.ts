/** `copydesk init`: a commented starter `.copydesk.yml` that changes nothing until a line is uncommented. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../core/index';
import { CONFIG_FILE_NAME } from '../../project/config-file';
import { UsageError } from '../errors';

const SCHEMA_URL = 'https://raw.githubusercontent.com/copydesk/copydesk/main/schemas/copydesk.schema.json';

/** The starter file's text: every setting present as a comment, each rule at its default severity. */
export function starterConfig(): string {
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length)) + 1;
  const rules = RULES.map((rule) => `#   ${`${rule.id}:`.padEnd(idWidth)} ${rule.defaultSeverity.padEnd(11)} # ${rule.description}`);
  return `# yaml-language-server: $schema=${SCHEMA_URL}
#
# Copydesk project configuration. The nearest .copydesk.yml at or above a draft applies, in the editor
# and on the command line alike. It is data only: nothing here is ever executed, and terms are literal
# phrases, never regular expressions. Uncomment a line to change a setting; as written, this file keeps
# every default.

# Severity per rule: error | warning | information | hint | off. The values below are the defaults.
# Findings at warning or above fail \`copydesk\` in CI (exit code 1); information and hints do not.
# rules:
${rules.join('\n')}

# The newsroom's own loaded terms, each with neutral alternatives (the quick-fix offers them) and why.
# loaded_terms:
#   - term: junket
#     forms: [junkets]
#     alternatives: [trip, visit]
#     reason: House style - say who paid for the trip.

# Terms this newsroom allows: never flagged as loaded terms, verbs or editorializing.
# allow: [regime]

# Agencies, outlets and institutions that count as named sources ("the Copydesk Herald reported").
# sources: [Copydesk Herald]

# Words that never make a figure ("scored 3 goals" is not an uncited figure).
# not_figures: [goals, points]

# Ask anonymous sources for a reason for anonymity even when their role is given, as AP and Reuters do.
# require_anonymity_reason: true
`;
}

/** Writes the starter file into a folder; refuses to overwrite one that exists. Returns the path written. */
export function writeStarterConfig(folder: string, cwd: string): string {
  const target = resolve(cwd, folder);
  if (!existsSync(target) || !statSync(target).isDirectory()) throw new UsageError(`init: ${folder} is not a folder.`);
  const path = join(target, CONFIG_FILE_NAME);
  if (existsSync(path)) throw new UsageError(`init: ${path} already exists; not overwriting it.`);
  // "wx" so that a file appearing between the check and the write is not clobbered either.
  writeFileSync(path, starterConfig(), { flag: 'wx' });
  return path;
}
