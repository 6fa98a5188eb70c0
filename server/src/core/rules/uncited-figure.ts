import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import { documentBefore, insideQuote, isAttributed, type ParagraphModel, type SentenceModel, type Word } from '../attribution';
import { PhraseMatcher } from '../phrase-matcher';
import { key, sets, vocabulary } from '../vocabulary';
import type { RuleOptions } from './options';
import { paragraphModel, quoted, report } from './report';
import { startsLower, startsUpper } from '../letters';
import { defineRule } from './rule';

const approximators = new PhraseMatcher([{ phrases: vocabulary.figure_words.approximators, item: true }]);
const APPROXIMATOR_WORDS = new Set(vocabulary.figure_words.approximators.filter((phrase) => !phrase.includes(' ')));
const FUNCTION_WORDS = new Set(
  ('the a an of in on at to for from by with and or but as than that which who whom whose is are was were be been ' +
    'has have had will would could should may might this these those it its their his her our there here per each ' +
    'during since until after before while when where into onto over under about against between among more less ' +
    'across through throughout near along beyond within without inside outside toward towards upon via amid despite ' +
    'behind below above off out up down back so not also too then now including like')
    .split(' '),
);
const CURRENCY_WORDS = new Set(['dollars', 'pounds', 'euros', 'yuan', 'yen', 'rubles', 'roubles', 'won', 'rupees', 'francs', 'pesos', 'shekels', 'cents', 'pence']);
const PERCENT_WORDS = new Set(['percent', 'per cent', 'percentage points']);
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
const YEAR = /^(?:1[5-9]\d\d|20\d\d)$/;

interface Figure {
  start: number;
  end: number;
}

/** `uncited-figure`: counts, amounts, percentages and estimates stated as fact with no source in reach. */
function create(options: RuleOptions) {
  return (_tree: Root, file: VFile): void => {
    const model = paragraphModel(file);
    if (model.quotedBlock) return;
    for (const sentence of model.sentences) {
      for (const figure of mergeAdjacent(model.text, figuresIn(model, sentence, options.notFigures))) {
        if (isAttributed(model, figure.start, figure.end) || documentBefore(model, figure.start)) continue;
        const text = model.text.slice(figure.start, figure.end);
        const round = isRoundMagnitude(model.text, figure);
        report(file, {
          ruleId: 'uncited-figure',
          start: figure.start,
          end: figure.end,
          message: round
            ? `${quoted(text)} is a round magnitude with no source: give the figure and who counted it, if the story rests on it.`
            : `${quoted(text)} is a figure stated as fact with no source: say who counted or estimated it.`,
          note: `Casualty counts, amounts and estimates need a source the reader can weigh. Guidance: ${vocabulary.figure_words.source}.`,
          ...(round ? { atMost: 'information' as const } : {}),
        });
      }
    }
  };
}

// A plural by its ending ("drivers", "classifications"), not a singular that ends in s ("bus", "class", "crisis").
const looksPlural = (word: string): boolean => word.length > 3 && /s$/u.test(word) && !/(?:ss|us|is)$/u.test(word);
// Plurals that do not end in s, after which no plural head follows ("40 people gathered").
const PLURALS_WITHOUT_S = new Set(['people', 'police', 'children', 'men', 'women', 'staff', 'personnel', 'cattle', 'feet', 'teeth', 'mice', 'geese']);

