#!/usr/bin/env node
// Compiles the engine's word lists (YAML, the reviewed source of truth) into one JSON module the pure
// engine can import without reading files. Fails loudly on a malformed entry so bad data never ships.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { duplicatesIn, vocabularyType } from './data-checks.mjs';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'core', 'data');
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'data');
const LEXICONS = { loadedTerms: 'loaded-terms.yml', loadedVerbs: 'loaded-verbs.yml', editorializing: 'editorializing.yml' };

const problems = [];
const read = (file) => {
  try {
    return parse(readFileSync(join(dataDir, file), 'utf8'));
  } catch (error) {
    const where = error.linePos?.[0] ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
    console.error(`copydesk: ${file}${where}: ${String(error.message).split('\n')[0]}`);
    process.exit(1);
  }
};

/** Every surface form of a lexicon entry, lower-cased, for the duplicate check. */
const surfaceForms = (entry) => [entry.term, ...(entry.forms ?? [])].map((form) => String(form).toLowerCase());

const seen = new Map();
const out = {};
for (const [key, file] of Object.entries(LEXICONS)) {
  const entries = read(file);
  if (!Array.isArray(entries)) problems.push(`${file}: expected a list of entries`);
  out[key] = (entries ?? []).map((entry, index) => {
    const where = `${file} entry ${index + 1} (${entry?.term ?? '?'})`;
    for (const field of ['term', 'reason', 'source']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') problems.push(`${where}: missing ${field}`);
    }
    if (!Array.isArray(entry?.alternatives)) problems.push(`${where}: alternatives must be a list`);
    // "#number" stands for any number after the term; no other "#" token exists.
    for (const phrase of entry?.not_followed_by ?? []) {
      if (typeof phrase === 'string' && phrase.startsWith('#') && phrase !== '#number') problems.push(`${where}: unknown token "${phrase}" in not_followed_by (only "#number")`);
    }
    for (const form of surfaceForms(entry ?? {})) {
      if (seen.has(form)) problems.push(`${where}: "${form}" already listed in ${seen.get(form)}`);
      seen.set(form, where);
    }
    return {
      term: entry.term,
      forms: entry.forms ?? [],
      alternatives: entry.alternatives ?? [],
      reason: entry.reason,
      source: entry.source,
      notFollowedBy: entry.not_followed_by ?? [],
      notPrecededBy: entry.not_preceded_by ?? [],
      caseSensitive: entry.case_sensitive === true,
    };
  });
}

const sources = read('known-sources.yml');
out.knownSources = (sources ?? []).map((entry, index) => {
  if (typeof entry?.name !== 'string') problems.push(`known-sources.yml entry ${index + 1}: missing name`);
  return { name: entry.name, forms: entry.forms ?? [], kind: entry.kind ?? 'institution' };
});

// The attribution vocabulary is checked against its schema (schemas/data/attribution.schema.json), and its
// TypeScript type is written from that schema, so the data, its check and its type cannot disagree.
const vocabularySchema = JSON.parse(readFileSync(join(schemaDir, 'attribution.schema.json'), 'utf8'));
out.vocabulary = read('attribution.yml');
const validateVocabulary = new Ajv({ allErrors: true }).compile(vocabularySchema);
if (!validateVocabulary(out.vocabulary)) {
  for (const error of validateVocabulary.errors ?? []) problems.push(`attribution.yml ${error.instancePath || '(top)'}: ${error.message}${error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''}`);
}
problems.push(...duplicatesIn('attribution.yml', out.vocabulary));
writeFileSync(join(dataDir, 'attribution.generated.ts'), vocabularyType(vocabularySchema));

if (problems.length > 0) {
  console.error(`copydesk: the word lists have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(join(dataDir, 'wordlists.generated.json'), JSON.stringify(out));
