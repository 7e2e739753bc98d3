import { isSdkError } from "@sessionkit/errors";
import type { HttpResponse, NamedHandler, Operation, Request, SdkErrorShape } from "@sessionkit/types";
import { isErrorExpiredCreds, retryerFor } from "./DefaultRetryer.js";
import {
  MissingEndpoint,
  MissingRegion,
  RequestCanceled,
  RequestError,
  ResponseTimeout,
  UnknownError,
} from "./errors.js";
import { LogLevel, logLevelMatches } from "./LogLevel.js";
import { logRedacted } from "./logHandlers.js";
import { utf8Length } from "./readBody.js";
import { SdkRequest } from "./SdkRequest.js";
import { USER_AGENT } from "./userAgent.js";

/** An operation that can check its own parameters (run by `CoreHandlers.ValidateParametersHandler`). */
export interface ValidatingOperation extends Operation {
  /** Throws a typed error (e.g. `InvalidParameter`) naming the bad parameter. */
  validate?(params: unknown): void;
}

/** The `request.context` key marking that an expired-token error was already retried once. */
export const EXPIRED_TOKEN_RETRIED = "handlers.expiredTokenRetried";

const BODY_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

function isOneShotBody(body: Request["httpRequest"]["body"]): boolean {
  return body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array);
}

/** Maps whatever a transport threw to Go's send errors: the signal wins, typed errors pass, the rest is `RequestError`. */
export function toSendError(err: unknown, r: Request): SdkErrorShape {
  if (r.signal.aborted) return isSdkError(err, "RequestCanceled") ? err : new RequestCanceled(undefined, { cause: err });
  if (isSdkError(err)) return err;
  return new RequestError("send request failed", { cause: err });
}

/**
 * The signal to hand to the transport: `undefined` when the caller gave none, because listening on a signal
 * that can never abort costs a transport ~5–10 µs per request (EventTarget listeners are slow in Node).
 */
function transportSignal(r: Request): AbortSignal | undefined {
  return r instanceof SdkRequest ? r.callerSignal : r.signal;
}

function setResponse(this: Request, res: HttpResponse): void {
  this.httpResponse = res;
}

