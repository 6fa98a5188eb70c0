/**
 * Attributions of a whole story: the paragraphs' attributions placed in the document, each with the full
 * name it stands for. A pronoun ("he said") stands for the last person named before it, "it" and "they"
 * for the last organisation; a surname ("Kim") for the earlier full name that holds it ("Kim Jong Un"); a
 * description ("the North Korean leader") for the name it was first given beside ("North Korean leader
 * Kim Jong Un"); a quotation paragraph carried over for the speaker before it.
 */
import { sets } from '../vocabulary';
import type { Attribution, AttributionKind } from './speech';
import { startsLower, startsUpper } from '../letters';

/** A span of the document: 0-based UTF-16 offsets and its text. */
export interface TextSpan {
  offset: number;
  endOffset: number;
  text: string;
}

/** One attribution of a story, in document offsets: who is cited for what. */
export interface SourceAttribution {
  /** The words that name the speaker; null when the speaker is carried over from the paragraph before. */
  speaker: TextSpan | null;
  /** The full name the speaker stands for within the story; null for vague and anonymous sources. */
  resolved: string | null;
  /** The reporting verb or phrase; null for a quotation carried over. */
  cue: TextSpan | null;
  /** The reported words, direct and indirect. */
  content: Array<{ offset: number; endOffset: number }>;
  kind: AttributionKind;
  /** Some of the content is a direct quotation. */
  direct: boolean;
}

/** The attributions of one paragraph and where the paragraph starts. */
export interface PlacedParagraph {
  start: number;
  attributions: readonly Attribution[];
}

interface KnownName {
  name: string;
  tokens: Set<string>;
  /** Lower-case words that described the name where it was given ("north korean leader"). */
  description: string[];
  kind: AttributionKind;
}

/**
 * The names a story has given so far, indexed so that each lookup is constant time however many names a
 * draft holds: by each word of a multi-word name (for surnames) and by the last word of a description.
 */
class KnownNames {
  private readonly seen = new Set<string>();
  private readonly byToken = new Map<string, KnownName>();
  private readonly byHead = new Map<string, KnownName[]>();

  /** The latest multi-word name of this kind that holds the word. */
  withToken(token: string, kind: AttributionKind): KnownName | undefined {
    const known = this.byToken.get(`${kind}|${token}`);
    return known;
  }

  /** The latest name whose description ends in `head` and holds every word of `described`. */
  described(head: string, described: readonly string[]): KnownName | undefined {
    const candidates = this.byHead.get(head) ?? [];
    // The last few with this head are enough: a story's "the senator" means one of its recent senators.
    for (let index = candidates.length - 1; index >= Math.max(0, candidates.length - 8); index--) {
      if (described.every((word) => candidates[index].description.includes(word))) return candidates[index];
    }
    return undefined;
  }