// "billions of dollars", "thousands of people": a magnitude with no number in it claims little that needs a count.
const ROUND_MAGNITUDE = /^(?:(?:many|several|some|tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions|trillions)(?:\s+(?:upon|and)\s+(?:dozens|hundreds|thousands|millions|billions|trillions))?\s+of\b/iu;
/** Whether a figure is a round magnitude with no number in it ("billions of dollars", "tens of thousands of jobs"). */
function isRoundMagnitude(text: string, figure: Figure): boolean {
  const span = text.slice(figure.start, figure.end);
  // A death toll stays a warning, however round: "killed thousands of people" is a count someone must own.
  const verb = /^\S+/u.exec(span)?.[0].toLowerCase() ?? '';
  if (sets.casualtyVerbs.has(verb) && !/\b(?:dollars|euros|pounds|yen|yuan|rubles|roubles|rupees)\b/iu.test(span)) return false;
  return !/\d/u.test(span) && ROUND_MAGNITUDE.test(span.replace(/^\S+\s+(?=(?:many|several|some|tens|hundreds|dozens|scores|thousands|millions|billions|trillions)\b)/iu, ''));
}

/** Whether a word opens with an ASCII digit, as every figure in digits does: asked first, so most words skip the patterns. */
const opensWithDigit = (word: Word): boolean => {
  const code = word.text.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
};
const isNumeric = (word: Word): boolean => (opensWithDigit(word) && DIGITS.test(word.text)) || sets.numberWords.has(word.lower);

function figuresIn(model: ParagraphModel, sentence: SentenceModel, notFigures: ReadonlySet<string>): Figure[] {
  const text = model.text;
  const words = joinThousands(text, sentence.words);
  const figures: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isNumeric(words[i])) continue;
    // The run of number words: "five million", "1.2 billion", "two hundred and fifty".
    let j = i;
    while (j + 1 < words.length && /^[\s-]*$/.test(text.slice(words[j].end, words[j + 1].start)) && (isNumeric(words[j + 1]) || sets.scales.has(words[j + 1].lower))) j++;
    const first = words[i];
    const last = words[j];
    const next = words[j + 1];
    const previous = words[i - 1];
    const run = words.slice(i, j + 1);
    i = j;
    if (insideQuote(model, first.start, last.end)) continue;
    if (isDateTimeOrLabel(text, run, previous, next)) continue;

    const approx = approximatorBefore(text, first.start, sentence.start);
    const scale = run.some((word) => sets.scales.has(word.lower)) || /^\d+(?:\.\d+)?(?:bn|m|k|mn|tn)$/i.test(last.text);
    const money = /[$£€¥]\s*$/.test(text.slice(Math.max(0, first.start - 3), first.start)) || (next !== undefined && CURRENCY_WORDS.has(next.lower));
    const percent = /^\s*%/.test(text.slice(last.end)) || (next !== undefined && (PERCENT_WORDS.has(next.lower) || key(`${next.text} ${words[j + 2]?.text ?? ''}`) === 'per cent'));
    const value = run.length === 1 && DIGITS.test(first.text) ? Number(first.text.replace(/,/g, '')) : undefined;
    const small = run.every((word) => sets.smallNumbers.has(word.lower)) || (value !== undefined && value < 10);
    const fraction = run.every((word) => sets.smallNumbers.has(word.lower) && !/^(one|two|three|four|five|six|seven|eight|nine)$/.test(word.lower));

    // What is counted: "people", "missiles"; "thousands of troops" reads through "of".
    let end = last.end;
    let noun: Word | undefined;
    let k = j + 1;
    if (words[k]?.lower === 'of' && (scale || fraction) && words[k + 1] && !FUNCTION_WORDS.has(words[k + 1].lower)) k++;
    // "80 out of 111 cities": the count reads through to what both numbers count.
    if (words[k]?.lower === 'out' && words[k + 1]?.lower === 'of' && words[k + 2] && (DIGITS.test(words[k + 2].text) || sets.numberWords.has(words[k + 2].lower))) {
      end = words[k + 2].end;
      k += 3;
      i = k - 1; // the second number is part of this figure
    }
    // "millions upon millions of lives", "thousands upon thousands": one figure.
    if (words[k]?.lower === 'upon' && words[k + 1]?.lower === last.lower) {
      end = words[k + 1].end;
      k += 2;
      i = k - 1;
      if (words[k]?.lower === 'of' && words[k + 1] && !FUNCTION_WORDS.has(words[k + 1].lower)) k++;
    }
    if (words[k] && !FUNCTION_WORDS.has(words[k].lower) && startsLower(words[k].text) && /^[\s-]*$/.test(text.slice(words[k - 1].end, words[k].start))) {
      noun = words[k];
      end = noun.end;
      // What is counted may be a compound with a plural head: "170 job classifications", "three state primaries".
      // A span that stopped at "job" would cut the thing counted in two.
      for (let extra = 0; extra < 2 && !looksPlural(words[k].lower) && !PLURALS_WITHOUT_S.has(words[k].lower); extra++) {
        const head = words[k + 1];
        if (!head || FUNCTION_WORDS.has(head.lower) || !startsLower(head.text) || !looksPlural(head.lower) || !/^ $/u.test(text.slice(words[k].end, head.start))) break;
        k++;
        end = head.end;
      }
    }
    if (percent) end = percentEnd(text, last.end, words, j);
    if (noun && (sets.timeUnits.has(noun.lower) || notFigures.has(noun.lower))) continue;
    // "half of which were civilians": a partitive belongs to the figure it breaks down.
    const partitive = /^\s+of\s+(?:which|whom|them|those)\s+(?:(?:were|are|was|is)\s+)?([\p{L}-]+)/u.exec(text.slice(end));
    if (partitive) end += partitive[0].length;

    let start = approx ?? first.start;
    const lead = text.slice(Math.max(0, first.start - 3), first.start);
    const symbol = lead.search(/[$£€¥]\s*$/);
    if (money && symbol >= 0) start = Math.min(start, first.start - lead.length + symbol);
    // "killed nearly five million people": the verb says what the figure claims, even with nothing counted
    // after the number ("Storm kills 16 across Europe").
    const verb = sentence.words.filter((word) => word.end <= start).pop();
    const casualty = verb !== undefined && sets.casualtyVerbs.has(verb.lower) && /^\s+$/.test(text.slice(verb.end, start));
    const isFigure =
      money ||
      percent ||
      scale ||
      (approx !== undefined && (!small || fraction || noun !== undefined)) ||
      (fraction && partitive !== null) ||
      (!small && value !== undefined && value >= 10 && (noun !== undefined || casualty)) ||
      (!small && value === undefined && noun !== undefined);
    if (!isFigure) continue;
    if (casualty) start = verb.start;
    figures.push({ start, end });
  }
  return figures;
}

