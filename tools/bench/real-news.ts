/**
 * Real news for the benchmark: the article text of PolNeAR's train split (840 political news articles by
 * seven publishers, about 3.9 MB), read from the eval folder at run time and never copied into the
 * repository. Paragraphs that recur (bylines, "Advertisement", boilerplate) are kept once, so that no cache
 * answers for a paragraph it has seen and every size is text no one here wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalDir } from '../eval/data';

/** The corpus: its articles as written and its unique paragraphs in article order. */
export interface RealNews {
  file: string;
  articles: string[];
  paragraphs: string[];
  /** UTF-16 length of all unique paragraphs joined as one draft. */
  totalLength: number;
}

const PARAGRAPH_BREAK = /\n\s*\n/;

/** Reads the corpus, or undefined when the eval folder is not on this machine (the rows are then skipped). */
export function loadRealNews(dir = evalDir()): RealNews | undefined {
  const file = join(dir, 'polnear-train.jsonl');
  if (!existsSync(file)) return undefined;
  const articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { text: unknown }).text));
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const article of articles) {
    for (const raw of article.split(PARAGRAPH_BREAK)) {
      const paragraph = raw.trim();
      if (paragraph === '' || seen.has(paragraph)) continue;
      seen.add(paragraph);
      paragraphs.push(paragraph);
    }
  }
  const totalLength = paragraphs.reduce((sum, paragraph) => sum + paragraph.length + 2, -2);
  return { file, articles, paragraphs, totalLength };
}

/**
 * One markdown draft of about `length` UTF-16 units: whole unique paragraphs from `startParagraph` on
 * (wrapping round), blank lines between; the whole corpus when `length` reaches its size.
 */
export function realNewsDraft(news: RealNews, length: number, startParagraph = 0): string {
  if (length >= news.totalLength) return news.paragraphs.join('\n\n');
  const parts: string[] = [];
  let size = 0;
  for (let step = 0; size < length && step < news.paragraphs.length; step++) {
    const paragraph = news.paragraphs[(startParagraph + step) % news.paragraphs.length];
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

/** The `index`-th article of at least `words` words, cut after the paragraph that reaches that many. */
export function realNewsArticle(news: RealNews, words: number, index = 0): string {
  const long = news.articles.filter((article) => article.split(/\s+/).length >= words);
  const article = long[index % long.length];
  const kept: string[] = [];
  let count = 0;
  for (const paragraph of article.split(PARAGRAPH_BREAK)) {
    kept.push(paragraph.trim());
    count += paragraph.split(/\s+/).filter(Boolean).length;
    if (count >= words) break;
  }
  return kept.join('\n\n');
}

/**
 * The corpus cut into `count` small files of whole paragraphs (as many paragraphs in each as an even split
 * gives), for the archive measurement; `count` may not exceed the number of paragraphs.
 */
export function realNewsFiles(news: RealNews, count: number): string[] {
  const total = news.paragraphs.length;
  const files = Math.min(count, total);
  return Array.from({ length: files }, (_, index) => news.paragraphs.slice(Math.floor((index * total) / files), Math.floor(((index + 1) * total) / files)).join('\n\n'));
}
