import type { Credentials } from "@sessionkit/types";

/**
 * True for a `Credentials` object (ours or any structurally equal one): callable, with `get`, `isExpired`,
 * `expire`, `expiresAt` and a string `providerName`.
 */
export function isCredentials(value: unknown): value is Credentials {
  if (typeof value !== "function") return false;
  const c = value as Partial<Record<keyof Credentials, unknown>>;
  return (
    typeof c.get === "function" &&
    typeof c.isExpired === "function" &&
    typeof c.expire === "function" &&
    typeof c.expiresAt === "function" &&
    typeof c.providerName === "string"
  );
}
