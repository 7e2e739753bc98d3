import type { Handlers } from "@sessionkit/types";
import { CoreHandlers } from "./coreHandlers.js";
import { LogRequestHandler, LogResponseHandler } from "./logHandlers.js";
import { newHandlers } from "./newHandlers.js";

/**
 * Go's `defaults.Handlers()` (plus the client's log handlers, and a request-id reader in `unmarshalMeta`):
 *
 * | phase | handlers |
 * | --- | --- |
 * | validate | `core.ValidateEndpointHandler` |
 * | build | `core.SDKVersionUserAgentHandler` |
 * | sign | `core.BuildContentLengthHandler` (a service adds its signer after it) |
 * | send | `awssdk.client.LogRequest`, `core.SendHandler`, `awssdk.client.LogResponse` |
 * | unmarshalMeta | `core.RequestIdHandler` |
 * | validateResponse | `core.ValidateResponseHandler` |
 * | afterRetry | `core.AfterRetryHandler` |
 */
export function defaultHandlers(): Handlers {
  const h = newHandlers();
  h.validate.pushBackNamed(CoreHandlers.ValidateEndpointHandler);
  h.build.pushBackNamed(CoreHandlers.SDKVersionUserAgentHandler);
  h.sign.pushBackNamed(CoreHandlers.BuildContentLengthHandler);
  h.send.pushBackNamed(LogRequestHandler);
  h.send.pushBackNamed(CoreHandlers.SendHandler);
  h.send.pushBackNamed(LogResponseHandler);
  h.unmarshalMeta.pushBackNamed(CoreHandlers.RequestIdHandler);
  h.validateResponse.pushBackNamed(CoreHandlers.ValidateResponseHandler);
  h.afterRetry.pushBackNamed(CoreHandlers.AfterRetryHandler);
  return h;
}
