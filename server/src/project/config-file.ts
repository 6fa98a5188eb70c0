/**
 * Finding and reading `.copydesk.yml` for a draft: the one config resolver shared by the command
 * line and the language server, so a file gets the same findings in both.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type CopydeskConfig } from '../core/index';
import { isInside } from './draft-files';

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
    if (existsSync(candidate)) return candidate;
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
  let descriptor: number | undefined;
  try {
    if (options.confineTo) {
      const real = realpathSync(path);
      const root = realpathSync(options.confineTo);
      if (!isInside(real, root)) return { refused: `This config file links to ${real}, outside the workspace; Copydesk does not follow it.` };
    }
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) return { refused: 'The config is not a regular file.' };
    if (stat.size > CONFIG_SIZE_LIMIT) return { refused: `The config file is ${stat.size} bytes; the limit is ${CONFIG_SIZE_LIMIT}.` };
    return { text: readFileSync(descriptor, 'utf8') };
  } catch (error) {
    return { refused: `Cannot read the config file: ${(error as Error).message}.` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Reads and parses a config file. Never throws: a file that cannot be read comes back as a problem and the defaults. */
export function loadConfigFile(path: string, options: LoadConfigOptions = {}): LoadedConfig {
  const read = readConfigText(path, options);
  if ('refused' in read) return { path, config: DEFAULT_CONFIG, problems: [problemAtTop(`${read.refused} Copydesk uses its defaults.`)] };
  return { path, ...parseConfig(read.text) };
}

/** The configuration for a draft: an explicit file if given, else the nearest `.copydesk.yml`, else defaults. */
export function configForFile(filePath: string, explicit?: string, stopAt?: string): LoadedConfig {
  const path = explicit ?? findConfigFile(dirname(resolve(filePath)), stopAt);
  return path ? loadConfigFile(path) : { config: DEFAULT_CONFIG, problems: [] };
}

/** A config resolver that remembers what it found, for runs over many files (the command line). */
export interface ConfigCache {
  /** The same answer as {@link configForFile}, read once per folder and once per config file. */
  forFile(filePath: string): LoadedConfig;
}

/**
 * Wraps {@link configForFile}'s lookup in two caches: folder -> nearest config path, and path -> loaded
 * config. A run over thousands of drafts in a few folders then stats and parses each `.copydesk.yml` once,
 * while resolving exactly as the language server does.
 */
export function createConfigCache(explicit?: string, stopAt?: string): ConfigCache {
  const nearest = new Map<string, string | undefined>();
  const loaded = new Map<string, LoadedConfig>();
  const none: LoadedConfig = { config: DEFAULT_CONFIG, problems: [] };
  return {
    forFile(filePath) {
      const folder = dirname(resolve(filePath));
      let path = explicit;
      if (path === undefined) {
        if (!nearest.has(folder)) nearest.set(folder, findConfigFile(folder, stopAt));
        path = nearest.get(folder);
      }
      if (path === undefined) return none;
      let config = loaded.get(path);
      if (!config) {
        config = loadConfigFile(path);
        loaded.set(path, config);
      }
      return config;
    },
  };
}
