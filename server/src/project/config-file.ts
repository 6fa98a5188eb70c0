/**
 * Finding and reading `.copydesk.yml` for a draft: the one config resolver shared by the command
 * line and the language server, so a file gets the same findings in both.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type CopydeskConfig } from '../core/index';
import { isInside } from './draft-files';
import { pathTaken, readRegularFile, UnreadableFileError } from './read-file';

/** The name of the project configuration file. */
export const CONFIG_FILE_NAME = '.copydesk.yml';
/** Config files larger than this are refused rather than parsed. */
export const CONFIG_SIZE_LIMIT = 1024 * 1024;

/** A configuration as loaded from disk, with where it came from and what was wrong with it. */
export interface LoadedConfig {
  path?: string;
  config: CopydeskConfig;
  problems: ConfigProblem[];
}

/** The nearest `.copydesk.yml` at or above a folder, stopping at `stopAt` (a workspace root) if given. */
export function findConfigFile(startFolder: string, stopAt?: string): string | undefined {
  let folder = resolve(startFolder);
  const boundary = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    // lstat, not exists: a link whose target is gone is found, and reported as unreadable, not ignored.
    if (pathTaken(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder || folder === boundary) return undefined;
    folder = parent;
  }
}

/** How {@link loadConfigFile} reads. */
export interface LoadConfigOptions {
  /**
   * A workspace folder the config must really lie in. The editor passes its workspace folder, so a
   * cloned repository's `.copydesk.yml` that is a link to a file elsewhere is refused, not followed.
   * (No key of the config is a path, so the file itself is the only way out of the workspace.)
   */
  confineTo?: string;
}

const problemAtTop = (message: string): ConfigProblem => ({ message, line: 1, column: 1, offset: 0, endOffset: 0 });

/** A config file's text, or why it was not read. */
export type ConfigText = { text: string } | { refused: string };

/**
 * Reads a config file's text safely. Only a regular file is read (a FIFO or device could block or never
 * end), only up to {@link CONFIG_SIZE_LIMIT}, and, with `confineTo`, only if it really lies in that
 * folder. It is opened without blocking and checked on the open descriptor. Never throws.
 */
export function readConfigText(path: string, options: LoadConfigOptions = {}): ConfigText {
  try {
    if (options.confineTo) {
      const real = realpathSync(path);
      const root = realpathSync(options.confineTo);
      if (!isInside(real, root)) return { refused: `This config file links to ${real}, outside the workspace; Copydesk does not follow it.` };
    }
    const bytes = readRegularFile(path, { limit: CONFIG_SIZE_LIMIT });
    return { text: new TextDecoder().decode(bytes) };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { refused: `The config file ${error.message}.` };
    return { refused: `Cannot read the config file: ${(error as Error).message}.` };
  }
}

/** Reads and parses a config file. Never throws: a file that cannot be read comes back as a problem and the defaults. */
export function loadConfigFile(path: string, options: LoadConfigOptions = {}): LoadedConfig {
  const read = readConfigText(path, options);
  if ('refused' in read) return { path, config: DEFAULT_CONFIG, problems: [problemAtTop(`${read.refused} Copydesk uses its defaults.`)] };
  return { path, ...parseConfig(read.text) };
}

/** Per-rule levels laid over a project config: the CLI's `--rule`, the editor's per-rule settings. */
export type RuleOverrides = CopydeskConfig['rules'];

/** How a {@link ConfigResolver} finds and reads config files. */
export interface ConfigResolverOptions {
  /** A config file named on the command line: every draft uses it, and no lookup is made. */
  explicit?: string;
  /**
   * The workspace folder a draft belongs to, if any: the lookup stops there, and a config file that links
   * out of it is refused. Without one the lookup walks to the file system's root (the command line).
   */
  rootFor?: (filePath: string) => string | undefined;
  /** Called once for each config file read (the language server publishes its problems on it). */
  onLoad?: (loaded: LoadedConfig) => void;
  /**
   * Whether a folder's nearest config, once found, stands until {@link ConfigResolver.clear} (default: yes).
   * A language server whose client does not report file changes looks again each time, so a config
   * created later is seen.
   */
  rememberLookups?: () => boolean;
}

/**
 * The one config resolver of the command line, the language server and any other host: the nearest
 * `.copydesk.yml`, read once per folder and once per config file (a run over thousands of drafts in a few
 * folders stats and parses each config once; a config with thousands of terms is not re-parsed per
 * keystroke), and the engine config for a draft with a host's rule overrides on top.
 */
export interface ConfigResolver {
  /** The project config of a draft: the explicit file, else the nearest `.copydesk.yml`, else the defaults. */
  forFile(filePath: string): LoadedConfig;
  /** The engine config: a project config with overrides on top; the very same object for the same pair, so hosts can cache linters by it. */
  engineConfig(loaded: LoadedConfig, overrides: RuleOverrides): CopydeskConfig;
  /** Forgets every config read (a config file changed, was created or deleted). */
  clear(): void;
}

/** The project config of a draft with no `.copydesk.yml`. */
export const NO_PROJECT_CONFIG: LoadedConfig = Object.freeze({ config: DEFAULT_CONFIG, problems: [] });

/** Builds a {@link ConfigResolver}. */
export function createConfigResolver(options: ConfigResolverOptions = {}): ConfigResolver {
  const nearest = new Map<string, string | undefined>();
  const loaded = new Map<string, LoadedConfig>();
  const merged = new WeakMap<LoadedConfig, WeakMap<RuleOverrides, CopydeskConfig>>();
  return {
    forFile(filePath) {
      const folder = dirname(resolve(filePath));
      const root = options.rootFor?.(resolve(filePath));
      let path = options.explicit;
      if (path === undefined) {
        if (options.rememberLookups?.() === false) path = findConfigFile(folder, root);
        else {
          if (!nearest.has(folder)) nearest.set(folder, findConfigFile(folder, root));
          path = nearest.get(folder);
        }
      }
      if (path === undefined) return NO_PROJECT_CONFIG;
      let config = loaded.get(path);
      if (!config) {
        config = loadConfigFile(path, { confineTo: options.explicit === undefined ? root : undefined });
        loaded.set(path, config);
        options.onLoad?.(config);
      }
      return config;
    },
    engineConfig(project, overrides) {
      let byOverrides = merged.get(project);
      if (!byOverrides) merged.set(project, (byOverrides = new WeakMap()));
      let config = byOverrides.get(overrides);
      if (!config) byOverrides.set(overrides, (config = { ...project.config, rules: { ...project.config.rules, ...overrides } }));
      return config;
    },
    clear() {
      nearest.clear();
      loaded.clear();
    },
  };
}
