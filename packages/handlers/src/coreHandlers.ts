import { isSdkError, RequestError, ResponseTimeout } from "@sessionkit/errors";
import type { NamedHandler, Operation, Request, SdkErrorShape } from "@sessionkit/types";
import { isErrorExpiredCreds, retryerFor } from "./DefaultRetryer.js";
import { canceled, MissingEndpoint, MissingRegion, UnknownError } from "./errors.js";
import { namedHandler } from "./HandlerList.js";
import { operationName } from "./operationName.js";
import { utf8Length } from "./utf8.js";
import { SdkRequest } from "./SdkRequest.js";
import { sleep } from "./sleep.js";
import { USER_AGENT } from "./userAgent.js";

/** An operation that can check its own parameters (run by `CoreHandlers.ValidateParametersHandler`). */
export interface ValidatingOperation extends Operation {
  /** Throws a typed error (e.g. `InvalidParameter`) naming the bad parameter. */
  validate?(params: unknown): void;
}

/** The `request.context` key marking that an expired-token error was already retried once. */
export const EXPIRED_TOKEN_RETRIED = "handlers.expiredTokenRetried";

/** `err` when it is a `RequestCanceled`, else a `RequestCanceled` caused by it. */
const toCanceled = (err: unknown): SdkErrorShape => (isSdkError(err, "RequestCanceled") ? err : canceled(err));

/** Maps whatever a transport threw to Go's send errors: the signal wins, typed errors pass, the rest is `RequestError`. */
export function toSendError(err: unknown, r: Request): SdkErrorShape {
  if (r.signal.aborted) return toCanceled(err);
  return isSdkError(err) ? err : new RequestError(undefined, { cause: err });
}

type CoreName =
  | "ValidateEndpointHandler"
  | "ValidateParametersHandler"
  | "SDKVersionUserAgentHandler"
  | "BuildContentLengthHandler"
  | "SendHandler"
  | "RequestIdHandler"
  | "ValidateResponseHandler"
  | "AfterRetryHandler";

/** `LogLevel.DebugWithRequestRetries` (a literal: the default pipeline does not bundle the LogLevel table). */
const DEBUG_RETRIES = 0x1004;

/** validate: `MissingRegion` without a signing region or region; `MissingEndpoint` without an endpoint. */
export const ValidateEndpointHandler = /* @__PURE__ */ namedHandler("core.ValidateEndpointHandler", (r) => {
  if (r.clientInfo.signingRegion === "" && r.config.region === "") throw new MissingRegion();
  if (r.clientInfo.endpoint === "") throw new MissingEndpoint();
});

/** validate: runs the operation's own `validate(params)` (the session adds it unless `disableParamValidation`). */
const ValidateParametersHandler = /* @__PURE__ */ namedHandler("core.ValidateParametersHandler", (r) => {
  (r.operation as ValidatingOperation).validate?.(r.params);
});

/** build: appends `sessionkit/<ver> node/<ver>` to the `user-agent` header. */
export const SDKVersionUserAgentHandler = /* @__PURE__ */ namedHandler("core.SDKVersionUserAgentHandler", (r) => {
  const headers = r.httpRequest.headers;
  const ua = headers["user-agent"];
  headers["user-agent"] = ua ? `${ua} ${USER_AGENT}` : USER_AGENT;
});

/** sign: sets `content-length` for string and byte bodies (and `0` for an empty POST/PUT/PATCH). */
export const BuildContentLengthHandler = /* @__PURE__ */ namedHandler("core.BuildContentLengthHandler", (r) => {
  const { body, headers, method } = r.httpRequest;
  const length =
    typeof body === "string" ? utf8Length(body) : body instanceof Uint8Array ? body.byteLength : body === undefined && /^(POST|PUT|PATCH)$/.test(method) ? 0 : -1;
  if (length >= 0) headers["content-length"] = String(length);
});

