import type { Stats } from "node:fs";
import { SdkError } from "@sessionkit/errors";
import { nodeFs } from "./nodeBuiltins.js";

/** Largest file a user setting may name (config, credentials, CA bundle): 64 MiB. */
export const MAX_USER_FILE_BYTES = 64 * 1024 * 1024;

/** How long a pipe may stay silent before the read gives up: 10 s. */
export const USER_FILE_PIPE_WAIT_MS = 10_000;

/** Options of {@link readUserFile}. */
export interface ReadUserFileOptions {
  /** Refuse files larger than this (default {@link MAX_USER_FILE_BYTES}). */
  readonly maxBytes?: number;
  /** For pipes: give up after this long without a byte (default {@link USER_FILE_PIPE_WAIT_MS}). */
  readonly pipeWaitMs?: number;
}

/** The bytes of a file a user setting named, with the `fstat` of the open file (for caches). */
export interface UserFile {
  readonly bytes: Uint8Array;
  readonly stat: Stats;
}

const CHUNK = 64 * 1024;
let waitCell: Int32Array | undefined;

/** Blocks the thread for `ms` (only pipes wait, so the cell is made at the first wait). */
function sleepSync(ms: number): void {
  if (typeof SharedArrayBuffer !== "function") return;
  waitCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(waitCell, 0, 0, ms);
}

const tooLarge = (path: string, max: number): SdkError => new SdkError("FileTooLarge", `${path} is larger than ${max} bytes`);

/**
 * Reads a file that a user setting names (`AWS_CONFIG_FILE`, `ca_bundle`, …) without trusting what it is:
 * regular files over `maxBytes` are refused before reading; devices and pipes are read in chunks up to
 * `maxBytes` (`/dev/zero` ends in `FileTooLarge`, not in an out-of-memory crash); a pipe is opened
 * non-blocking, so one without a writer reads as empty, and one whose writer stays silent for `pipeWaitMs`
 * ends in `FileReadTimeout`. Errors of `open`/`read` (ENOENT, EISDIR, EACCES) are thrown as they are, for
 * the caller to wrap.
 */
export function readUserFile(path: string, options: ReadUserFileOptions = {}): UserFile {
  return readUserText(path, options, false) as UserFile;
}

/**
 * @internal Opens `path` without blocking, refuses a regular file over the limit, reads it (see above) and closes
 * it. With `text` (config files), a regular file's text, decoded by Node straight into a string (no Buffer: in a
 * fresh process this is several times cheaper than bytes + decoding), or `undefined` for text holding U+FFFD, which
 * may stand for invalid UTF-8 (the caller then reads bytes); a pipe's or a device's bytes in any case.
 */
export function readUserText(path: string, options: ReadUserFileOptions, text: boolean): { text: string; stat: Stats } | UserFile | undefined {
  const max = options.maxBytes ?? MAX_USER_FILE_BYTES;
  const { closeSync, constants, fstatSync, openSync, readFileSync } = nodeFs();
  // Open without blocking: a FIFO nobody writes to would otherwise block the whole process in open().
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { bytes: readStream(fd, path, max, options.pipeWaitMs ?? USER_FILE_PIPE_WAIT_MS), stat };
    if (stat.size > max) throw tooLarge(path, max);
    if (!text) return { bytes: readFileSync(fd), stat };
    const t = readFileSync(fd, "utf8");
    return t.includes("\uFFFD") ? undefined : { text: t, stat };
  } finally {
    closeSync(fd);
  }
}

/** Reads a device or pipe to its end, bounded in size and in silence. */
function readStream(fd: number, path: string, max: number, waitMs: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let quietSince = Date.now();
  const buf = Buffer.allocUnsafe(CHUNK);
  const { readSync } = nodeFs();
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, CHUNK, null);
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EAGAIN") throw e;
      if (Date.now() - quietSince >= waitMs) {
        throw new SdkError("FileReadTimeout", `${path} is a pipe that sent nothing for ${waitMs} ms`);
      }
      sleepSync(10);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > max) throw tooLarge(path, max);
    chunks.push(Buffer.from(buf.subarray(0, n)));
    quietSince = Date.now();
  }
  return Buffer.concat(chunks, total);
}
