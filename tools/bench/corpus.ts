/** News text for the benchmark, built from the project's fixtures to a target size. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', '..', 'test-fixtures');

/** The fixture drafts' text (markdown only), the raw material of every benchmark input. */
export function fixtureText(): string {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(FIXTURES, name), 'utf8'))
    .join('\n\n');
}

/**
 * A markdown draft of about `bytes` UTF-16 units. Each repetition renames the people in it and marks
 * every paragraph, so no two paragraphs are identical and no cache can answer for one it has not analysed.
 */
export function draftOfSize(bytes: number, variant = 0): string {
  const seed = fixtureText();
  const parts: string[] = [];
  let length = 0;
  for (let copy = 0; length < bytes; copy++) {
    // Every paragraph and line gets a mark of its own, so even those that name no one differ between copies.
    let paragraph = 0;
    const part = seed
      .replace(/\b(Kim|Shoigu|Kang|Biden|Li)\b/g, (name) => `${name}${variant}x${copy}`)
      // After any markup that opens the line ("# ", "- ", "**"), so headings, list items and emphasised
      // lines differ too and the markdown parser, not its chunk cache, reads them.
      .replace(/^((?:#{1,6} |[-*+] |\d+\. |> )?(?:\*\*|__|\*|_)?)(?=[A-Za-z])/gm, (_, markup: string) => `${markup}Update ${variant}.${copy}.${paragraph++}: `);
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/** A draft of about `words` words (the "1,000-word article"). */
export function articleOfWords(words: number): string {
  const text = draftOfSize(words * 8);
  const cut = text.split(/\s+/).slice(0, words).join(' ');
  return cut.replace(/([.!?]) /g, (_, mark: string, offset: number) => (offset % 5 === 0 ? `${mark}\n\n` : `${mark} `));
}
