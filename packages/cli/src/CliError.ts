import { SdkError, type SdkErrorOptions } from "@sessionkit/errors";

/** Options of {@link CliError}. */
export interface CliErrorOptions extends SdkErrorOptions {
  /** What the user can do about it, shown after the message (`… — <hint>`). */
  readonly hint?: string;
}

/**
 * A runtime failure the CLI detected itself (a local file that cannot be read, an S3 URL without a key, a
 * server that lacks an API). It carries the hint shown after the message; the CLI exits with 1.
 */
export class CliError extends SdkError {
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: CliErrorOptions = {}) {
    super(code, message, options);
    this.hint = options.hint;
  }
}
