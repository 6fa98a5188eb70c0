/**
 * Tests of the harness's own logic on tiny samples labelled by hand here (never the evaluation data).
 * Every expectation is a concrete number worked out by hand, so a wrong count fails.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalDir, parseJsonl, parseLexicon, repoRoot } from './data';
import { flaggedBy, fpRow, inFamily, joinSentences, lintSet, mapFindings, prRow, sentenceTallies, wordRows, type LintFn } from './evaluate';
import {
  biasedWordSet,
  bootstrapRatioCI,
  mulberry32,
  precisionCI,
  quoteSpans,
  scores,
  sentenceTally,
  sumTallies,
  surfaceMatcher,
  wordTallies,
  wordTokens,
  type SpanFinding,
} from './scoring';
import { cells, renderTable } from './table';

/** A finding on the first occurrence of `word` in `text`. */
const at = (text: string, word: string, ruleId = 'loaded-term'): SpanFinding => {
  const offset = text.indexOf(word);
  if (offset < 0) throw new Error(`"${word}" not in "${text}"`);
  return { ruleId, offset, endOffset: offset + word.length, actual: word };
};

/** Words inside quotation marks, for readable expectations. */
const quotedWords = (text: string): string[] => {
  const spans = quoteSpans(text);
  return wordTokens(text)
    .filter((t) => spans.some((s) => s.start <= t.start && t.end <= s.end))
    .map((t) => t.word);
};

describe('precision, recall, F1', () => {
  it('computes them from a hand-made confusion', () => {
    const s = scores({ flagged: 4, correct: 3, positives: 6, found: 3 });
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(0.6, 10);
  });

  it('tallies sentence-level predictions against labels', () => {
    const predicted = [true, true, false, true, false];
    const labels = [true, false, true, true, false];
    const total = sumTallies(predicted.map((p, i) => sentenceTally(p, labels[i])));
    expect(total).toEqual({ flagged: 3, correct: 2, positives: 3, found: 2 });
    expect(scores(total).precision).toBeCloseTo(2 / 3, 10);
  });

  it('leaves precision undefined, not zero, when nothing is flagged', () => {
    expect(scores({ flagged: 0, correct: 0, positives: 2, found: 0 })).toEqual({ precision: null, recall: 0, f1: null });
    expect(scores({ flagged: 2, correct: 0, positives: 2, found: 0 }).f1).toBe(0);
  });
});

describe('seeded bootstrap', () => {
  it('mulberry32 repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(c()).not.toBe(seqA[0]);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives the same interval for the same seed, bracketing the point estimate', () => {
    // 20 units, 14 correct of 20 flagged: precision 0.7.
    const num = [...Array(14).fill(1), ...Array(6).fill(0)];
    const den = Array(20).fill(1);
    const first = bootstrapRatioCI(num, den, { seed: 42 });
    const second = bootstrapRatioCI(num, den, { seed: 42 });
    expect(first).toEqual(second);
    const [low, high] = first!;
    expect(low).toBeLessThan(0.7);
    expect(high).toBeGreaterThan(0.7);
    expect(low).toBeGreaterThanOrEqual(0.4);
    expect(high).toBeLessThanOrEqual(0.95);
  });

  it('collapses to the value when every unit agrees, and is null with nothing flagged', () => {
    const units = [sentenceTally(true, true), sentenceTally(true, true), sentenceTally(false, true)];
    expect(precisionCI(units)).toEqual([1, 1]);
    expect(precisionCI([sentenceTally(false, true), sentenceTally(false, false)])).toBeNull();
  });
});

describe('words and quotation marks', () => {
  it('tokenises words, keeping hyphenated and possessive words whole', () => {
    expect(wordTokens('Trump’s anti-police "rhetoric" -- 2020.').map((t) => t.word)).toEqual(["trump's", 'anti-police', 'rhetoric', '2020']);
  });

  it('splits multiword biased strings and strips their punctuation', () => {
    expect([...biasedWordSet(['radical left', '"refugees"', 'Cult', 'cult'])]).toEqual(['radical', 'left', 'refugees', 'cult']);
  });

  it('finds straight, curly and single curly quotes, and not apostrophes', () => {
    expect(quotedWords('He called it a "witch hunt" and left.')).toEqual(['witch', 'hunt']);
    expect(quotedWords('“Disgraceful,” she said of the plan.')).toEqual(['disgraceful']);
    expect(quotedWords('He’s a ‘radical’ in the ’90s, they don’t say.')).toEqual(['radical']);
    expect(quotedWords('‘It’s over,’ he said.')).toEqual(["it's", 'over']);
    expect(quotedWords('"Orange Is the New Black" star Yael Stone')).toEqual(['orange', 'is', 'the', 'new', 'black']);
  });

  it('quotes from the start on a closing mark with no opener, and to the end on an unclosed opener', () => {
    expect(quotedWords('It was a disaster," Trump said.')).toEqual(['it', 'was', 'a', 'disaster']);
    expect(quotedWords('She called it “a total sham')).toEqual(['a', 'total', 'sham']);
  });
});

