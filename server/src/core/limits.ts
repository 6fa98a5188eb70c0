/**
 * The engine's documented limits, in one place: the config schema (`schemas/copydesk.schema.json`, generated
 * from these by `npm run generate`), the config reader and the engine all read them here.
 */

/** Entries read from each list of `.copydesk.yml` (`loaded_terms`, `allow`, `sources`, `not_figures`); the rest are reported and ignored.
 * Parsing and building the engine are linear in a list (100,000 terms build in about a second); the cap bounds that second. */
export const CONFIG_LIST_LIMIT = 100_000;

/**
 * No real sentence runs to this many words; text without sentence breaks (a pasted table, minified copy, a
 * megabyte on one line) does. The rules look along a sentence for each match, so such a "sentence" is read
 * in pieces of this size, which keeps linting linear in the length of the draft.
 */
export const MAX_SENTENCE_WORDS = 400;

/** Paragraph results a linter keeps before it starts again (each keyed by the paragraph's text and context). */
export const PARAGRAPH_CACHE_LIMIT = 20_000;
