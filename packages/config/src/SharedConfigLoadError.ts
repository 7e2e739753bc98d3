import { SdkError } from "@sessionkit/errors";
import { SharedConfigParseError } from "./SharedConfigParseError.js";

/**
 * Go's `SharedConfigLoadError`: a file exists but cannot be read or parsed. The message is Go's
 * (`failed to load config file, <path>`) followed by the cause, so it names the file and, for a parse
 * error, the line.
 */
export class SharedConfigLoadError extends SdkError {
  readonly path: string;
  readonly line?: number;

  constructor(path: string, cause: unknown) {
    const detail = cause instanceof SharedConfigParseError ? cause.message : describe(cause);
    super("SharedConfigLoadError", `failed to load config file, ${path}\ncaused by: ${detail}`, { cause });
    this.path = path;
    if (cause instanceof SharedConfigParseError) this.line = cause.line;
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
