import type { Sourced, ValueSource } from "./ValueSource.js";

/** What a secret (secret key, session token) is shown as: never any of its characters. */
export const SECRET_MASK = "****";

/** How a key's value may be shown: in full, by its last four characters, or not at all. */
export type SecretKind = "none" | "partial" | "secret";

export const ACCESS_KEY_ID = "aws_access_key_id";
export const SECRET_ACCESS_KEY = "aws_secret_access_key";

/**
 * Classifies a property key or env variable name (in any case): `aws_secret_access_key`, `aws_secret_key`,
 * `aws_session_token` and `aws_security_token` are secret; `aws_access_key_id` and `aws_access_key` partial.
 */
export function secretKind(key: string): SecretKind {
  // Plain comparisons: a pattern would cost a compile in every fresh process that reads a file.
  const k = key.toLowerCase();
  return k === ACCESS_KEY_ID || k === "aws_access_key"
    ? "partial"
    : k === SECRET_ACCESS_KEY || k === "aws_secret_key" || k === "aws_session_token" || k === "aws_security_token"
      ? "secret"
      : "none";
}

/**
 * The text `explain` shows for a value: secrets become `****`; an access key id keeps its last four
 * characters (`****MPLE`), which is enough to tell keys apart.
 */
export function maskSecret(value: string, kind: SecretKind): string {
  if (kind === "none") return value;
  if (kind === "secret" || value.length <= 8) return SECRET_MASK;
  return `${SECRET_MASK}${value.slice(-4)}`;
}

/** Node's `util.inspect.custom` (by its registered name: no node:util import, so this stays browser-safe). */
export const inspectCustom = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");

/** A value holding a secret: `util.inspect` shows its `toJSON` form, which is masked. */
export abstract class Masked {
  abstract toJSON(): unknown;

  [inspectCustom](_depth: number, options: unknown, inspect?: (v: unknown, o: unknown) => string): string {
    return inspect ? inspect(this.toJSON(), options) : JSON.stringify(this.toJSON());
  }
}

/** A secret with its source: `value` is a getter over a private field, so it is not an own enumerable key. */
class SecretSourced extends Masked implements Sourced<string> {
  declare readonly source: ValueSource;
  readonly #value: string;
  readonly #kind: Exclude<SecretKind, "none">;

  constructor(value: string, source: ValueSource, kind: Exclude<SecretKind, "none">) {
    super();
    this.#value = value;
    this.source = source;
    this.#kind = kind;
  }

  get value(): string {
    return this.#value;
  }

  override toJSON(): { value: string; source: ValueSource } {
    return { value: maskSecret(this.#value, this.#kind), source: this.source };
  }

  override toString(): string {
    return maskSecret(this.#value, this.#kind);
  }
}

/**
 * A `Sourced` string whose `value` is readable but which prints masked through `JSON.stringify`,
 * `String()` and `util.inspect`, and is not copied by spreading, so dumping a config object never
 * leaks a secret.
 */
export function secretSourced(value: string, source: ValueSource, kind: Exclude<SecretKind, "none">): Sourced<string> {
  return new SecretSourced(value, source, kind);
}
