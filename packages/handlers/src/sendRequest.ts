import type { HandlerList as HandlerListContract, Phase, Request, SdkErrorShape } from "@sessionkit/types";
import { toSendError } from "./coreHandlers.js";
import { HandlerError, RequestCanceled, SerializationError } from "./errors.js";
import { HandlerList } from "./HandlerList.js";
import { LogLevel, logLevelMatches } from "./LogLevel.js";
import { logRedacted } from "./logHandlers.js";
import type { SdkRequest } from "./SdkRequest.js";

function invoke(list: HandlerListContract, r: Request): void | Promise<void> {
  return list instanceof HandlerList ? list.invoke(r) : list.run(r);
}

function isErrorShape(value: unknown): value is SdkErrorShape {
  return value instanceof Error && typeof (value as Partial<SdkErrorShape>).code === "string";
}

const SERIALIZATION_PHASES: ReadonlySet<Phase> = new Set(["build", "unmarshal", "unmarshalMeta", "unmarshalError"]);

/** Turns whatever a handler threw into a typed error; a non-`SdkError` is a handler bug named by its phase. */
export function toRequestError(thrown: unknown, phase: Phase, r: Request): SdkErrorShape {
  if (phase === "send") return toSendError(thrown, r);
  if (isErrorShape(thrown)) return thrown;
  if (r.signal.aborted) return new RequestCanceled(undefined, { cause: thrown });
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  const message = `${phase} handler failed: ${detail}`;
  return SERIALIZATION_PHASES.has(phase)
    ? new SerializationError(message, { cause: thrown })
    : new HandlerError(message, { cause: thrown });
}

type MutableErrorFields = { -readonly [K in "operation" | "statusCode" | "requestId"]?: SdkErrorShape[K] };

function setField(target: object, key: keyof MutableErrorFields, value: string | number): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Gives the final error the operation (`svc/Op`), status code and request id. The error is changed in place
 * unless it already names another operation (an error shared between calls, e.g. one failed credentials
 * refresh seen by many requests): then a copy of the same class is changed instead.
 */
export function withRequestInfo(err: SdkErrorShape, r: Request): SdkErrorShape {
  const operation = `${r.clientInfo.serviceName}/${r.operation.name}`;
  const statusCode = err.statusCode ?? r.httpResponse?.statusCode;
  const requestId = err.requestId ?? r.requestId;
  if (err.operation === operation && err.statusCode === statusCode && err.requestId === requestId) return err;
  let target = err;
  if (err.operation !== undefined && err.operation !== operation) {
    target = Object.create(Object.getPrototypeOf(err)) as SdkErrorShape;
    Object.defineProperties(target, Object.getOwnPropertyDescriptors(err));
  }
  setField(target, "operation", operation);
  if (statusCode !== undefined) setField(target, "statusCode", statusCode);
  if (requestId !== undefined) setField(target, "requestId", requestId);
  return target;
}

/** Releases an unread response body (its socket goes back to the pool or is closed). */
function discardBody(r: Request): void {
  const body = r.httpResponse?.body;
  if (body === undefined) return;
  try {
    // Transports' bodies may offer discard() (drain small, close large); otherwise end an iterator.
    const discard = (body as { discard?: () => void }).discard;
    if (typeof discard === "function") {
      discard.call(body);
      return;
    }
    const done = body[Symbol.asyncIterator]().return?.();
    if (done !== undefined) Promise.resolve(done).catch(() => {});
  } catch {
    // A body that cannot be released is left to the garbage collector.
  }
}

function logAttemptError(r: Request, stage: string): void {
  if (!logLevelMatches(r.config.logLevel, LogLevel.DebugWithRequestErrors)) return;
  logRedacted(
    r,
    `DEBUG: ${stage} ${r.clientInfo.serviceName}/${r.operation.name} failed, attempt ${r.retryCount}, error ${r.error?.message}`,
  );
}

