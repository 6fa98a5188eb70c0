import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string): Array<Record<string, unknown>> => parse(readFileSync(join(__dirname, file), 'utf8'));
const lexicons = { 'loaded-terms.yml': 80, 'loaded-verbs.yml': 25, 'editorializing.yml': 20 } as const;

describe('word lists', () => {
  it.each(Object.entries(lexicons))('%s has at least %i entries, each with a reason and a source', (file, minimum) => {
    const entries = read(file);
    expect(entries.length).toBeGreaterThanOrEqual(minimum);
    for (const entry of entries) {
      expect(typeof entry.term, JSON.stringify(entry)).toBe('string');
      expect(String(entry.reason ?? '').trim().length, `${entry.term} needs a reason`).toBeGreaterThan(10);
      expect(String(entry.source ?? '').trim().length, `${entry.term} needs a guidance source`).toBeGreaterThan(3);
      expect(Array.isArray(entry.alternatives), `${entry.term} needs alternatives (a list)`).toBe(true);
    }
  });

  it('loaded terms and loaded verbs always offer a neutral alternative', () => {
    for (const file of ['loaded-terms.yml', 'loaded-verbs.yml']) {
      for (const entry of read(file)) expect((entry.alternatives as string[]).length, `${file}: ${entry.term}`).toBeGreaterThan(0);
    }
  });

  it('context phrases are plain words, or the one "#number" token', () => {
    for (const file of Object.keys(lexicons)) {
      for (const entry of read(file)) {
        for (const phrase of [...((entry.not_followed_by as string[] | undefined) ?? []), ...((entry.not_preceded_by as string[] | undefined) ?? [])]) {
          if (String(phrase).startsWith('#')) expect(phrase, `${file}: ${entry.term}`).toBe('#number');
        }
        for (const phrase of (entry.not_preceded_by as string[] | undefined) ?? []) expect(phrase, `${file}: ${entry.term}: "#number" only follows`).not.toBe('#number');
      }
    }
  });

  it('no term or form is listed twice, within or across the lists', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const file of Object.keys(lexicons)) {
      for (const entry of read(file)) {
        for (const form of [entry.term, ...((entry.forms as string[] | undefined) ?? [])].map((item) => String(item).toLowerCase())) {
          if (seen.has(form)) duplicates.push(`${form} (${seen.get(form)} and ${file})`);
          seen.set(form, file);
        }
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('the wire-service alternatives the desk expects are first', () => {
    const first = (term: string): unknown => (read('loaded-terms.yml').find((entry) => entry.term === term)?.alternatives as string[])?.[0];
    expect(first('pariah state')).toBe('isolated country');
    expect(first('dictator')).toBe('leader');
    expect((read('loaded-verbs.yml').find((entry) => entry.term === 'claimed')?.alternatives as string[])[0]).toBe('said');
  });

  it('known sources have names and kinds', () => {
    const sources = read('known-sources.yml');
    expect(sources.length).toBeGreaterThanOrEqual(40);
    for (const source of sources) expect(typeof source.name).toBe('string');
  });

  it('every attribution vocabulary list names its guidance source', () => {
    const vocabulary = parse(readFileSync(join(__dirname, 'attribution.yml'), 'utf8')) as Record<string, { source?: string }>;
    for (const [name, list] of Object.entries(vocabulary)) expect(list.source, name).toBeTruthy();
  });
});
