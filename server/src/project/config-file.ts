/**
 * Finding and reading `.copydesk.yml` for a draft: the one config resolver shared by the command
 * line and the language server, so a file gets the same findings in both.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type ConfigProblem, type CopydeskConfig } from '../core/index';

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

/** Reads and parses a config file. Never throws: unreadable files come back as a problem. */
export function loadConfigFile(path: string): LoadedConfig {
  try {
    const size = statSync(path).size;
    if (size > CONFIG_SIZE_LIMIT) {
      return { path, config: DEFAULT_CONFIG, problems: [{ message: `The config file is ${size} bytes; the limit is ${CONFIG_SIZE_LIMIT}. Defaults are used.`, line: 1, column: 1, offset: 0, endOffset: 0 }] };
    }
    return { path, ...parseConfig(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { path, config: DEFAULT_CONFIG, problems: [{ message: `Cannot read the config file: ${(error as Error).message}`, line: 1, column: 1, offset: 0, endOffset: 0 }] };
  }
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
