/**
 * Tests of the PolNeAR scoring on small rows written here by hand (never the corpus). Each expectation
 * is worked out by hand from the rules of ../shared/eval/polnear_score.py, which these functions port.
 */
import { describe, expect, it } from 'vitest';
import {
  codePoints,
  draftAsCliReads,
  flagsInside,
  isNamed,
  mostFrequent,
  parsePolnear,
  pyFixed,
  pyPercent,
  pySplit,
  pythonSetOrder,
  renderPolnear,
  scorePolnear,
  sourcesScore,
  utf16ToChar,
  wordStarts,
  type CharSpan,
  type EngineAttribution,
  type PolnearAttribution,
  type PolnearRow,
} from './polnear';
import type { SpanFinding } from './scoring';

/** A row with attributions given as code-point spans. */
const row = (id: string, text: string, attributions: Array<Partial<PolnearAttribution>>): PolnearRow => ({
  id,
  text,
  publisher: 'test',
  title: id,
  attributions: attributions.map((a) => ({ source: a.source ?? [], cue: a.cue ?? [], content: a.content ?? [] })),
});

/** The code-point span of the first `part` in `text` (the corpus's offsets). */
const cp = (text: string, part: string): CharSpan => {
  const unit = text.indexOf(part);
  if (unit < 0) throw new Error(`"${part}" not in "${text}"`);
  const start = [...text.slice(0, unit)].length;
  return [start, start + [...part].length];
};

/** A finding on the first `part` in `text`, in UTF-16 offsets (the engine's). */
const flag = (text: string, part: string, ruleId = 'loaded-term'): SpanFinding => {
  const offset = text.indexOf(part);
  if (offset < 0) throw new Error(`"${part}" not in "${text}"`);
  return { ruleId, offset, endOffset: offset + part.length };
};

/** An engine attribution over the first `content` part, with the first `speaker` part (UTF-16). */
const said = (text: string, speaker: string | null, ...content: string[]): EngineAttribution => {
  const span = (part: string): { offset: number; endOffset: number } => {
    const f = flag(text, part);
    return { offset: f.offset, endOffset: f.endOffset };
  };
  return { speaker: speaker === null ? null : span(speaker), content: content.map(span) };
};

describe('code points and UTF-16', () => {
  it('maps UTF-16 offsets to code points as the scorer does, an emoji counting one', () => {
    const text = '😀 Ann said x';
    const toChar = utf16ToChar(text);
    expect(text.length).toBe(13);
    expect(codePoints(text).length).toBe(12);
    expect([0, 1, 2, 3, 4, 13, 20].map(toChar)).toEqual([0, 1, 1, 2, 3, 12, 12]);
    expect([-1].map(toChar)).toEqual([0]);
    expect(codePoints(text).slice(2, 5)).toBe('Ann');
    expect(codePoints('a😀b').slice(1, 2)).toBe('😀');
  });

  it('puts a flag after an emoji inside content given in code points', () => {
    const text = '😀 Ann said the plan was a disaster';
    // "a disaster" ends the text: at UTF-16 offsets unmapped, the flag would end one past the span.
    const content = cp(text, 'the plan was a disaster');
    expect(content).toEqual([11, 34]);
    const rows = [row('r', text, [{ source: [cp(text, 'Ann')], content: [content] }])];
    const finding = flag(text, 'disaster');
    expect([finding.offset, finding.endOffset]).toEqual([27, 35]);
    expect(flagsInside(rows, new Map([['r', [finding]]]))).toMatchObject({ inside: 1, flags: 1 });
  });

  it('counts words in code points, as Python\u2019s \\w+ does', () => {
    // A combining mark is not a word character in Python: "Zoe\u0308" is the word "Zoe" and a mark.
    expect(wordStarts('😀 Zoe\u0308 said na\u00efve_1 ²')).toEqual([2, 7, 12, 20]);
  });

  it('lints what the CLI reads: a leading byte-order mark dropped, nothing else', () => {
    expect(draftAsCliReads('\ufeffAnn said')).toBe('Ann said');
    expect(draftAsCliReads('Ann\ufeff said\r\n')).toBe('Ann\ufeff said\r\n');
  });
});