/** send: `config.transport.handle(...)` with the caller's signal and `config.attemptTimeoutMs`. */
export const SendHandler = /* @__PURE__ */ namedHandler("core.SendHandler", (r) => {
  const t = r.config.attemptTimeoutMs as number;
  // What a timer cannot hold (Infinity, NaN, negative, 2^31 ms or more: it would fire at once) is no timeout, here and
  // for the transport.
  const timeoutMs = t < 2 ** 31 && t > 0 ? t : undefined;
  // Only the caller's signal: listening on one that can never abort costs a transport ~5–10 µs per request.
  const signal = r instanceof SdkRequest ? r.callerSignal : r.signal;
  const sent = r.config.transport.handle(r.httpRequest, { signal, timeoutMs }).then(
    (res) => {
      r.httpResponse = res;
    },
    (err) => {
      throw toSendError(err, r);
    },
  );
  if (!timeoutMs) return sent;
  // The transport should honour timeoutMs itself; this timer keeps a transport that does not from hanging.
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ResponseTimeout(`no response within ${timeoutMs} ms`)), timeoutMs);
    sent.then(resolve, reject).finally(() => clearTimeout(timer));
  });
});

/** unmarshalMeta: `request.requestId` from `x-amz-request-id` / `x-amzn-requestid`. */
export const RequestIdHandler = /* @__PURE__ */ namedHandler("core.RequestIdHandler", (r) => {
  const headers = r.httpResponse?.headers;
  const id = headers?.["x-amz-request-id"] ?? headers?.["x-amzn-requestid"];
  if (id !== undefined) r.requestId = id;
});

/** validateResponse: a status of 0 or ≥ 300 throws `UnknownError`, which `unmarshalError` handlers replace. */
export const ValidateResponseHandler = /* @__PURE__ */ namedHandler("core.ValidateResponseHandler", (r) => {
  const status = r.httpResponse?.statusCode ?? 0;
  if (status === 0 || status >= 300) throw new UnknownError(status, { requestId: r.requestId });
});

/**
 * afterRetry: Go's `AfterRetryHandler`. Decides `retryable` (unless a retry handler already did), and when
 * the request will be retried: sleeps the backoff (abortable), expires the credentials after an
 * expired-token error (once per request), bumps `retryCount` and clears `error`.
 */
export const AfterRetryHandler = /* @__PURE__ */ namedHandler("core.AfterRetryHandler", async (r) => {
  const retryer = retryerFor(r);
  r.retryable ??= retryer.shouldRetry(r);
  if (r.error === undefined || !r.retryable || r.retryCount >= retryer.maxRetries) return;
  const body = r.httpRequest.body;
  const expired = isErrorExpiredCreds(r.error);
  // A stream (of the body types, with bytes, the only object) was consumed by the failed attempt: sending it again
  // would send nothing. An expired token is retried once per request.
  if ((typeof body === "object" && !(body instanceof Uint8Array)) || (expired && r.context.has(EXPIRED_TOKEN_RETRIED))) {
    r.retryable = false;
    return;
  }
  if (expired) r.context.set(EXPIRED_TOKEN_RETRIED, true);
  r.retryDelay ??= retryer.retryDelay(r);
  const delay = r.retryDelay;
  const config = r.config;
  // Names and numbers only: nothing to redact.
  if (((config.logLevel ?? 0) & DEBUG_RETRIES) === DEBUG_RETRIES) {
    (config.logger ?? console).log(`DEBUG: Retrying Request ${operationName(r)}, attempt ${r.retryCount + 1} after ${delay} ms`);
  }
  try {
    await (config.sleep ?? sleep)(delay, r.signal);
  } catch (err) {
    throw toCanceled(err);
  }
  if (r.signal.aborted) throw canceled();
  if (expired) config.credentials.expire();
  r.retryCount++;
  r.error = undefined;
});

/** Keys each `core.<key>` entry by `<key>`. */
const byKey = /* @__NO_SIDE_EFFECTS__ */ (...entries: NamedHandler[]): Readonly<Record<CoreName, NamedHandler>> => {
  const out = {} as Record<CoreName, NamedHandler>;
  for (const h of entries) out[h.name.slice(5) as CoreName] = h;
  return Object.freeze(out);
};

/** Go's `corehandlers.*`, as named handlers (`core.<key>`) users can remove, swap or reorder. */
// One constant per handler (not one table): `defaultHandlers()` names the ones it uses, so a bundle without
// `CoreHandlers` drops the others.
export const CoreHandlers = /* @__PURE__ */ byKey(
  ValidateEndpointHandler,
  ValidateParametersHandler,
  SDKVersionUserAgentHandler,
  BuildContentLengthHandler,
  SendHandler,
  RequestIdHandler,
  ValidateResponseHandler,
  AfterRetryHandler,
);
