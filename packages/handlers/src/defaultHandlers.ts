import type { Handlers } from "@sessionkit/types";
import { CoreHandlers } from "./coreHandlers.js";
import { newHandlers } from "./newHandlers.js";

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
  const h = newHandlers();
  h.validate.pushBackNamed(CoreHandlers.ValidateEndpointHandler);
  h.build.pushBackNamed(CoreHandlers.SDKVersionUserAgentHandler);
  h.sign.pushBackNamed(CoreHandlers.BuildContentLengthHandler);
  h.send.pushBackNamed(CoreHandlers.SendHandler);
  h.unmarshalMeta.pushBackNamed(CoreHandlers.RequestIdHandler);
  h.validateResponse.pushBackNamed(CoreHandlers.ValidateResponseHandler);
  h.afterRetry.pushBackNamed(CoreHandlers.AfterRetryHandler);
  return h;
}