function percentEnd(text: string, from: number, words: Word[], j: number): number {
  const symbol = /^\s*%/.exec(text.slice(from));
  if (symbol) return from + symbol[0].length;
  const next = words[j + 1];
  if (next?.lower === 'per' && words[j + 2]) return words[j + 2].end;
  return next ? next.end : from;
}

/**
 * The parser splits "1,200" at the comma; a figure is read whole. The sentence's own words come back when
 * nothing is joined (most sentences): the list is copied only at the first pair it joins.
 */
function joinThousands(text: string, words: Word[]): Word[] {
  let joined: Word[] | undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const last = joined ? joined[joined.length - 1] : words[index - 1];
    if (last && opensWithDigit(word) && opensWithDigit(last) && /^\d{1,3}(?:,\d{3})*$/.test(last.text) && /^\d{3}(?:\.\d+)?$/.test(word.text) && text.slice(last.end, word.start) === ',') {
      const merged = text.slice(last.start, word.end);
      joined ??= words.slice(0, index);
      joined[joined.length - 1] = { text: merged, lower: merged, start: last.start, end: word.end };
    } else joined?.push(word);
  }
  return joined ?? words;
}

/** Start of an approximator ("nearly", "more than", "an estimated") that ends right before a number. */
function approximatorBefore(text: string, numberStart: number, sentenceStart: number): number | undefined {
  const lead = text.slice(Math.max(sentenceStart, numberStart - 30), numberStart);
  const offset = numberStart - lead.length;
  const hit = approximators.find(lead).filter((match) => /^\s+$/.test(lead.slice(match.end))).pop();
  return hit ? offset + hit.start : undefined;
}

/** Dates, years, times, ordinals, ages and labels ("Route 66", "July 27", "aged 45") are not figures. */
function isDateTimeOrLabel(text: string, run: Word[], previous: Word | undefined, next: Word | undefined): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  if (run.some((word) => ORDINAL.test(word.text) || /year|yr/i.test(word.text))) return true;
  if (run.length === 1 && YEAR.test(first.text)) return true;
  if (/^[-\u2013/:.]\d/.test(text.slice(last.end, last.end + 2)) || /\d[-\u2013/:]$/.test(text.slice(first.start - 2, first.start))) return true; // 1950-53, 10:30, 3/4
  if (/^\d{1,3}s\b/.test(text.slice(first.start, first.start + 4))) return true; // the 90s
  if (previous && (sets.months.has(previous.lower) || sets.labelWords.has(previous.lower))) return true;
  if (next && (sets.months.has(next.lower) || sets.timeUnits.has(next.lower))) return true;
  // Article 5, Route 66 (but "About 1,200 homes" opens a sentence with an approximator).
  if (previous && startsUpper(previous.text) && !APPROXIMATOR_WORDS.has(previous.lower) && DIGITS.test(first.text) && /^\s+$/.test(text.slice(previous.end, first.start))) return true;
  if (previous && ['aged', 'age', 'ages'].includes(previous.lower)) return true;
  if (/,\s*$/.test(text.slice(first.start - 2, first.start)) && /^\s*,/.test(text.slice(last.end)) && run.length === 1 && DIGITS.test(first.text) && Number(first.text) < 120) return true; // "Smith, 45, said"
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|BST|EST|ET\b|local time)/i.test(text.slice(last.end))) return true;
  if (first.lower === 'one' && next?.lower === 'of') return true;
  return false;
}

/** Figures in one sentence separated only by a comma are one claim: "five million people, almost half of which ...". */
function mergeAdjacent(text: string, figures: Figure[]): Figure[] {
  const merged: Figure[] = [];
  for (const figure of figures.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && figure.start >= last.end && /^[\s,;]*$/.test(text.slice(last.end, figure.start))) last.end = Math.max(last.end, figure.end);
    else if (last && figure.start < last.end) last.end = Math.max(last.end, figure.end);
    else merged.push({ ...figure });
  }
  return merged;
}

export default defineRule({
  meta: {
    id: 'uncited-figure',
    defaultSeverity: 'warning',
    description: 'A count, amount, percentage or estimate stated as fact with no source in reach.',
    flags: 'a count, amount, percentage or estimate stated as fact with no source in reach (dates, years, ages, ordinals are not figures)',
    guidance: 'Reuters Handbook of Journalism, "Numbers"; AP Stylebook, "numerals"',
    options: ['not_figures'],
    fixes: ['add-attribution'],
    examples: {
      flagged: ['The floods displaced around 40,000 people across the delta.'],
      quiet: ['The floods displaced around 40,000 people across the delta, the Red Cross said.', 'The floods began on March 3, 2024.'],
    },
  },
  create,
});