describe('word-level matching', () => {
  const sentence = 'The radical mayor called the plan "a disgraceful sham," critics said.';

  it('scores flagged words outside quotes, and counts quoted biased words apart', () => {
    const findings = [at(sentence, 'radical'), at(sentence, 'plan'), at(sentence, 'disgraceful')];
    const { main, quoted } = wordTallies(sentence, ['radical', 'disgraceful sham'], findings);
    // Outside quotes: "radical" right, "plan" wrong; the one unquoted biased word was found.
    expect(main).toEqual({ flagged: 2, correct: 1, positives: 1, found: 1 });
    // Inside quotes: "disgraceful" and "sham" are biased, only "disgraceful" was flagged.
    expect(quoted).toEqual({ flagged: 1, correct: 1, positives: 2, found: 1 });
  });

  it('counts each flagged word once per sentence and every word of a multiword finding', () => {
    const text = 'A pariah state, a pariah state indeed, says nobody.';
    const findings = [at(text, 'pariah state'), { ...at(text, 'pariah state'), offset: 18, endOffset: 30 }];
    expect(text.slice(18, 30)).toBe('pariah state');
    const { main } = wordTallies(text, ['pariah'], findings);
    expect(main).toEqual({ flagged: 2, correct: 1, positives: 1, found: 1 });
  });

  it('keeps a biased word missing from the text as an unfound positive', () => {
    expect(wordTallies('Nothing here.', ['absent'], []).main).toEqual({ flagged: 0, correct: 0, positives: 1, found: 0 });
  });
});

describe('surface matcher', () => {
  const match = surfaceMatcher(['regime', 'Pariah State', 'state'], 'loaded-term');

  it('matches whole words case-insensitively, not inside longer words', () => {
    const text = "The Regime's regimen; a pariah  state. Regimes, interstate and statesmen.";
    const found = match(text).map((f) => [f.offset, f.actual]);
    expect(found).toEqual([
      [4, 'Regime'],
      [24, 'pariah  state'],
    ]);
  });

  it('prefers the longer phrase where two start at the same word', () => {
    expect(surfaceMatcher(['state', 'state media'], 'loaded-term')('North Korean state media said').map((f) => f.actual)).toEqual(['state media']);
  });

  it('returns nothing for an empty list', () => {
    expect(surfaceMatcher([], 'loaded-term')('regime')).toEqual([]);
  });
});

describe('one lint call per set, findings mapped back by offset', () => {
  const texts = ['He slammed it.', 'Clearly\nwrong.', 'Fine.'];
  let calls = 0;
  const stub: LintFn = (text) => {
    calls++;
    const findings = [...text.matchAll(/slammed|Clearly/g)].map((m) => ({
      ruleId: m[0] === 'slammed' ? 'loaded-verb' : 'editorializing',
      offset: m.index,
      endOffset: m.index + m[0].length,
    }));
    // A config diagnostic (not about the prose), one finding inside a separator, one at a negative
    // offset, and one that starts on the blank line but runs into sentence 2.
    return [
      ...findings,
      { ruleId: 'copydesk-config', offset: 32, endOffset: 33 },
      { ruleId: 'loaded-term', offset: 14, endOffset: 15 },
      { ruleId: 'loaded-term', offset: -1, endOffset: 0 },
      { ruleId: 'uncited-figure', offset: 31, endOffset: 36 },
    ];
  };

  it('joins with blank lines and maps offsets back to each sentence', () => {
    const joined = joinSentences(texts);
    expect(joined.text).toBe('He slammed it.\n\nClearly wrong.\n\nFine.');
    expect(joined.starts).toEqual([0, 16, 32]);
    calls = 0;
    const { perSentence, unmapped, clipped } = lintSet(texts, stub);
    expect(calls).toBe(1);
    expect(unmapped).toBe(2);
    expect(clipped).toBe(1);
    expect(perSentence[0].map((f) => [f.ruleId, f.offset, f.endOffset])).toEqual([['loaded-verb', 3, 10]]);
    expect(perSentence[1].map((f) => [f.ruleId, f.offset, f.endOffset])).toEqual([['editorializing', 0, 7]]);
    expect(perSentence[2].map((f) => [f.ruleId, f.offset, f.endOffset])).toEqual([
      ['copydesk-config', 0, 1],
      ['uncited-figure', 0, 4],
    ]);
  });

  it('clips a finding that runs past its sentence', () => {
    const joined = joinSentences(['ab', 'cd']);
    const { perSentence } = mapFindings(joined, [{ ruleId: 'scare-quotes', offset: 1, endOffset: 6 }]);
    expect(perSentence[0][0]).toMatchObject({ offset: 1, endOffset: 2 });
  });

  it('scores families at sentence level from the mapped findings', () => {
    const { perSentence } = lintSet(texts, stub);
    const labels = [true, false, false];
    expect(sumTallies(sentenceTallies(perSentence, labels, 'loaded'))).toEqual({ flagged: 1, correct: 1, positives: 1, found: 1 });
    expect(sumTallies(sentenceTallies(perSentence, labels, 'loaded+editorializing'))).toEqual({ flagged: 2, correct: 1, positives: 1, found: 1 });
    // Sentence 2 has a config diagnostic (not about the prose) and the clipped figure finding.
    expect(flaggedBy(perSentence, 'any')).toEqual([true, true, true]);
    expect(flaggedBy(perSentence.map((fs) => fs.filter((f) => f.ruleId !== 'uncited-figure')), 'any')).toEqual([true, true, false]);
    expect(inFamily('scare-quotes', 'npov-fp')).toBe(true);
    expect(inFamily('uncited-figure', 'npov-fp')).toBe(false);
    expect(inFamily('uncited-figure', 'any')).toBe(true);
  });
});

