import generated from './data/wordlists.generated.json';
import { normalisePhrase, wordSet } from './phrase-matcher';
import type { RawVocabulary } from './data/attribution.generated';

/** One entry of a word list (loaded terms, loaded verbs, editorializing), as the YAML data gives it. */
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
  kind: string;
}

interface GeneratedLists {
  loadedTerms: LexiconEntry[];
  loadedVerbs: LexiconEntry[];
  editorializing: LexiconEntry[];
  knownSources: KnownSource[];
  vocabulary: RawVocabulary;
}

const lists = generated as unknown as GeneratedLists;

/** The engine's built-in word lists, compiled from the YAML files in `data/`. */
export const wordLists = {
  loadedTerms: lists.loadedTerms,
  loadedVerbs: lists.loadedVerbs,
  editorializing: lists.editorializing,
  knownSources: lists.knownSources,
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
