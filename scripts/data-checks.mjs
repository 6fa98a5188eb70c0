// Checks and generators for the engine's data files, kept apart from compile-data.mjs so tests can call them.

/**
 * Entries listed twice within one list of a sectioned data file ("lamented" twice in speech_acts): each is
 * a problem. Exact strings: lists matched case-sensitively hold "according to" and "According to" on purpose.
 * @param {string} file
 * @param {Record<string, Record<string, unknown>>} data
 * @returns {string[]}
 */
export function duplicatesIn(file, data) {
  const problems = [];
  for (const [section, lists] of Object.entries(data ?? {})) {
    for (const [name, list] of Object.entries(lists ?? {})) {
      if (!Array.isArray(list)) continue;
      const seen = new Set();
      for (const entry of list) {
        if (seen.has(entry)) problems.push(`${file} ${section}.${name}: "${entry}" is listed twice`);
        seen.add(entry);
      }
    }
  }
  return problems;
}

/**
 * The TypeScript type of the attribution vocabulary, written from its JSON Schema (the subset it uses:
 * objects of required string and string-list properties).
 * @param {{ properties: Record<string, { properties: Record<string, { $ref?: string }> }> }} schema
 * @returns {string}
 */
export function vocabularyType(schema) {
  const section = (properties) =>
    Object.entries(properties)
      .map(([key, property]) => `    ${key}: ${property.$ref === '#/definitions/source' ? 'string' : 'string[]'};`)
      .join('\n');
  const sections = Object.entries(schema.properties)
    .map(([name, value]) => `  ${name}: {\n${section(value.properties)}\n  };`)
    .join('\n');
  return `/** The attribution vocabulary as attribution.yml holds it. */\nexport interface RawVocabulary {\n${sections}\n}\n`;
}

/**
 * Surface forms listed in two places (within an entry or across entries and files): each is a problem.
 * @param {string} file
 * @param {Array<Record<string, unknown>>} entries
 * @param {(entry: Record<string, unknown>) => string[]} formsOf every form an entry matches, as compared
 * @param {Map<string, string>} seen forms already listed, and where: shared across files to check across them
 * @returns {string[]}
 */
export function repeatedForms(file, entries, formsOf, seen = new Map()) {
  const problems = [];
  (entries ?? []).forEach((entry, index) => {
    const where = `${file} entry ${index + 1} (${entry?.term ?? entry?.name ?? '?'})`;
    for (const form of formsOf(entry ?? {})) {
      if (seen.has(form)) problems.push(`${where}: "${form}" already listed in ${seen.get(form)}`);
      seen.set(form, where);
    }
  });
  return problems;
}

/**
 * The TypeScript type of one list entry, written from a data file's JSON Schema (the subset the schemas
 * use: an array of objects whose properties are phrases, lists of phrases, booleans or enums).
 * @param {string} name the interface's name
 * @param {{ title: string, definitions: { entry: { required: string[], properties: Record<string, { type?: string, enum?: string[], $ref?: string, description?: string }> } } }} schema
 * @returns {string}
 */
export function entryType(name, schema) {
  const { required, properties } = schema.definitions.entry;
  const typeOf = (property) => {
    if (property.enum) return property.enum.map((value) => JSON.stringify(value)).join(' | ');
    if (property.type === 'array') return 'string[]';
    if (property.type === 'boolean') return 'boolean';
    return 'string';
  };
  const fields = Object.entries(properties)
    .map(([key, property]) => `${property.description ? `  /** ${property.description} */\n` : ''}  ${key}${required.includes(key) ? '' : '?'}: ${typeOf(property)};`)
    .join('\n');
  return `/** One entry of ${schema.title}. */\nexport interface ${name} {\n${fields}\n}\n`;
}
