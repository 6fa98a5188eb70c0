/**
 * Drift: the files generated from the rule manifests must be what `npm run generate` would write now, and
 * each manifest must agree with its rule page and its own examples.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../server/src/core/index';
import { generatedFiles, readme } from '../tools/generate/generated-files';

const root = join(__dirname, '..');

describe('files generated from the rule manifests', () => {
  for (const file of generatedFiles(root)) {
    it(`${file.path} is up to date (run npm run generate and review the diff if not)`, () => {
      expect(readFileSync(join(root, file.path), 'utf8') === file.content, `${file.path} differs from what the rule manifests generate: run npm run generate`).toBe(true);
    });
  }

  it('the README table lists every rule once, in registry order', () => {
    const ids = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
    expect(ids.filter((id) => RULES.some((rule) => rule.id === id))).toEqual(RULES.map((rule) => rule.id));
  });

  it('refuses a README without the table markers rather than guess where the table goes', () => {
    expect(() => readme('# Copydesk\n\nno table here\n')).toThrow(/markers are missing/);
  });

  it('package.json offers exactly the rule ids as settings, each with the levels and a description', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const settings = manifest.contributes.configuration.properties['copydesk.rules'].properties;
    expect(Object.keys(settings)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) expect(settings[rule.id].description).toContain(rule.description);
  });
});

describe('rule manifests', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a page in docs/rules whose heading gives its id and default severity', () => {
        const page = join(root, 'docs', 'rules', `${rule.id}.md`);
        expect(existsSync(page), page).toBe(true);
        expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${rule.id} (default: ${rule.defaultSeverity})`);
      });

      it('flags each of its flagged examples', () => {
        expect(rule.examples.flagged.length).toBeGreaterThan(0);
        for (const example of rule.examples.flagged) expect(lint(example, { format: 'plaintext' }).map((finding) => finding.ruleId), example).toContain(rule.id);
      });

      it('leaves each of its quiet examples alone', () => {
        expect(rule.examples.quiet.length).toBeGreaterThan(0);
        for (const example of rule.examples.quiet) expect(lint(example, { format: 'plaintext' }).map((finding) => finding.ruleId), example).not.toContain(rule.id);
      });

      it('names only config keys the schema defines', () => {
        const schema = JSON.parse(readFileSync(join(root, 'schemas', 'copydesk.schema.json'), 'utf8'));
        for (const key of rule.options) expect(Object.keys(schema.properties)).toContain(key);
      });
    });
  }
});
