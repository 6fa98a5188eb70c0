/**
 * The sentences of a paragraph as the attribution model reads them: the parser's sentences, with the
 * splits it makes wrongly mended (after "Sen." before a name, before a closing bracket or a colon) and
 * runaway sentences cut to a bounded length, so that no question about one costs more than a sentence's worth.
 */
import type { Root as NlcstRoot } from 'nlcst';
import { lowerCase, startsUpper } from '../letters';
import { MAX_SENTENCE_WORDS } from '../limits';
import type { Word } from './model';

/** A sentence's range and its words, in paragraph offsets. */
export interface SentenceRange {
  start: number;
  end: number;
  words: Word[];
}

/** The sentences of a parsed paragraph (`text` is the paragraph the parser read). */
export function paragraphSentences(tree: NlcstRoot, text: string): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue;
      const words: Word[] = [];
      for (const child of sentence.children) {
        if (child.type !== 'WordNode' || !child.position) continue;
        const start = child.position.start.offset ?? 0;
        const end = child.position.end.offset ?? start;
        const wordText = text.slice(start, end);
        const lower = lowerCase(wordText);
        words.push({ text: wordText, lower: lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower, start, end });
      }
      const start = sentence.position.start.offset ?? 0;
      const end = sentence.position.end.offset ?? 0;
      // The parser ends a sentence after "Sen." or "Gov." before a name; the name belongs to it.
      const previous = sentences[sentences.length - 1];
      // No sentence opens with a closing bracket or a colon either: "Sen. Maria Lopez (D-Ore.): ..." is one.
      const opening = text.slice(start, Math.min(end, start + 8));
      const before = previous === undefined ? '' : text.slice(Math.max(previous.start, previous.end - 12), previous.end);
      // ... nor after the "No." of a number: "the No. 2 Republican in the Senate".
      const joins = previous !== undefined && (/^\s*[)\]:;,]/u.test(opening) || (startsUpper(opening.trimStart()) && ABBREVIATION_BEFORE_NAME.test(before)) || (/^\s*\d/u.test(opening) && NUMBER_ABBREVIATION.test(before)));
      if (previous && joins && previous.words.length + words.length <= MAX_SENTENCE_WORDS) {
        sentences[sentences.length - 1] = { start: previous.start, end, words: [...previous.words, ...words] };
        continue;
      }
      sentences.push(...boundedSentences(start, end, words));
    }
  }
  return sentences;
}

/** Titles and abbreviations the parser takes for a sentence end when a name follows ("said former Sen. Evan Bayh"). */
const ABBREVIATION_BEFORE_NAME = /(?:^|[\s(\u201c"])(?:Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Dr|Mr|Mrs|Ms|Prof|Rev|Sec|Atty|Supt|Insp|Pres|Gov|St|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Calif|Fla|Mich|Wis|Ariz|Colo|Conn|Ga|Ky|La|Md|Minn|Mo|Nev|Okla|Ore|Tenn|Tex|Va|Vt)\.$/u;

/** "No." or a month before a number ("the No. 2 Democrat", "A Sept. 15 email"), which the parser also takes for a sentence end. */
const NUMBER_ABBREVIATION = /(?:^|[\s(\u201c"])(?:No|Nos|no|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.$/u;

/** A sentence longer than the bound, cut into pieces of at most `MAX_SENTENCE_WORDS` words. */
function boundedSentences(start: number, end: number, words: Word[]): SentenceRange[] {
  if (words.length <= MAX_SENTENCE_WORDS) return [{ start, end, words }];
  const pieces: SentenceRange[] = [];
  for (let from = 0; from < words.length; from += MAX_SENTENCE_WORDS) {
    const piece = words.slice(from, from + MAX_SENTENCE_WORDS);
    const last = from + MAX_SENTENCE_WORDS >= words.length;
    pieces.push({ start: from === 0 ? start : piece[0].start, end: last ? end : words[from + MAX_SENTENCE_WORDS].start, words: piece });
  }
  return pieces;
}
