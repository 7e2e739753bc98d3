import type { Transport } from "@sessionkit/types";
import type { CaBundle } from "./NodeHttpTransport.js";
import { Http1Transport } from "./Http1Transport.js";

/** Options every platform's default transport accepts. */
export interface DefaultTransportOptions {
  /** Per-attempt timeout (ms) when the caller gives none. */
  readonly timeoutMs?: number;
  /** Trusted CAs (Node only; browsers use the system's trust store). */
  readonly ca?: CaBundle;
}

/** The platform's transport: on Node a keep-alive `Http1Transport` (the `browser` build returns a `FetchTransport`). */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  return new Http1Transport(options);
}