describe('named and vague sources', () => {
  const named = (source: string): boolean => isNamed(source, { source: [[0, [...source].length]], cue: [], content: [] });

  it('names people, organisations and short pronoun phrases, not groups', () => {
    expect(['Ann Lee', 'he', 'She herself', 'They', 'we', 'I', 'The White House', 'some Republicans', 'Reuters', 'Ma\u00efa'].map(named)).toEqual(Array(10).fill(true));
    expect(['critics', 'Critics', 'Some', 'many officials', 'the experts', 'others who were there', 'analysts', 'A spokesman', 'these people'].map(named)).toEqual(Array(9).fill(false));
  });

  it('reads pronouns as Python does: whole words only, short phrases only', () => {
    expect(named('where')).toBe(false);
    expect(named('the men he knew')).toBe(false); // four words
    expect(named('ſhe')).toBe(true); // re.I folds long s to s
    expect(named('he\u00a0himself')).toBe(true); // str.split() splits on no-break space
  });

  it('splits on Python\u2019s whitespace, which leaves U+200B and U+FEFF inside words', () => {
    expect(pySplit(' a\u00a0b\u200bc\ufeffd \u3000e ')).toEqual(['a', 'b\u200bc\ufeffd', 'e']);
  });

  it('counts a flag inside named content, not inside a vague source\u2019s or the reporter\u2019s words', () => {
    const text = 'Ann Lee said the plan was a disaster. Critics say the deal is a sham. It was a fiasco.';
    const rows = [
      row('r', text, [
        { source: [cp(text, 'Ann Lee')], cue: [cp(text, 'said')], content: [cp(text, 'the plan was a disaster')] },
        { source: [cp(text, 'Critics')], cue: [cp(text, 'say')], content: [cp(text, 'the deal is a sham')] },
      ]),
    ];
    const findings = new Map([
      [
        'r',
        [
          flag(text, 'disaster'),
          flag(text, 'sham', 'editorializing'),
          flag(text, 'fiasco'),
          flag(text, 'plan was a disaster.', 'unattributed-quote'), // runs past the content: not wholly inside
          flag(text, 'said', 'loaded-verb'), // not a speech-sensitive rule: not counted at all
        ],
      ],
    ]);
    const result = flagsInside(rows, findings);
    expect(result.inside).toBe(1);
    expect(result.flags).toBe(4);
    expect(result.perRule['loaded-term']).toEqual({ inside: 1, flags: 2 });
    expect(result.perRule.editorializing).toEqual({ inside: 0, flags: 1 });
    expect(result.perRule['unattributed-quote']).toEqual({ inside: 0, flags: 1 });
    expect(result.perRule['uncited-figure']).toEqual({ inside: 0, flags: 0 });
  });
});

describe('speaker match and Python\u2019s tie rule', () => {
  it('iterates a set of small ints as CPython does', () => {
    expect(pythonSetOrder([2, 1])).toEqual([1, 2]);
    expect(pythonSetOrder([1, 9])).toEqual([1, 9]);
    // 9 and 1 both hash to slot 1 of 8: whichever came first holds it.
    expect(pythonSetOrder([9, 1])).toEqual([9, 1]);
    expect(pythonSetOrder([17, 9, 1, 25])).toEqual([17, 25, 9, 1]);
    expect(pythonSetOrder([3, 3, 2, 2])).toEqual([2, 3]);
  });

  it('takes the most frequent, ties to the first in set order', () => {
    expect(mostFrequent([3, 3, 2, 2])).toBe(2);
    expect(mostFrequent([9, 9, 1, 1])).toBe(9);
    expect(mostFrequent([1, 1, 9, 9])).toBe(1);
    expect(mostFrequent([1, 9, 9])).toBe(9);
  });

  it('gives a tied content to the attribution Python\u2019s max would pick', () => {
    // Engine attributions 1 and 9 each cover 6 of the 12 characters of "abcdef ghijk"; 2 to 8 cover
    // other words. Attribution 9 covers the first half, so the hits list starts with 9s: set order
    // [9, 1], and 9 wins. Its speaker ("Bo") overlaps the annotated source; attribution 1's ("Ann") not.
    const text = 'Bo said abcdef ghijk. Ann x1 x2 x3 x4 x5 x6 x7.';
    const others = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'].map((x) => said(text, null, x));
    const engine = [said(text, 'Ann', ' ghijk'), ...others, said(text, 'Bo', 'abcdef')];
    const gold = row('r', text, [{ source: [cp(text, 'Bo')], content: [cp(text, 'abcdef ghijk')] }]);
    expect(sourcesScore([gold], new Map([['r', engine]]))).toMatchObject({ matched: 1, found: 1, attributions: 1, speakerMatch: 1 });
    // Swap the halves: now 1 comes first in the hits and in the set, and Ann is not the source.
    const swapped = [said(text, 'Ann', 'abcdef'), ...others, said(text, 'Bo', ' ghijk')];
    expect(sourcesScore([gold], new Map([['r', swapped]]))).toMatchObject({ matched: 0, found: 1, speakerMatch: 0 });
  });

  it('counts only attributions with source and content, found where any content character overlaps', () => {
    const text = 'Ann said it rains. He thinks so. Many fear floods.';
    const gold = row('r', text, [
      { source: [cp(text, 'Ann')], content: [cp(text, 'it rains')] }, // found, speaker Ann: match
      { source: [cp(text, 'He')], content: [cp(text, 'so')] }, // found, speaker carried over (null): no match
      { source: [cp(text, 'Many')], content: [cp(text, 'floods')] }, // not found
      { source: [], content: [cp(text, 'fear')] }, // no source: not counted
    ]);
    const engine = [said(text, 'Ann', 'it rains'), said(text, null, 'o.')];
    expect(sourcesScore([gold], new Map([['r', engine]]))).toMatchObject({ matched: 1, found: 2, attributions: 3, speakerMatch: 0.5 });
  });
});

