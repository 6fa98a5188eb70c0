import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftsUnder } from './draft-files';

/** A tree with drafts, a non-draft, a dot-folder, node_modules, and links inside and out of it. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-walk-'));
  const outside = mkdtempSync(join(tmpdir(), 'copydesk-outside-'));
  for (const [path, text] of Object.entries({ 'b.md': 'b', 'a/c.news': 'cc', 'a/d.txt': 'ddd', 'notes.docx': 'x', '.git/e.md': 'e', 'node_modules/f.md': 'f' })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(outside, 'secret.md'), 'secret');
  symlinkSync(join(root, 'b.md'), join(root, 'alias.md'));
  symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'));
  symlinkSync(join(root, 'a'), join(root, 'loop'));
  return root;
}

describe('walking a folder for drafts', () => {
  it('finds drafts in sorted order with their format and size, and follows no link by default', () => {
    const root = tree();
    expect(draftsUnder(root).map((draft) => [draft.path.slice(root.length + 1), draft.format, draft.size])).toEqual([
      ['a/c.news', 'newsdraft', 2],
      ['a/d.txt', 'plaintext', 3],
      ['b.md', 'markdown', 1],
    ]);
  });

  it('takes a link to a draft inside the tree when asked, never one out of it or a linked folder', () => {
    const root = tree();
    expect(draftsUnder(root, { linksInsideTree: true }).map((draft) => draft.path.slice(root.length + 1))).toEqual(['a/c.news', 'a/d.txt', 'alias.md', 'b.md']);
  });

  it('leaves out what skip names and stops at the limit', () => {
    const root = tree();
    const skipped = draftsUnder(root, { skip: (path, isFolder) => isFolder && path.endsWith('/a') });
    expect(skipped.map((draft) => draft.path.slice(root.length + 1))).toEqual(['b.md']);
    expect(draftsUnder(root, { limit: 2 })).toHaveLength(2);
  });
});
