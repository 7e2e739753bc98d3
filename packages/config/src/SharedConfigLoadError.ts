import { SdkError } from "@sessionkit/errors";
import { SharedConfigParseError } from "./SharedConfigParseError.js";

/**
 * Go's `SharedConfigLoadError`: a file exists but cannot be read or parsed. The message is Go's
 * (`failed to load config file, <path>`) followed by the cause, so it names the file and, for a parse
 * error, the line.
 */
export class SharedConfigLoadError extends SdkError {
  declare readonly path: string;
  declare readonly line?: number;

  constructor(path: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super("SharedConfigLoadError", `failed to load config file, ${path}\ncaused by: ${detail}`, { cause });
    this.path = path;
    this.line = cause instanceof SharedConfigParseError ? cause.line : undefined;
  }
}
