import generated from './data/wordlists.generated.json';
import { normalisePhrase, wordSet } from './phrase-matcher';
import type { RawKnownSource, RawLexiconEntry, RawVocabulary } from './data/types.generated';

/** One entry of a word list (loaded terms, loaded verbs, editorializing), with its optional fields filled in. */
export interface LexiconEntry {
  term: string;
  forms: string[];
  alternatives: string[];
  reason: string;
  source: string;
  notFollowedBy: string[];
  notPrecededBy: string[];
  caseSensitive: boolean;
}

/** A named source the engine recognises without a personal name (agencies, state media, bodies). */
export interface KnownSource {
  name: string;
  forms: string[];
  /** As known-sources.yml gives it, or `config` for a source the project's .copydesk.yml names. */
  kind: RawKnownSource['kind'] | 'config';
}

/** The compiled data as scripts/compile-data.mjs writes it: each file as its schema describes it. */
interface GeneratedLists {
  loadedTerms: RawLexiconEntry[];
  loadedVerbs: RawLexiconEntry[];
  editorializing: RawLexiconEntry[];
  knownSources: RawKnownSource[];
  vocabulary: RawVocabulary;
}

const lists = generated as unknown as GeneratedLists;

const lexicon = (entries: readonly RawLexiconEntry[]): LexiconEntry[] =>
  entries.map((entry) => ({
    term: entry.term,
    forms: entry.forms ?? [],
    alternatives: entry.alternatives,
    reason: entry.reason,
    source: entry.source,
    notFollowedBy: entry.not_followed_by ?? [],
    notPrecededBy: entry.not_preceded_by ?? [],
    caseSensitive: entry.case_sensitive === true,
  }));

/** The engine's built-in word lists, compiled from the YAML files in `data/`. */
export const wordLists = {
  loadedTerms: lexicon(lists.loadedTerms),
  loadedVerbs: lexicon(lists.loadedVerbs),
  editorializing: lexicon(lists.editorializing),
  knownSources: lists.knownSources.map((entry): KnownSource => ({ name: entry.name, forms: entry.forms ?? [], kind: entry.kind })),
};

/** The raw attribution vocabulary, with its guidance sources. */
export const vocabulary: RawVocabulary = lists.vocabulary;

const figures = vocabulary.figure_words;

/** Lower-case word sets the attribution model and figure rule test membership against. */
export const sets = {
  vagueGroups: wordSet(vocabulary.vague_groups.words),
  evidenceSubjects: wordSet(vocabulary.empty_evidence.subjects),
  pronounsAlways: wordSet(vocabulary.pronouns.always),
  pronounsNeedingAntecedent: wordSet(vocabulary.pronouns.needs_antecedent),
  titles: wordSet(vocabulary.titles.words),
  objectVerbs: wordSet(vocabulary.object_verbs.words),
  peopleOnlyVerbs: wordSet(vocabulary.people_only_verbs.words),
  anonymousRoles: wordSet(vocabulary.anonymous_sources.roles),
  numberWords: wordSet(figures.number_words),
  smallNumbers: wordSet(figures.small_numbers),
  scales: wordSet(figures.scales),
  casualtyVerbs: wordSet(figures.casualty_verbs),
  timeUnits: wordSet(figures.time_units),
  months: wordSet(figures.months),
  labelWords: wordSet(figures.label_words),
  placeholderWords: new Set(vocabulary.placeholders.words),
  commonSubjects: wordSet(vocabulary.common_subjects.words),
  lineLabels: wordSet(vocabulary.line_labels.words),
  intentionVerbs: wordSet(vocabulary.intention_verbs.words),
  evidenceVerbs: wordSet(vocabulary.evidence_verbs.words),
  reportingWords: wordSet(vocabulary.reporting_verbs.words),
};

/** Lower-cases and normalises a word for set lookups. */
export function key(word: string): string {
  return normalisePhrase(word).toLowerCase();
}
