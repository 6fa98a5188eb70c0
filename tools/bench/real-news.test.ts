import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRealNews, realNewsArticle, realNewsDraft, realNewsFiles } from './real-news';

// A corpus of our own writing in the shape of the eval file: one article a row, paragraphs between blank lines.
function corpusFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-real-news-'));
  const rows = [
    { id: 'a', text: 'The council met on Tuesday.\n\nAdvertisement\n\nThe mayor said the bus route would close in March.' },
    { id: 'b', text: 'Advertisement\n\nRiders gathered outside the depot.\n\n\n\nThe union said 40 drivers would lose their jobs.' },
  ];
  writeFileSync(join(folder, 'polnear-train.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return folder;
}

describe('the real-news benchmark corpus', () => {
  it('keeps each paragraph once, in article order', () => {
    const news = loadRealNews(corpusFolder())!;
    expect(news.paragraphs).toEqual(['The council met on Tuesday.', 'Advertisement', 'The mayor said the bus route would close in March.', 'Riders gathered outside the depot.', 'The union said 40 drivers would lose their jobs.']);
    expect(news.totalLength).toBe(news.paragraphs.join('\n\n').length);
  });

  it('is absent, not an error, where the eval folder is not on the machine', () => {
    expect(loadRealNews(join(tmpdir(), 'no-such-eval-folder'))).toBeUndefined();
  });

  it('cuts drafts of whole paragraphs to a size, from any paragraph, and the whole corpus at its size', () => {
    const news = loadRealNews(corpusFolder())!;
    expect(realNewsDraft(news, 30)).toBe('The council met on Tuesday.\n\nAdvertisement');
    expect(realNewsDraft(news, 20, 4)).toBe('The union said 40 drivers would lose their jobs.');
    expect(realNewsDraft(news, 10, 5)).toBe('The council met on Tuesday.');
    expect(realNewsDraft(news, Infinity)).toBe(news.paragraphs.join('\n\n'));
  });

  it('cuts an article after the paragraph that reaches the words asked for', () => {
    const news = loadRealNews(corpusFolder())!;
    expect(realNewsArticle(news, 5)).toBe('The council met on Tuesday.');
    expect(realNewsArticle(news, 12, 0)).toBe('The council met on Tuesday.\n\nAdvertisement\n\nThe mayor said the bus route would close in March.');
  });

  it('splits the corpus into files that hold every paragraph once', () => {
    const news = loadRealNews(corpusFolder())!;
    const files = realNewsFiles(news, 3);
    expect(files).toHaveLength(3);
    expect(files.join('\n\n')).toBe(news.paragraphs.join('\n\n'));
    expect(realNewsFiles(news, 99)).toHaveLength(5);
  });
});