function rethrowSendError(this: Request, err: unknown): never {
  throw toSendError(err, this);
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ResponseTimeout(`no response within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Go's `corehandlers.*`, as named handlers users can remove, swap or reorder. */
export const CoreHandlers = Object.freeze({
  /** validate: `MissingRegion` without a signing region or region; `MissingEndpoint` without an endpoint. */
  ValidateEndpointHandler: Object.freeze<NamedHandler>({
    name: "core.ValidateEndpointHandler",
    fn(r: Request): void {
      if (r.clientInfo.signingRegion === "" && r.config.region === "") throw new MissingRegion();
      if (r.clientInfo.endpoint === "") throw new MissingEndpoint();
    },
  }),

  /** validate: runs the operation's own `validate(params)` (the session adds it unless `disableParamValidation`). */
  ValidateParametersHandler: Object.freeze<NamedHandler>({
    name: "core.ValidateParametersHandler",
    fn(r: Request): void {
      (r.operation as ValidatingOperation).validate?.(r.params);
    },
  }),

  /** build: appends `sessionkit/<ver> node/<ver>` to the `user-agent` header. */
  SDKVersionUserAgentHandler: Object.freeze<NamedHandler>({
    name: "core.SDKVersionUserAgentHandler",
    fn(r: Request): void {
      const headers = r.httpRequest.headers;
      const current = headers["user-agent"];
      headers["user-agent"] = current === undefined || current === "" ? USER_AGENT : `${current} ${USER_AGENT}`;
    },
  }),

  /** sign: sets `content-length` for string and byte bodies (and `0` for an empty POST/PUT/PATCH). */
  BuildContentLengthHandler: Object.freeze<NamedHandler>({
    name: "core.BuildContentLengthHandler",
    fn(r: Request): void {
      const req = r.httpRequest;
      const body = req.body;
      if (typeof body === "string") req.headers["content-length"] = String(utf8Length(body));
      else if (body instanceof Uint8Array) req.headers["content-length"] = String(body.byteLength);
      else if (body === undefined && BODY_METHODS.has(req.method)) req.headers["content-length"] = "0";
    },
  }),

  /** send: `config.transport.handle(...)` with the request's signal and `config.attemptTimeoutMs`. */
  SendHandler: Object.freeze<NamedHandler>({
    name: "core.SendHandler",
    fn(r: Request): Promise<void> {
      const timeoutMs = r.config.attemptTimeoutMs;
      const sent = r.config.transport
        .handle(r.httpRequest, { signal: transportSignal(r), timeoutMs })
        .then(setResponse.bind(r), rethrowSendError.bind(r));
      // The transport should honour timeoutMs itself; the race keeps a transport that does not from hanging.
      return timeoutMs === undefined || timeoutMs <= 0 ? sent : withTimeout(sent, timeoutMs);
    },
  }),

  /** unmarshalMeta: `request.requestId` from `x-amz-request-id` / `x-amzn-requestid`. */
  RequestIdHandler: Object.freeze<NamedHandler>({
    name: "core.RequestIdHandler",
    fn(r: Request): void {
      const headers = r.httpResponse?.headers;
      if (headers === undefined) return;
      const id = headers["x-amz-request-id"] ?? headers["x-amzn-requestid"];
      if (id !== undefined) r.requestId = id;
    },
  }),

  /** validateResponse: a status of 0 or ≥ 300 throws `UnknownError`, which `unmarshalError` handlers replace. */
  ValidateResponseHandler: Object.freeze<NamedHandler>({
    name: "core.ValidateResponseHandler",
    fn(r: Request): void {
      const status = r.httpResponse?.statusCode ?? 0;
      if (status === 0 || status >= 300) throw new UnknownError(status, { requestId: r.requestId });
    },
  }),

  /**
   * afterRetry: Go's `AfterRetryHandler`. Decides `retryable` (unless a retry handler already did), and when
   * the request will be retried: sleeps the backoff (abortable), expires the credentials after an
   * expired-token error (once per request), bumps `retryCount` and clears `error`.
   */
  AfterRetryHandler: Object.freeze<NamedHandler>({
    name: "core.AfterRetryHandler",
    async fn(r: Request): Promise<void> {
      const retryer = retryerFor(r);
      if (r.retryable === undefined) r.retryable = retryer.shouldRetry(r);
      if (r.error === undefined || !r.retryable || r.retryCount >= retryer.maxRetries) return;
      // A stream was consumed by the failed attempt: sending it again would send nothing.
      if (isOneShotBody(r.httpRequest.body)) {
        r.retryable = false;
        return;
      }
      const expired = isErrorExpiredCreds(r.error);
      if (expired) {
        if (r.context.has(EXPIRED_TOKEN_RETRIED)) {
          r.retryable = false;
          return;
        }
        r.context.set(EXPIRED_TOKEN_RETRIED, true);
      }
      const delay = r.retryDelay ?? retryer.retryDelay(r);
      r.retryDelay = delay;
      if (logLevelMatches(r.config.logLevel, LogLevel.DebugWithRequestRetries)) {
        logRedacted(
          r,
          `DEBUG: Retrying Request ${r.clientInfo.serviceName}/${r.operation.name}, attempt ${r.retryCount + 1} after ${delay} ms`,
        );
      }
      try {
        await r.config.sleep(delay, r.signal);
      } catch (err) {
        throw isSdkError(err, "RequestCanceled") ? err : new RequestCanceled(undefined, { cause: err });
      }
      if (r.signal.aborted) throw new RequestCanceled();
      if (expired) r.config.credentials.expire();
      r.retryCount++;
      r.error = undefined;
    },
  }),
});
