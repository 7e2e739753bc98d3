import type { Stats } from "node:fs";
import { nodeBuffer, nodeFs } from "./nodeBuiltins.js";
import { type ParsedSharedConfigFile, parseSharedConfigFile, type SharedConfigFileKind } from "./parseSharedConfigFile.js";
import { readUserFile, readUserText, type UserFile } from "./readUserFile.js";
import { SharedConfigLoadError } from "./SharedConfigLoadError.js";
import { SharedConfigParseError } from "./SharedConfigParseError.js";

interface Entry {
  /** The `fstat` of the file when it was read: unchanged when size, mtime, ctime and inode match. */
  readonly stat: Stats;
  /** The parsed file, or the load error it gave (also cached: same bytes, same error). */
  readonly result: ParsedSharedConfigFile | SharedConfigLoadError;
}

const same = ({ stat: e }: Entry, s: Stats): boolean =>
  e.size === s.size && e.mtimeMs === s.mtimeMs && e.ctimeMs === s.ctimeMs && e.ino === s.ino;

function isMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/** 1-based line of the first invalid UTF-8 sequence (a newline byte never sits inside a sequence). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0, start = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      if (!nodeBuffer().isUtf8(bytes.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes and parses file bytes; errors are `SharedConfigParseError` naming the path and line. */
export function parseSharedConfigBytes(bytes: Uint8Array, kind: SharedConfigFileKind, path: string): ParsedSharedConfigFile {
  // isUtf8 + toString is much faster than a fatal TextDecoder on a cold start.
  if (!nodeBuffer().isUtf8(bytes)) throw new SharedConfigParseError("file is not valid UTF-8", firstInvalidUtf8Line(bytes), path);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return parseSharedConfigFile(text, { kind, path });
}

/**
 * Parsed config and credentials files, keyed by path and kind and revalidated with one `stat` per
 * lookup (size, mtime, ctime, inode), so creating many sessions re-reads nothing that did not change.
 * A process-wide instance (`sharedConfigFileCache`) is the default; tests and long-lived tools can
 * make their own or `clear()` it.
 */
export class SharedConfigFileCache {
  readonly #entries = new Map<string, Entry>();

  /**
   * The parsed file, or `undefined` when it does not exist (Go skips missing files). Any other
   * failure (permissions, a directory, a file over 64 MiB or an endless device, a silent pipe, invalid
   * UTF-8, a grammar error) throws `SharedConfigLoadError`.
   */
  read(path: string, kind: SharedConfigFileKind): ParsedSharedConfigFile | undefined {
    const key = `${kind}\0${path}`;
    const hit = this.#entries.get(key);
    // Bounded and non-blocking: a path to /dev/zero or to a FIFO must not hang or exhaust the process.
    let file: UserFile | { text: string; stat: Stats } | undefined;
    try {
      // Known file: one stat tells whether it changed. (Unknown files skip it: the read's fstat keys the entry.)
      const st = hit && nodeFs().statSync(path, { throwIfNoEntry: false });
      if (st === undefined && hit !== undefined) {
        // Deleted: forget it (its secrets too) now, not when 100 newer files have pushed it out.
        this.#entries.delete(key);
        return undefined;
      }
      if (st === undefined || !same(hit as Entry, st)) file = readUserText(path, {}, true) ?? readUserFile(path);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw new SharedConfigLoadError(path, e);
    }
    if (file === undefined) return unwrap((hit as Entry).result);
    let result: ParsedSharedConfigFile | SharedConfigLoadError;
    try {
      result = "text" in file ? parseSharedConfigFile(file.text, { kind, path }) : parseSharedConfigBytes(file.bytes, kind, path);
    } catch (e) {
      result = new SharedConfigLoadError(path, e);
    }
    // The stat of the open file, so the cache key matches the bytes read. At most 100 files (the longest since its
    // last parse goes first): a host making sessions from ever-new paths (a file per tenant) must not keep them all,
    // secrets included. A re-parsed file replaces its own entry and drops no other.
    this.#entries.delete(key);
    if (this.#entries.size > 99) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { stat: file.stat, result });
    return unwrap(result);
  }

  /** Forgets one path (both kinds), or everything. */
  clear(path?: string): void {
    if (path === undefined) this.#entries.clear();
    else for (const kind of ["config", "credentials", "any"]) this.#entries.delete(`${kind}\0${path}`);
  }

  get size(): number {
    return this.#entries.size;
  }
}

const unwrap = (result: ParsedSharedConfigFile | SharedConfigLoadError): ParsedSharedConfigFile => {
  // `instanceof Error`, not the subclass: SdkError subclasses check through SdkError's Symbol.hasInstance.
  if (result instanceof Error) throw result;
  return result;
};

/** The process-wide cache `loadSharedConfig` uses unless given another. */
export const sharedConfigFileCache = new SharedConfigFileCache();
