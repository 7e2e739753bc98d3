import { isCredentials } from "@sessionkit/credentials";
import type { ResolvedConfig } from "@sessionkit/types";

/**
 * A value as `explain` and logs show it: strings, numbers and booleans as they are; credentials by their
 * provider name (never a key); functions and objects (transport, logger) by their name.
 */
export function display(value: unknown): string {
  if (isCredentials(value)) return value.providerName;
  if (typeof value === "function") return value.name || "function";
  if (typeof value === "object" && value !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return !name || name === "Object" ? "object" : name;
  }
  return value === undefined ? "" : String(value);
}

/**
 * A config as logs see it: numbers and booleans as they are, everything else through {@link display}, so
 * transports and loggers stay terse and credentials show only their provider name.
 */
export function configForDisplay(config: ResolvedConfig): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v !== undefined) out[k] = typeof v === "number" || typeof v === "boolean" ? v : display(v);
  }
  return out;
}
