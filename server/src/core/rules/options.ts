import type { PhraseMatcher } from '../phrase-matcher';
import type { LexiconEntry } from '../vocabulary';

/** What every rule plugin is given: the compiled lists for the active configuration. */
export interface RuleOptions {
  loadedTerms: PhraseMatcher<LexiconEntry>;
  loadedVerbs: PhraseMatcher<LexiconEntry>;
  editorializing: PhraseMatcher<LexiconEntry>;
  /** Normalised lower-case terms the newsroom allows. */
  allowed: ReadonlySet<string>;
  /** Lower-case words that never make a figure ("goals", "points"). */
  notFigures: ReadonlySet<string>;
  /** An anonymous source needs a reason for anonymity even with its agency or role given. */
  requireAnonymityReason: boolean;
}
