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

/**
 * No real paragraph is this long (the longest of 36,000 in the PolNeAR news is 2,600 characters); hostile
 * copy is: a megabyte with no blank line or sentence break. The parsers the engine uses (micromark, the
 * English parser) are superlinear on some such shapes, so a longer markdown chunk or prose block is read in
 * pieces of at most this many characters, cut at a line, a sentence or a space. Linting stays linear.
 */
export const MAX_BLOCK_CHARS = 8_000;
/**
 * Markdown chunks are cut shorter than prose blocks: micromark's worst shapes (`_a_` repeated, lazy
 * blockquote lines, runs of `[`) cost time in the square of a chunk's length, about 100 ms for 8,000
 * characters, a quarter of that for 4,000. Markdown paragraphs of real news are well below either.
 */
export const MAX_CHUNK_CHARS = 4_000;
