/** The data files are checked at build: against their schema, and for entries listed twice. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicatesIn, entryType, repeatedForms, vocabularyType } from '../scripts/data-checks.mjs';

const root = join(__dirname, '..');
const schemaOf = (name: string) => JSON.parse(readFileSync(join(root, 'schemas', 'data', `${name}.schema.json`), 'utf8'));
const dataOf = (file: string) => parse(readFileSync(join(root, 'server', 'src', 'core', 'data', file), 'utf8'));
const schema = schemaOf('attribution');
const vocabulary = dataOf('attribution.yml');
const validate = new Ajv({ allErrors: true }).compile(schema);
const generatedTypes = readFileSync(join(root, 'server', 'src', 'core', 'data', 'types.generated.ts'), 'utf8');

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
    expect(generatedTypes).toContain(type);
  });
});

describe('the word lists (loaded terms, loaded verbs, editorializing)', () => {
  const lexiconSchema = schemaOf('lexicon');
  const validateLexicon = new Ajv({ allErrors: true }).compile(lexiconSchema);
  const files = ['loaded-terms.yml', 'loaded-verbs.yml', 'editorializing.yml'];
  const lower = (entry: Record<string, unknown>) => [entry.term, ...((entry.forms as unknown[]) ?? [])].map((form) => String(form).toLowerCase());

  it.each(files)('%s matches its schema', (file) => {
    expect(validateLexicon(dataOf(file)), JSON.stringify(validateLexicon.errors)).toBe(true);
  });

  it('no surface form is listed twice, within a file or across the three', () => {
    const seen = new Map<string, string>();
    expect(files.flatMap((file) => repeatedForms(file, dataOf(file), lower, seen))).toEqual([]);
  });

  it('the schema refuses a blank reason, a missing source, an unknown token or field, and alternatives that are not a list', () => {
    const broken = [
      { term: 'junta', alternatives: [], reason: '  ', source: 'x' },
      { term: 'regime', alternatives: [] , reason: 'r' },
      { term: 'masterminds', alternatives: [], reason: 'r', source: 's', not_followed_by: ['#year'] },
      { term: 'pariah', alternatives: 'outcast', reason: 'r', source: 's', note: 'x' },
    ];
    expect(validateLexicon(broken)).toBe(false);
    const problems = (validateLexicon.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/0\/reason must match pattern/),
      "/1 must have required property 'source'",
      expect.stringMatching(/^\/2\/not_followed_by\/0 must match pattern/),
      '/3/alternatives must be array',
      '/3 must NOT have additional properties',
    ]));
  });

  it('a form repeated across files is named with both places', () => {
    const seen = new Map<string, string>();
    repeatedForms('loaded-terms.yml', [{ term: 'regime', forms: ['Regime'] }], lower, seen);
    expect(repeatedForms('editorializing.yml', [{ term: 'REGIME' }], lower, seen)).toEqual(['editorializing.yml entry 1 (REGIME): "regime" already listed in loaded-terms.yml entry 1 (regime)']);
  });

  it('the entry type is written from the schema: required fields plain, optional ones marked', () => {
    const type = entryType('RawLexiconEntry', lexiconSchema);
    expect(type).toContain('  term: string;');
    expect(type).toContain('  not_followed_by?: string[];');
    expect(type).toContain('  case_sensitive?: boolean;');
    expect(generatedTypes).toContain(type);
  });
});

describe('known-sources.yml', () => {
  const sourcesSchema = schemaOf('known-sources');
  const validateSources = new Ajv({ allErrors: true }).compile(sourcesSchema);
  const asWritten = (entry: Record<string, unknown>) => [entry.name, ...((entry.forms as unknown[]) ?? [])].map(String);

  it('matches its schema, and names no source twice', () => {
    const sources = dataOf('known-sources.yml');
    expect(validateSources(sources), JSON.stringify(validateSources.errors)).toBe(true);
    expect(repeatedForms('known-sources.yml', sources, asWritten)).toEqual([]);
  });

  it('the schema refuses an unknown kind and a missing name; the type lists the kinds', () => {
    expect(validateSources([{ name: 'Agency X', kind: 'blog', source: 's' }, { kind: 'agency', source: 's' }])).toBe(false);
    const problems = (validateSources.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(problems).toEqual(expect.arrayContaining(['/0/kind must be equal to one of the allowed values', "/1 must have required property 'name'"]));
    expect(entryType('RawKnownSource', sourcesSchema)).toContain('  kind: "agency" | "state-media" | "outlet" | "institution";');
  });
});
