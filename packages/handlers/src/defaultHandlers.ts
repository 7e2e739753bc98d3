import type { Handlers, NamedHandler } from "@sessionkit/types";
import { CoreHandlers } from "./coreHandlers.js";
import { HandlerPhases, PHASES } from "./newHandlers.js";

/**
 * Go's `defaults.Handlers()` (plus a request-id reader in `unmarshalMeta`). The debug log handlers are not
 * in it: `addDebugHandlers` adds them (the session does, for clients whose `logLevel` is on).
 *
 * | phase | handlers |
 * | --- | --- |
 * | validate | `core.ValidateEndpointHandler` |
 * | build | `core.SDKVersionUserAgentHandler` |
 * | sign | `core.BuildContentLengthHandler` (a service adds its signer after it) |
 * | send | `core.SendHandler` |
 * | unmarshalMeta | `core.RequestIdHandler` |
 * | validateResponse | `core.ValidateResponseHandler` |
 * | afterRetry | `core.AfterRetryHandler` |
 */
export function defaultHandlers(): Handlers {
  const items: NamedHandler[][] = PHASES.map(() => []);
  // The phase index (in PHASES) of each CoreHandlers entry, in their order; -1: not a default handler.
  const at = [0, -1, 1, 2, 3, 4, 5, 9];
  Object.values(CoreHandlers).forEach((h, i) => {
    items[at[i] as number]?.push(h);
  });
  return new HandlerPhases(items);
}
