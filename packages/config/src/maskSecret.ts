import type { Sourced, ValueSource } from "./ValueSource.js";

/** What a secret (secret key, session token) is shown as: never any of its characters. */
export const SECRET_MASK = "****";

/** Keys (property keys, env variable names, lower-cased) whose values are secret or partly shown. */
const KINDS = new Map<string, SecretKind>([
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

const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/**
 * A `Sourced` string whose `value` is readable but which prints masked through `JSON.stringify`,
 * `String()` and `util.inspect`, so dumping a config object never leaks a secret.
 */
export function secretSourced(value: string, source: ValueSource, kind: Exclude<SecretKind, "none">): Sourced<string> {
  const shown = () => ({ value: maskSecret(value, kind), source });
  return Object.defineProperties({ value, source } as Sourced<string>, {
    value: { value, enumerable: false },
    toJSON: { value: shown },
    toString: { value: () => maskSecret(value, kind) },
    [inspectCustom]: {
      value: (_depth: number, options: unknown, inspect?: (v: unknown, o: unknown) => string) =>
        inspect ? inspect(shown(), options) : JSON.stringify(shown()),
    },
  });
}