/** One attempt: send, unmarshalMeta, validateResponse, then unmarshalError or unmarshal; completeAttempt always. */
async function attempt(r: Request): Promise<void> {
  const h = r.handlers;
  let phase: Phase = "send";
  try {
    let p = invoke(h.send, r);
    if (p !== undefined) await p;
    phase = "unmarshalMeta";
    p = invoke(h.unmarshalMeta, r);
    if (p !== undefined) await p;
    phase = "validateResponse";
    p = invoke(h.validateResponse, r);
    if (p !== undefined) await p;
    phase = "unmarshal";
    p = invoke(h.unmarshal, r);
    if (p !== undefined) await p;
  } catch (thrown) {
    r.error = toRequestError(thrown, phase, r);
    if (phase === "validateResponse") {
      // The service's handlers see the generic error and replace it by throwing their typed one.
      try {
        const p = invoke(h.unmarshalError, r);
        if (p !== undefined) await p;
      } catch (replacement) {
        r.error = toRequestError(replacement, "unmarshalError", r);
      }
    }
    logAttemptError(r, phase === "send" ? "Send Request" : phase === "unmarshal" ? "Unmarshal Response" : "Validate Response");
  }
  try {
    const p = invoke(h.completeAttempt, r);
    if (p !== undefined) await p;
  } catch (thrown) {
    r.error = toRequestError(thrown, "completeAttempt", r);
  }
  if (r.error !== undefined) discardBody(r);
}

function checkAborted(r: SdkRequest<unknown, unknown>): void {
  if (r.callerSignal?.aborted === true) throw new RequestCanceled(undefined, { cause: r.callerSignal.reason });
}

/**
 * The lifecycle of spec §6.14: validate and build once; per attempt sign, send, unmarshalMeta,
 * validateResponse, then unmarshalError or unmarshal, and completeAttempt; after a failed attempt retry
 * and afterRetry, looping while `afterRetry` cleared the error and marked it retryable; `complete` once at
 * the end, on success and on failure.
 */
async function runLifecycle<Output>(r: SdkRequest<unknown, Output>): Promise<Output> {
  const h = r.handlers;
  let phase: Phase = "validate";
  try {
    if (r.error !== undefined) throw r.error;
    checkAborted(r);
    let p = invoke(h.validate, r);
    if (p !== undefined) await p;
    phase = "build";
    checkAborted(r);
    p = invoke(h.build, r);
    if (p !== undefined) await p;
    for (;;) {
      r.error = undefined;
      r.retryable = undefined;
      r.retryDelay = undefined;
      phase = "sign";
      checkAborted(r);
      p = invoke(h.sign, r);
      if (p !== undefined) await p;
      await attempt(r);
      if (r.error === undefined) break;
      phase = "retry";
      p = invoke(h.retry, r);
      if (p !== undefined) await p;
      phase = "afterRetry";
      p = invoke(h.afterRetry, r);
      if (p !== undefined) await p;
      if (r.error !== undefined || r.retryable !== true) break;
      r.httpResponse = undefined;
    }
  } catch (thrown) {
    r.error = toRequestError(thrown, phase, r);
  }
  try {
    const p = invoke(h.complete, r);
    if (p !== undefined) await p;
  } catch (thrown) {
    r.error = toRequestError(thrown, "complete", r);
  }
  if (r.error !== undefined) throw withRequestInfo(r.error, r);
  return r.data as Output;
}

/**
 * Runs a request through its lifecycle and resolves to `request.data`, or rejects with a typed error
 * carrying `operation`, `statusCode` and `requestId`. When the caller's signal aborts, the promise rejects
 * at once with `RequestCanceled`; the lifecycle still finishes its current handler and runs `complete`.
 */
export function sendRequest<Output>(r: SdkRequest<unknown, Output>): Promise<Output> {
  const signal = r.callerSignal;
  const run = runLifecycle(r);
  if (signal === undefined) return run;
  return new Promise<Output>((resolve, reject) => {
    const onAbort = (): void => reject(withRequestInfo(new RequestCanceled(undefined, { cause: signal.reason }), r));
    signal.addEventListener("abort", onAbort, { once: true });
    run.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}