  add(known: KnownName): void {
    const key = `${known.name}|${known.description.join(' ')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (known.tokens.size > 1) for (const token of known.tokens) this.byToken.set(`${known.kind}|${token}`, known);
    const head = known.description[known.description.length - 1];
    if (head !== undefined) {
      const list = this.byHead.get(head) ?? [];
      list.push(known);
      this.byHead.set(head, list);
    }
  }
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our']);
const TITLE_ABBREVIATION = /^(?:sen|rep|gov|gen|lt|col|sgt|dr|mr|mrs|ms|prof|rev|sec|adm|capt|cmdr|maj|pres|atty|supt|insp)\.?$/iu;

/** Places the paragraphs' attributions in the document and resolves who each speaker stands for. */
export function resolveAttributions(text: string, paragraphs: readonly PlacedParagraph[]): SourceAttribution[] {
  const names = new KnownNames();
  let lastPerson: string | null = null;
  let lastGroup: string | null = null;
  let lastSpeaker: string | null = null;
  const out: SourceAttribution[] = [];
  for (const paragraph of paragraphs) {
    const place = ([start, end]: [number, number]): TextSpan => ({ offset: paragraph.start + start, endOffset: paragraph.start + end, text: text.slice(paragraph.start + start, paragraph.start + end) });
    for (const attribution of paragraph.attributions) {
      const speaker = attribution.speaker ? place(attribution.speaker) : null;
      let resolved: string | null = null;
      if (attribution.carried) resolved = lastSpeaker;
      else if (speaker && attribution.kind === 'pronoun') {
        const pronoun = speaker.text.toLowerCase();
        resolved = pronoun === 'he' || pronoun === 'she' || pronoun === 'i' ? lastPerson : (lastGroup ?? lastPerson);
      } else if (speaker && (attribution.kind === 'named' || attribution.kind === 'organisation' || attribution.kind === 'document')) {
        const cueAfter = attribution.cue && attribution.cue[0] >= (attribution.speaker?.[1] ?? 0) ? paragraph.start + attribution.cue[0] : undefined;
        // A role stands before the name only where the verb comes after it ("North Korean leader Kim said");
        // in "said defence minister Kang" the words before the name are the verb's.
        const before = cueAfter === undefined ? [] : roleBefore(text, speaker.offset);
        resolved = resolveName(speaker.text, attribution.kind, names, before, cueAfter === undefined ? [] : roleAfter(text, speaker.endOffset, cueAfter));
        if (attribution.kind === 'named') lastPerson = resolved;
        else if (attribution.kind === 'organisation') lastGroup = resolved;
      }
      if (resolved !== null && attribution.kind !== 'document') lastSpeaker = resolved;
      out.push({
        speaker,
        resolved,
        cue: attribution.cue ? place(attribution.cue) : null,
        content: attribution.content.map((range) => ({ offset: paragraph.start + range[0], endOffset: paragraph.start + range[1] })),
        kind: attribution.kind,
        direct: attribution.direct,
      });
    }
  }
  return out;
}

const ROLE_WORD = /^[\p{L}-]+$/u;
const NOT_ROLES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'does', 'do', 'also', 'then', 'now', 'later', 'once', 'again', 'not', 'never', 'still', 'just', 'first', 'last', 'long', 'since', 'soon', 'both', 'all']);

/** The words of a role right before a name, within its clause: "North Korean leader" of "North Korean leader Kim Jong Un". */
function roleBefore(text: string, offset: number): string[] {
  // Whole words only: "Pyongyang’s official Korean Central News Agency" gives "official", not "s official".
  const words = /(?:^|\s)((?:[\p{L}-]+ ){1,4})$/u.exec(text.slice(Math.max(0, offset - 60), offset))?.[1].trim().split(' ') ?? [];
  while (words.length > 0 && DETERMINERS.has(words[0].toLowerCase())) words.shift();
  // Only a role that ends in a lower-case noun ("leader", "senator") describes the name; "said Kim" does not.
  return words.length > 0 && startsLower(words[words.length - 1]) && !/(?:ed|ing|s)$/u.test(words[words.length - 1]) ? words : [];
}

/** The role noun between a speaker's words and the verb after them: "leader" of "The North Korean leader told". */
function roleAfter(text: string, end: number, cue: number): string[] {
  const between = text.slice(end, cue).trim();
  const words = between.split(/\s+/);
  // Nouns only: "has", "also", "repeatedly" stand between a name and its verb without describing anyone.
  const nounLike = (word: string): boolean => ROLE_WORD.test(word) && startsLower(word) && !/ly$/u.test(word) && !NOT_ROLES.has(word);
  return between !== '' && between.length <= 30 && words.every(nounLike) ? words : [];
}

/** The full name a named speaker stands for, learning new names as they come. */
// Heads that an "of" continues into one name: "Ministry of Health", "University of Texas", "Bank of America".
const OF_NAME_HEADS = new Set([
  'ministry', 'department', 'university', 'bank', 'institute', 'council', 'board', 'office', 'secretary', 'house', 'chamber',
  'court', 'republic', 'state', 'states', 'union', 'school', 'college', 'church', 'bureau', 'agency', 'commission', 'committee',
  'party', 'league', 'society', 'association', 'federation', 'academy', 'center', 'centre', 'museum', 'city', 'county', 'bureau',
  'chamber', 'army', 'navy', 'corps', 'federal', 'division', 'friends', 'sons', 'daughters', 'knights', 'people', 'port', 'gulf',
]);
/** Whether the "of" at `index` joins the words around it into one name ("Ministry of Health"), not a person and a place. */
const ofInName = (words: readonly string[], index: number): boolean =>
  words[index]?.toLowerCase() === 'of' && index > 0 && startsUpper(words[index + 1] ?? '') && OF_NAME_HEADS.has(words[index - 1].toLowerCase());

function resolveName(speakerText: string, kind: AttributionKind, names: KnownNames, before: string[], after: string[]): string {
  let own = speakerText.replace(/['\u2019]s$/u, '').split(/\s+/).filter(Boolean);
  // "Senator Ana Ruiz of Fresno": a person is named before the "of" of where they come from.
  const of = own.findIndex((word, index) => (word === 'of' || word === 'in' || word === 'from') && index > 0 && startsUpper(own[index - 1]) && startsUpper(own[index + 1] ?? '') && !ofInName(own, index));
  if (kind === 'named' && of > 0) own = own.slice(0, of);
  const words = [...before, ...own, ...after];
  // The name is the run of capitalised words at the end, after any title ("defence minister Kang Sun Nam",
  // "President Barack Obama"); what comes before it describes it.
  let first = after.length > 0 ? words.length - after.length : words.length;
  // A role after the capitals ("The North Korean leader") makes the whole a description, not a name.
  if (after.length > 0) first = words.length;
  while (first > 0 && ((startsUpper(words[first - 1]) && !DETERMINERS.has(words[first - 1].toLowerCase())) || ofInName(words, first - 1))) first--;
  // The name starts after the last title in the run: "Former Arkansas Gov. Mike Huckabee" is Mike Huckabee.
  const isTitle = (word: string): boolean => sets.titles.has(word.toLowerCase().replace(/\.$/u, '')) || TITLE_ABBREVIATION.test(word);
  for (let index = words.length - 2; index >= first; index--) {
    // ... and after an owner: "The Blaze’s Matt Walsh" is Matt Walsh.
    // ("Ministry of Health" is a name, though "ministry" alone is an office.)
    if ((isTitle(words[index]) && !ofInName(words, index + 1)) || /['\u2019]s$/u.test(words[index])) {
      first = index + 1;
      break;
    }
  }
  while (first < words.length - 1 && isTitle(words[first]) && !ofInName(words, first + 1)) first++;
  const nameWords = words.slice(first);
  const description = words.slice(0, first).map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')).filter((word) => word && !DETERMINERS.has(word));
  const isPersonName = kind === 'named' && nameWords.length > 0 && nameWords.every((word) => !sets.titles.has(word.toLowerCase()));

  if (nameWords.length === 1 && isPersonName) {
    // A surname given once in full before: "Kim" of "Kim Jong Un", "Obama" of "Barack Obama".
    const token = nameWords[0];
    const earlier = names.withToken(token, kind);
    if (earlier) return earlier.name;
  }
  if (!isPersonName) {
    // A description the story gave a name before: "the North Korean leader", "the senator".
    const described = words.map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')).filter((word) => word && !DETERMINERS.has(word));
    const head = described[described.length - 1];
    const earlier = head === undefined ? undefined : names.described(head, described);
    if (earlier) return earlier.name;
  }
  // An organisation or document is named by its own words ("the health ministry" -> "health ministry"); the role
  // words around it describe it.
  const name = (isPersonName ? nameWords : own.filter((word, index) => index > 0 || !DETERMINERS.has(word.toLowerCase()))).join(' ');
  names.add({ name, tokens: new Set(nameWords), description, kind });
  return name;
}
