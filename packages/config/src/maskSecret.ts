import type { Sourced, ValueSource } from "./ValueSource.js";

/** What a secret (secret key, session token) is shown as: never any of its characters. */
export const SECRET_MASK = "****";

/** Keys (property keys, env variable names, lower-cased) whose values are secret or partly shown. */
const KINDS = /* @__PURE__ */ new Map<string, SecretKind>([
  ["aws_secret_access_key", "secret"],
  ["aws_session_token", "secret"],
  ["aws_security_token", "secret"],
  ["aws_secret_key", "secret"],
  ["aws_access_key_id", "partial"],
  ["aws_access_key", "partial"],
]);

/** How a key's value may be shown: in full, by its last four characters, or not at all. */
export type SecretKind = "none" | "partial" | "secret";

/** Classifies a property key or env variable name. */
export function secretKind(key: string): SecretKind {
  return KINDS.get(key) ?? KINDS.get(key.toLowerCase()) ?? "none";
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

/** What `util.inspect` shows for a value holding a secret: its `toJSON` form, which is masked. */
export function inspectMasked(value: { toJSON(): unknown }, options: unknown, inspect?: (v: unknown, o: unknown) => string): string {
  return inspect ? inspect(value.toJSON(), options) : JSON.stringify(value.toJSON());
}

/** A secret with its source: `value` is a getter over a private field, so it is not an own enumerable key. */
class SecretSourced implements Sourced<string> {
  declare readonly source: ValueSource;
  readonly #value: string;
  readonly #kind: Exclude<SecretKind, "none">;

  constructor(value: string, source: ValueSource, kind: Exclude<SecretKind, "none">) {
    this.#value = value;
    this.source = source;
    this.#kind = kind;
  }

  get value(): string {
    return this.#value;
  }

  toJSON(): { value: string; source: ValueSource } {
    return { value: maskSecret(this.#value, this.#kind), source: this.source };
  }

  toString(): string {
    return maskSecret(this.#value, this.#kind);
  }

  [inspectCustom](_depth: number, options: unknown, inspect?: (v: unknown, o: unknown) => string): string {
    return inspectMasked(this, options, inspect);
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
