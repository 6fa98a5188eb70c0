/**
 * Drafts an attacker (or a broken export) might hand the engine: shapes that once made linting
 * superlinear. The regression tests lint each within the size limits and check the work stays linear;
 * `npm run fuzz` times each at n and 2n characters.
 */
import type { Format } from './types';

export interface HostileShape {
  name: string;
  format: Format;
  /** The i-th repeat of the shape's unit. */
  unit(index: number): string;
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  { name: 'reference definitions', format: 'markdown', unit: (i) => `[r${i}]: https://example.com/story/${i}\n` },
  { name: 'references used by prose', format: 'markdown', unit: (i) => (i % 2 ? `[r${i}]: https://example.com/${i}\n` : `The minister said the plan [r${i + 1}] would pass.\n\n`) },
  { name: 'unclosed "(source: " runs', format: 'plaintext', unit: () => '(source: ' },
  { name: 'unclosed "[[" in newsdraft', format: 'newsdraft', unit: () => '[[' },
  { name: 'an unclosed <!--', format: 'markdown', unit: (i) => (i === 0 ? '<!-- ' : 'word ') },
  { name: 'directives on one line', format: 'markdown', unit: () => '<!-- copydesk-disable loaded-term --> ' },
  { name: 'a run of apostrophes', format: 'plaintext', unit: () => "'" },
  { name: '1,000,000.5-style numbers', format: 'plaintext', unit: () => '1,000,000.5 ' },
  { name: '"so-called" with no sentence break', format: 'plaintext', unit: () => 'so-called ' },
  { name: '_a_ emphasis on one line', format: 'markdown', unit: () => '_a_ ' },
  { name: 'lazy blockquote lines > "a', format: 'markdown', unit: () => '> "a\n' },
  { name: 'thousands of [', format: 'markdown', unit: () => '[' },
  { name: 'unbalanced quotation marks', format: 'plaintext', unit: () => '"a ' },
  { name: 'one sentence with no end', format: 'plaintext', unit: () => 'critics say the regime killed 100 people and ' },
];

/**
 * A draft of `size` characters of the shape. Every 97th unit is followed by a numbered word, so no two
 * stretches of the draft are the same text: the engine's caches cannot make a repeated shape look cheap.
 */
export function hostileDraft(shape: HostileShape, size: number): string {
  let text = '';
  for (let index = 0; text.length < size; index++) text += shape.unit(index) + (index % 97 === 96 ? ` v${index} ` : '');
  return text.slice(0, size);
}
