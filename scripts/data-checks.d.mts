// Types of data-checks.mjs for the TypeScript tests that call it.
export function duplicatesIn(file: string, data: Record<string, Record<string, unknown>>): string[];
export function vocabularyType(schema: { properties: Record<string, { properties: Record<string, { $ref?: string }> }> }): string;
export function repeatedForms(file: string, entries: Array<Record<string, unknown>>, formsOf: (entry: Record<string, unknown>) => string[], seen?: Map<string, string>): string[];
export function entryType(name: string, schema: { title: string; definitions: { entry: { required: string[]; properties: Record<string, { type?: string; enum?: string[]; $ref?: string; description?: string }> } } }): string;
