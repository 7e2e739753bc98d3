import type { Handlers } from "@sessionkit/types";
import {
  AfterRetryHandler,
  BuildContentLengthHandler,
  RequestIdHandler,
  SDKVersionUserAgentHandler,
  SendHandler,
  ValidateEndpointHandler,
  ValidateResponseHandler,
} from "./coreHandlers.js";
import { HandlerPhases } from "./newHandlers.js";

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
  // In PHASES order: validate, build, sign, send, unmarshalMeta, validateResponse, unmarshalError, unmarshal,
  // retry, afterRetry, completeAttempt, complete.
  return new HandlerPhases([
    [ValidateEndpointHandler],
    [SDKVersionUserAgentHandler],
    [BuildContentLengthHandler],
    [SendHandler],
    [RequestIdHandler],
    [ValidateResponseHandler],
    [],
    [],
    [],
    [AfterRetryHandler],
    [],
    [],
  ]);
}
