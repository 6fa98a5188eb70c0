/**
 * `npm run generate`: rewrites the files generated from the rule manifests (see generated-files.ts) and
 * says which changed. Review the change like any other: it is what users of the settings and schema see.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedFiles } from './generated-files';

const root = resolve(__dirname, '..', '..');
let changed = 0;
for (const file of generatedFiles(root)) {
  const path = join(root, file.path);
  if (readFileSync(path, 'utf8') === file.content) continue;
  writeFileSync(path, file.content);
  console.log(`updated ${file.path}`);
  changed++;
}
console.log(changed === 0 ? 'generated files are up to date' : `${changed} generated file(s) updated: review them with git diff`);
