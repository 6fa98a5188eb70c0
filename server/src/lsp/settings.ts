/**
 * Editor settings, read per resource and coerced with defaults: a client may send null or a
 * half-filled object (as vscode-eslint's settings handling guards against).
 */
import { RULE_IDS, RULE_LEVELS, type RuleId, type Severity } from '../core/index';

/** The `copydesk.*` settings for one document. */
export interface Settings {
  enable: boolean;
  /** Per-rule severity or "off"; overrides the project's `.copydesk.yml`. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** Language ids Copydesk lints. */
  languages: string[];
}

/** Settings when the client sends none. */
export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, languages: ['markdown', 'plaintext', 'newsdraft'] };

const LEVELS: ReadonlySet<string> = new Set(RULE_LEVELS);

/** Coerces whatever the client sent into valid settings. */
export function coerceSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Settings['rules'] = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, level] of Object.entries(value.rules as Record<string, unknown>)) {
      if ((RULE_IDS as readonly string[]).includes(id) && typeof level === 'string' && LEVELS.has(level)) rules[id as RuleId] = level as Severity | 'off';
    }
  }
  const languages = Array.isArray(value.languages) ? value.languages.filter((id): id is string => typeof id === 'string') : DEFAULT_SETTINGS.languages;
  return { enable: value.enable !== false, rules, languages };
}

/** The `copydesk` section of settings a client pushed (initializationOptions, didChangeConfiguration), if any. */
export function pushedSettingsIn(container: unknown): Settings | undefined {
  const section = container && typeof container === 'object' ? (container as Record<string, unknown>).copydesk : undefined;
  return section && typeof section === 'object' ? coerceSettings(section) : undefined;
}
