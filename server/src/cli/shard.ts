/**
 * `--shard K/N`: splitting one run's drafts between N machines (or processes) so that each lints its share
 * and together they lint every draft exactly once.
 *
 * The split has to be the same on every machine, whatever the checkout's absolute path or the operating
 * system, and the same from one release to the next, or a CI matrix would lint some drafts twice and others
 * never. So a draft's shard depends on nothing but its path relative to the working folder, written with
 * `/` separators, hashed with 32-bit FNV-1a over its UTF-8 bytes:
 *
 *   shard = (fnv1a32(relative path) mod N) + 1
 *
 * A test pins the hash of fixed paths: changing the hash or the path rule is a breaking change.
 */
import * as nodePath from 'node:path';
import { UsageError } from './errors';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** More shards than this is surely a typo; it also keeps N well inside the hash's 32-bit range. */
export const MAX_SHARDS = 10_000;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of the text's UTF-8 bytes, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    // Math.imul multiplies modulo 2^32, as FNV is defined; a plain * would lose bits past 2^53.
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * What a draft's shard is computed from: its path relative to `cwd`, `/`-separated, so that a checkout in
 * `C:\work` and one in `/home/runner/work` agree. `path` is the path flavour (node's, or `path.win32` in tests).
 */
export function shardKey(file: string, cwd: string, path: Pick<typeof nodePath, 'relative' | 'sep'> = nodePath): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** The 1-based shard of `count` that a shard key falls in. */
export function shardOf(key: string, count: number): number {
  return (fnv1a32(key) % count) + 1;
}

/** Reads `K/N` (1 <= K <= N <= {@link MAX_SHARDS}). Throws {@link UsageError}. */
export function parseShard(raw: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) throw new UsageError(`--shard needs K/N, shard K of N, for example --shard 2/4; not "${raw}".`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`--shard "${raw}": N, the number of shards, must be from 1 to ${MAX_SHARDS}.`);
  if (index < 1 || index > count) throw new UsageError(`--shard "${raw}": K must be from 1 to ${count}, the number of shards.`);
  return { index, count };
}
