/** Fields an `SdkError` may carry beyond its code and message. */
export interface SdkErrorOptions {
  readonly cause?: unknown;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly operation?: string;
  readonly retryable?: boolean;
}

// Marks every copy of SdkError's prototype, so `instanceof SdkError` holds across copies of this package
// (a CJS build that inlines it, an ESM and a CJS copy in one process). Symbol.for: the same key in every copy.
const BRAND = Symbol.for("@sessionkit/errors.SdkError");

/** The optional fields, in `toJSON` order (`retryable` last: it stays out of the JSON). One loop sets them all. */
const FIELDS = ["statusCode", "requestId", "operation", "retryable"] as const;

/**
 * The base of every error sessionkit raises: Go's `awserr.Error` as an `Error` subclass.
 * `message` is Go's `"<Code>: <Message>"`; `cause` keeps the original error. Messages must never
 * contain secrets: callers pass names and places (file, line, profile, variable), not values.
 */
export class SdkError extends Error {
  // Declared, not class fields: a field would be an own `undefined` property on every error (and bytes in
  // every bundle); the constructor sets the ones given.
  declare readonly code: string;
  declare readonly statusCode?: number;
  declare readonly requestId?: string;
  declare readonly operation?: string;
  declare readonly retryable?: boolean;

  constructor(code: string, message: string, options: SdkErrorOptions = {}) {
    // Error reads only `cause` from its options, and only when present: an undefined cause leaves none.
    super(`${code}: ${message}`, options.cause === undefined ? undefined : options);
    this.code = code;
    for (const k of FIELDS) if (options[k] !== undefined) (this as Record<string, unknown>)[k] = options[k];
  }

  /**
   * `x instanceof SdkError` is true for an error of any copy of this package (checked by the brand);
   * for subclasses the ordinary prototype check applies, so their `instanceof` stays exact.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // The base class is the one whose prototype owns the brand (in every copy of the package). Not `this !==
    // SdkError`: a class body naming its own class makes bundlers rename it (`class _SdkError`), and `name` with it.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof (subclasses inherit this)
    if (!Object.hasOwn(this.prototype, BRAND)) return super[Symbol.hasInstance](value);
    return (value as Record<symbol, unknown> | null | undefined)?.[BRAND] === true;
  }

  override get name(): string {
    return this.constructor.name;
  }

  /** A plain object for logs and JSON output (no stack, no cause chain). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const k of FIELDS) if (k !== "retryable" && this[k] !== undefined) out[k] = this[k];
    return out;
  }
}

// The brand sits on the prototype (no per-instance cost) and stays out of the declared type, so the ESM and
// CJS declarations of the class remain structurally one type. (A statement, not a static block: nothing to
// compile at load.)
(SdkError.prototype as unknown as Record<symbol, boolean>)[BRAND] = true;
