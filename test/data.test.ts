/** The data files are checked at build: against their schema, and for entries listed twice. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicatesIn, vocabularyType } from '../scripts/data-checks.mjs';

const root = join(__dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'data', 'attribution.schema.json'), 'utf8'));
const vocabulary = parse(readFileSync(join(root, 'server', 'src', 'core', 'data', 'attribution.yml'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

describe('attribution.yml', () => {
  it('matches its schema', () => {
    expect(validate(vocabulary), JSON.stringify(validate.errors)).toBe(true);
  });

  it('lists no entry twice within a list', () => {
    expect(duplicatesIn('attribution.yml', vocabulary)).toEqual([]);
  });

  it('the schema refuses a section without its source, a word that is not a string, and an unknown section', () => {
    const broken = structuredClone(vocabulary);
    delete broken.hedges.source;
    broken.titles.words.push(42);
    broken.rumour_verbs = { source: 'nowhere', words: ['whispered'] };
    expect(validate(broken)).toBe(false);
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(problems).toEqual(expect.arrayContaining(["/hedges must have required property 'source'", expect.stringMatching(/^\/titles\/words\/\d+ must be string$/), ' must NOT have additional properties']));
  });

  it('the duplicate check names each entry listed twice, and keeps case apart (the lists matched by case hold both)', () => {
    const data = { speech_acts: { source: 'x', words: ['lamented', 'praised', 'lamented'] }, reporting_verbs: { source: 'x', words: ['according to', 'According to'] } };
    expect(duplicatesIn('attribution.yml', data)).toEqual(['attribution.yml speech_acts.words: "lamented" is listed twice']);
  });

  it('the TypeScript type is written from the schema, one field per list', () => {
    const type = vocabularyType(schema);
    expect(type).toContain('  hedges: {\n    source: string;\n    words: string[];\n    motive_words: string[];\n    motive_follows: string[];\n  };');
    expect(readFileSync(join(root, 'server', 'src', 'core', 'data', 'attribution.generated.ts'), 'utf8')).toBe(type);
  });
});
