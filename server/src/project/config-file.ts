/**
 * Finding and reading `.copydesk.yml` for a draft: the one config resolver shared by the command
 * line, the MCP server and the language server (Node and browser), so a file gets the same findings in
 * each. It reads through a {@link ProjectFiles}, by URI, so it has no Node imports.
 */
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type CopydeskConfig } from '../core/index';
import { childUri, normalUri, parentUri, uriInside, type ProjectFiles } from './project-files';

/** The name of the project configuration file. */
export const CONFIG_FILE_NAME = '.copydesk.yml';
/** Config files larger than this are refused rather than parsed. */
export const CONFIG_SIZE_LIMIT = 1024 * 1024;

/** A configuration as read, with where it came from (a URI) and what was wrong with it. */
export interface LoadedConfig {
  uri?: string;
  config: CopydeskConfig;
  problems: ConfigProblem[];
}

/** The nearest `.copydesk.yml` at or above a folder (URIs), stopping at `stopAt` (a workspace folder) if given. */
export async function findConfigFile(files: ProjectFiles, startFolder: string, stopAt?: string): Promise<string | undefined> {
  let folder: string | undefined = normalUri(startFolder);
  const boundary = stopAt === undefined ? undefined : normalUri(stopAt);
  while (folder !== undefined) {
    const candidate = childUri(folder, CONFIG_FILE_NAME);
    // Anything there, even a link to nothing: it is found, and reported as unreadable, not ignored.
    if (await files.exists(candidate)) return candidate;
    if (folder === boundary || (boundary !== undefined && !uriInside(folder, boundary))) return undefined;
    folder = parentUri(folder);
  }
  return undefined;
}

const problemAtTop = (message: string): ConfigProblem => ({ message, line: 1, column: 1, offset: 0, endOffset: 0 });

/**
 * Reads and parses a config file. Never rejects: a file that cannot be read comes back as a problem and
 * the defaults. With `confineTo` (a workspace folder), a config that really lies elsewhere is refused: a
 * cloned repository's `.copydesk.yml` that links to a file outside is not followed. (No key of the config
 * is a path, so the file itself is the only way out of the workspace.)
 */
export async function loadConfigFile(files: ProjectFiles, uri: string, confineTo?: string): Promise<LoadedConfig> {
  const read = await files.readConfig(uri, confineTo);
  if ('refused' in read) return { uri, config: DEFAULT_CONFIG, problems: [problemAtTop(`${read.refused} Copydesk uses its defaults.`)] };
  return { uri, ...parseConfig(read.text) };
}

/** Per-rule levels laid over a project config: the CLI's `--rule`, the editor's per-rule settings. */
export type RuleOverrides = CopydeskConfig['rules'];

/** How a {@link ConfigResolver} finds and reads config files (every location a URI). */
export interface ConfigResolverOptions {
  /** Where the files are read from. */
  files: ProjectFiles;
  /** A config file named on the command line: every draft uses it, and no lookup is made. */
  explicit?: string;
  /**
   * The workspace folder a draft belongs to, if any: the lookup stops there, and a config file that links
   * out of it is refused. Without one the lookup walks to the file system's root (the command line).
   */
  rootFor?: (draft: string) => string | undefined;
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
  /** The project config of a draft (a URI): the explicit file, else the nearest `.copydesk.yml`, else the defaults. */
  forFile(draft: string): Promise<LoadedConfig>;
  /** The engine config: a project config with overrides on top; the very same object for the same pair, so hosts can cache linters by it. */
  engineConfig(loaded: LoadedConfig, overrides: RuleOverrides): CopydeskConfig;
  /** Forgets every config read (a config file changed, was created or deleted). */
  clear(): void;
}

/** The project config of a draft with no `.copydesk.yml`. */
export const NO_PROJECT_CONFIG: LoadedConfig = Object.freeze({ config: DEFAULT_CONFIG, problems: [] });

/** Builds a {@link ConfigResolver}. */
export function createConfigResolver(options: ConfigResolverOptions): ConfigResolver {
  const { files } = options;
  // Promises, not values: drafts linted at once share one lookup and one read.
  const nearest = new Map<string, Promise<string | undefined>>();
  const loaded = new Map<string, Promise<LoadedConfig>>();
  const merged = new WeakMap<LoadedConfig, WeakMap<RuleOverrides, CopydeskConfig>>();
  return {
    async forFile(draft) {
      const uri = normalUri(draft);
      const folder = parentUri(uri) ?? uri;
      const root = options.rootFor?.(uri);
      let config = options.explicit;
      if (config === undefined) {
        if (options.rememberLookups?.() === false) config = await findConfigFile(files, folder, root);
        else {
          let found = nearest.get(folder);
          if (!found) nearest.set(folder, (found = findConfigFile(files, folder, root)));
          config = await found;
        }
      }
      if (config === undefined) return NO_PROJECT_CONFIG;
      let read = loaded.get(config);
      if (!read) {
        read = loadConfigFile(files, config, options.explicit === undefined ? root : undefined);
        loaded.set(config, read);
        void read.then((result) => options.onLoad?.(result));
      }
      return read;
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
