/** Fields an `SdkError` may carry beyond its code and message. */
export interface SdkErrorOptions {
  readonly cause?: unknown;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly operation?: string;
  readonly retryable?: boolean;
}

/**
 * The base of every error sessionkit raises: Go's `awserr.Error` as an `Error` subclass.
 * `message` is Go's `"<Code>: <Message>"`; `cause` keeps the original error. Messages must never
 * contain secrets: callers pass names and places (file, line, profile, variable), not values.
 */
export class SdkError extends Error {
  readonly code: string;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly operation?: string;
  readonly retryable?: boolean;

  constructor(code: string, message: string, options: SdkErrorOptions = {}) {
    super(`${code}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.retryable !== undefined) this.retryable = options.retryable;
  }

  override get name(): string {
    return this.constructor.name;
  }

  /** A plain object for logs and JSON output (no stack, no cause chain). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    if (this.statusCode !== undefined) out.statusCode = this.statusCode;
    if (this.requestId !== undefined) out.requestId = this.requestId;
    if (this.operation !== undefined) out.operation = this.operation;
    return out;
  }
}
