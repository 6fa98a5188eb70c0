/**
 * Building blocks the engine's patterns share: escaping a literal for a RegExp, and the auxiliaries that
 * several modules read to tell a clause from a phrase. One copy each, so a fix to one reaches every reader.
 */

/** A literal string as a RegExp source that matches exactly it (with or without the u flag). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Forms of "be": after one, a participle is passive ("is thought") and what follows is not a speaker. */
export const BE_FORMS = ['is', 'are', 'was', 'were', 'be', 'been', 'being'] as const;

/** Forms of "have" as an auxiliary ("has been suggested"). */
export const HAVE_FORMS = ['has', 'have', 'had'] as const;

/** Finite auxiliaries: the words that show a clause follows a verb of saying ("said the talks had failed"). */
export const FINITE_AUXILIARIES = ['is', 'are', 'was', 'were', 'had', 'has', 'have', 'would', 'will', 'could', 'should', 'did', 'does', 'do', 'can', 'may', 'might', 'must'] as const;