describe('content words', () => {
  it('scores words where they start: P 3/4, R 3/5', () => {
    const text = 'Smith said taxes will rise next year.';
    // Gold: "taxes will rise next year" (5 words). Engine: " rise next year.", "Smith" and "axes".
    const gold = row('r', text, [{ source: [cp(text, 'Smith')], content: [cp(text, 'taxes will rise next year')] }]);
    const engine = [said(text, null, ' rise next year.', 'Smith', 'axes')];
    // Predicted starts: rise (its start, 22, is inside " rise…"), next, year, Smith; "taxes" starts at 11,
    // outside "axes" (12-16), so it is not predicted. tp = rise, next, year; fp = Smith; fn = taxes, will.
    const s = sourcesScore([gold], new Map([['r', engine]]));
    expect(s).toMatchObject({ tp: 3, fp: 1, fn: 2, P: 0.75, R: 0.6 });
    expect(s.F1).toBeCloseTo(2 / 3, 12);
  });

  it('is zero, not NaN, with nothing predicted or annotated', () => {
    const s = sourcesScore([row('r', 'Nothing here.', [])], new Map());
    expect(s).toMatchObject({ tp: 0, fp: 0, fn: 0, P: 0, R: 0, F1: 0, found: 0, speakerMatch: 0 });
  });
});

describe('loading and printing', () => {
  const good = { id: 'a', text: '😀 Ann said so.', publisher: 'p', title: 't', attributions: [{ source: [[2, 5]], cue: [[6, 10]], content: [[11, 13]] }] };

  it('parses rows and fails loudly on missing fields, bad spans and repeated ids', () => {
    expect(parsePolnear(`${JSON.stringify(good)}\n`, 'f.jsonl')[0].attributions[0].content).toEqual([[11, 13]]);
    const bad = (r: unknown): (() => unknown) => () => parsePolnear(JSON.stringify(r), 'f.jsonl');
    expect(bad({ ...good, attributions: undefined })).toThrow(/row 1 lacks the expected fields/);
    expect(bad({ ...good, attributions: [{ source: [[2, 5]], content: [[11, 13]] }] })).toThrow(/attribution 1/);
    // The text is 14 code points (15 UTF-16 units): a span ending at 15 lies outside it.
    expect(bad({ ...good, attributions: [{ source: [[2, 5]], cue: [], content: [[11, 15]] }] })).toThrow(/attribution 1/);
    expect(bad({ ...good, attributions: [{ source: [[5, 2]], cue: [], content: [] }] })).toThrow(/attribution 1/);
    expect(() => parsePolnear(`${JSON.stringify(good)}\n${JSON.stringify(good)}`, 'f.jsonl')).toThrow(/row 2 repeats the id "a"/);
  });

  it('formats as Python does, exact ties to even', () => {
    expect(pyFixed(0.0625, 3)).toBe('0.062');
    expect(pyFixed(0.0635, 3)).toBe('0.064'); // not an exact tie in binary (0.06350000000000000144…)
    expect(pyFixed(2.5, 0)).toBe('2');
    expect(pyFixed(2 / 3, 3)).toBe('0.667');
    expect(pyPercent(83 / 392)).toBe('21.2%');
    expect(pyPercent(0.000625)).toBe('0.1%');
  });

  it('prints one row per split and the per-rule breakdown', () => {
    const text = 'Ann said the plan was a disaster.';
    const rows = [row('r', text, [{ source: [cp(text, 'Ann')], content: [cp(text, 'the plan was a disaster')] }])];
    const result = scorePolnear('dev', rows, new Map([['r', [flag(text, 'disaster')]]]), new Map([['r', [said(text, 'Ann', 'the plan was a disaster')]]]));
    expect(result.flagsInside.share).toBe(1);
    expect(result.speaker).toEqual({ matched: 1, found: 1, attributions: 1, speakerMatch: 1 });
    const printed = renderPolnear([result]);
    expect(printed).toContain('Who is speaking (PolNeAR)');
    expect(printed).toMatch(/\| dev +\| 1 +\| 1\/1 = 100\.0% +\| 1\.000 +\| 1\.000 +\| 1\.000 +\| tp 5, fp 0, fn 0 +\| 1\/1 = 100\.0% +\| content found for 1 of 1 \|/);
    expect(printed).toMatch(/\| loaded-term +\| 1\/1 = 100\.0% \|/);
    expect(printed).toMatch(/\| hedged-attribution +\| 0\/0 = 0\.0% +\|/);
  });
});
