/**
 * Reading a file someone else may have made. A path may name a FIFO (reading blocks until a writer
 * comes, perhaps never), a device (`/dev/zero` never ends), or a link to either; a pull request can add
 * `story.md -> /dev/zero`. So the file is opened without blocking, checked on the open descriptor (not
 * by its name, which could be swapped between a check and the read), refused unless it is a regular file,
 * and read only up to a limit, whatever size it claims (files under /proc claim 0 bytes).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** Whether anything is at a path, even a link to nothing (which `existsSync` would call absent). */
export function pathTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A path with its links resolved, as git and the roots checks compare them; the absolute path itself when it does not exist (nothing can then be read from it). */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Why a file was not read, in words for the user (after the file's name). */
export class UnreadableFileError extends Error {}

export interface ReadFileOptions {
  /** Read at most this many bytes; a longer file is refused. */
  limit: number;
  /** Refuse a path whose last part is a symbolic link (the workspace check and config writes). */
  noFollow?: boolean;
}

/** The bytes of a regular file of at most `limit` bytes. Throws {@link UnreadableFileError} or the system error. */
export function readRegularFile(path: string, options: ReadFileOptions): Buffer {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  let descriptor: number;
  try {
    descriptor = openSync(path, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' && options.noFollow) throw new UnreadableFileError('is a symbolic link; not followed');
    throw error;
  }
  try {
    const stat = fstatSync(descriptor);
    if (stat.isDirectory()) throw new UnreadableFileError('is a folder');
    if (!stat.isFile()) throw new UnreadableFileError(`is not a regular file (${kindOf(stat)}); not read`);
    if (stat.size > options.limit) throw new UnreadableFileError(`is larger than ${describeBytes(options.limit)}; not read`);
    // Read to the limit and one byte more, whatever size fstat claimed: a file that grew since, or one that
    // claims no size, is still capped.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= options.limit) {
      const chunk = Buffer.allocUnsafe(Math.min(options.limit + 1 - length, Math.max(stat.size + 1 - length, 64 * 1024)));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, length);
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    throw new UnreadableFileError(`is larger than ${describeBytes(options.limit)}; not read`);
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${bytes.toLocaleString('en')} bytes`;
}
