import type { Credentials } from "@sessionkit/types";

/**
 * True for a `Credentials` object (ours or any structurally equal one): callable, with `get`, `isExpired`,
 * `expire`, `expiresAt` and a string `providerName`.
 */
export function isCredentials(value: unknown): value is Credentials {
  const c = value as Partial<Record<keyof Credentials, unknown>>;
  return (
    typeof value === "function" &&
    typeof c.providerName === "string" &&
    METHODS.every((m) => typeof c[m] === "function")
  );
}

const METHODS = ["get", "isExpired", "expire", "expiresAt"] as const;