describe('rows', () => {
  it('builds a precision/recall row with its counts and interval', () => {
    const units = [sentenceTally(true, true), sentenceTally(true, true), sentenceTally(true, false), sentenceTally(false, true), sentenceTally(false, false)];
    const row = prRow({ set: 's', system: 'copydesk', family: 'loaded', unit: 'sentence' }, units);
    expect(row).toMatchObject({ flagged: 3, correct: 2, positives: 3, found: 2, n: 5, fpRate: null });
    expect(row.precision).toBeCloseTo(2 / 3, 10);
    expect(row.ciLow!).toBeLessThanOrEqual(2 / 3);
    expect(row.ciHigh!).toBeGreaterThanOrEqual(2 / 3);
    expect(cells(row).slice(4, 7)).toEqual(['0.667', '0.667', '0.667']);
  });

  it('builds a false-positive-rate row', () => {
    const row = fpRow({ set: 'wiki', system: 'copydesk', family: 'npov-fp', unit: 'sentence, fp rate' }, [true, false, false, false]);
    expect(row).toMatchObject({ fpRate: 0.25, flagged: 1, n: 4, precision: null });
    expect(renderTable([row])).toContain('| 0.250 ');
  });

  it('gives a word row and an in-quotes row per set', () => {
    const sentences = ['The radical mayor called the plan "a disgraceful sham," critics said.'];
    const perSentence = [[at(sentences[0], 'radical', 'loaded-term'), at(sentences[0], 'plan', 'editorializing')]];
    const [main, quoted] = wordRows({ set: 'babe', system: 'copydesk', family: 'loaded' }, sentences, [['radical', 'sham']], perSentence, 'loaded');
    // The editorializing finding on "plan" is not in the loaded family.
    expect(main).toMatchObject({ unit: 'word', precision: 1, recall: 1, flagged: 1 });
    expect(quoted).toMatchObject({ unit: 'word, in quotes', positives: 1, found: 0, recall: 0, precision: null });
  });
});

describe('data parsing', () => {
  it('reads JSON Lines and names a bad line', () => {
    expect(parseJsonl('{"a":1}\n\n{"a":2}\n', 'f')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseJsonl('{"a":1}\n{oops', 'f.jsonl')).toThrow('f.jsonl:2');
  });

  it('takes the data folder from COPYDESK_EVAL_DIR, else ../shared/eval beside the repository', () => {
    expect(evalDir({ COPYDESK_EVAL_DIR: '/data/eval' })).toBe('/data/eval');
    expect(evalDir({})).toBe(resolve(repoRoot(), '..', 'shared', 'eval'));
    expect(resolve(repoRoot(), 'tools', 'eval', 'scoring.test.ts')).toBe(fileURLToPath(import.meta.url));
  });

  it('reads a word list, skipping blanks and comments', () => {
    expect(parseLexicon('# list\nabuse\n\n accuse \n')).toEqual(['abuse', 'accuse']);
  });
});
