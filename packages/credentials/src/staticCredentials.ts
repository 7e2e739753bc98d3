import type { Credentials } from "@sessionkit/types";
import { createCredentials } from "./createCredentials.js";
import { type StaticKeys, staticProvider } from "./staticProvider.js";

/**
 * Credentials for fixed keys (Go's `credentials.NewStaticCredentials`). They never expire. Empty keys make
 * `get()` reject with `EmptyStaticCreds: static credentials are empty`.
 */
export function staticCredentials(keys: StaticKeys, providerName?: string): Credentials {
  return createCredentials(staticProvider(keys, providerName));
}
