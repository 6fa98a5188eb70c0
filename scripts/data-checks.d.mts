// Types of data-checks.mjs for the TypeScript tests that call it.
export function duplicatesIn(file: string, data: Record<string, Record<string, unknown>>): string[];
export function vocabularyType(schema: { properties: Record<string, { properties: Record<string, { $ref?: string }> }> }): string;
