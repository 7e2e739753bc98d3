import type { Transport } from "@sessionkit/types";
import type { DefaultTransportOptions } from "./defaultTransport.js";
import { FetchTransport } from "./FetchTransport.js";

/** The browser build's default transport: `fetch` (a `ca` option is ignored: browsers use the system's trust store). */
export function createDefaultTransport(options?: DefaultTransportOptions): Transport {
  return new FetchTransport(options);
}
