/**
 * When a statement was made, as news writes it right after the verb: "said Sunday", "said on Tuesday
 * night", "wrote last week". These words neither name a speaker ("said Sunday" is not Sunday speaking) nor
 * belong to what was said.
 */
import { sets } from '../vocabulary';
import type { Word } from './model';

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TIME_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);
const TIME_ALONE = new Set(['today', 'yesterday', 'tonight', 'earlier', 'later', 'overnight']);
const TIME_UNITS = new Set(['week', 'weekend', 'month', 'year', 'night', 'morning', 'afternoon', 'evening']);

/** How many words at the start of `words` say when ("Sunday", "on Tuesday night", "last week", "earlier today"). */
export function leadingTimeWords(words: readonly Word[]): number {
  let at = 0;
  for (;;) {
    const word = words[at]?.lower;
    const next = words[at + 1]?.lower;
    if (word === undefined) return at;
    if (WEEKDAYS.has(word) || TIME_ALONE.has(word)) at += next !== undefined && TIME_OF_DAY.has(next) ? 2 : 1;
    else if (word === 'on' && next !== undefined && WEEKDAYS.has(next)) at += 1;
    else if ((word === 'last' || word === 'this' || word === 'late' || word === 'early') && next !== undefined && (TIME_UNITS.has(next) || WEEKDAYS.has(next))) at += 2;
    else return at;
  }
}

/** Whether a word may open time words at all: a cheap test before `leadingTimeWords`. */
export function mayOpenTime(word: string): boolean {
  return WEEKDAYS.has(word) || TIME_ALONE.has(word) || word === 'on' || word === 'last' || word === 'this' || word === 'late' || word === 'early';
}

/** Whether a (lower-case) word names a day of the week or a month: a date, never a name's last word. */
export function isDayOrMonth(word: string): boolean {
  return WEEKDAYS.has(word) || sets.months.has(word);
}
