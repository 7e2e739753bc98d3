import { RequestCanceled } from "@sessionkit/errors";
import type { HandlerList as HandlerListContract, Phase, Request, SdkErrorShape } from "@sessionkit/types";
import { toSendError } from "./coreHandlers.js";
import { HandlerError, SerializationError } from "./errors.js";
import { HandlerList } from "./HandlerList.js";
import type { SdkRequest } from "./SdkRequest.js";

/** Runs one phase's list; `undefined` when every handler was synchronous (no promise to await). */
function invoke(list: HandlerListContract, r: Request): void | Promise<void> {
  return list instanceof HandlerList ? list.invoke(r) : list.run(r);
}

/** Turns whatever a handler threw into a typed error; a non-`SdkError` is a handler bug named by its phase. */
export function toRequestError(thrown: unknown, phase: Phase, r: Request): SdkErrorShape {
  if (phase === "send") return toSendError(thrown, r);
  if (thrown instanceof Error && typeof (thrown as Partial<SdkErrorShape>).code === "string") return thrown as SdkErrorShape;
  if (r.signal.aborted) return new RequestCanceled(undefined, { cause: thrown });
  const message = `${phase} handler failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  // build, unmarshal, unmarshalMeta and unmarshalError: Go's SerializationError.
  return /^(build|unmarshal)/.test(phase) ? new SerializationError(message, { cause: thrown }) : new HandlerError(message, { cause: thrown });
}

/**
 * Gives the final error the operation (`svc/Op`), status code and request id. The error is changed in place
 * unless it already names another operation (an error shared between calls, e.g. one failed credentials
 * refresh seen by many requests): then a copy of the same class is changed instead.
 */
export function withRequestInfo(err: SdkErrorShape, r: Request): SdkErrorShape {
  const info = {
    operation: `${r.clientInfo.serviceName}/${r.operation.name}`,
    statusCode: err.statusCode ?? r.httpResponse?.statusCode,
    requestId: err.requestId ?? r.requestId,
  };
  let target = err;
  if (err.operation !== undefined && err.operation !== info.operation) {
    target = Object.create(Object.getPrototypeOf(err), Object.getOwnPropertyDescriptors(err)) as SdkErrorShape;
  }
  for (const [key, value] of Object.entries(info)) {
    if (value !== undefined && target[key as keyof typeof info] !== value) {
      Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  return target;
}

/** Releases an unread response body (its socket goes back to the pool or is closed). */
function discardBody(r: Request): void {
  const body = r.httpResponse?.body as (AsyncIterable<Uint8Array> & { discard?: () => void }) | undefined;
  try {
    // Transports' bodies may offer discard() (drain small, close large); otherwise end an iterator.
    if (typeof body?.discard === "function") body.discard();
    else body?.[Symbol.asyncIterator]().return?.()?.catch(() => {});
  } catch {
    // A body that cannot be released is left to the garbage collector.
  }
}

const ONCE: readonly Phase[] = ["validate", "build"];
const ATTEMPT: readonly Phase[] = ["send", "unmarshalMeta", "validateResponse", "unmarshal"];
const AFTER_FAILURE: readonly Phase[] = ["retry", "afterRetry"];
/** The `request.context` key holding the phase a failed attempt failed in (for `LogAttemptErrorHandler`). */
export const FAILED_PHASE = "handlers.failedPhase";

/** One attempt: send, unmarshalMeta, validateResponse, then unmarshalError or unmarshal; completeAttempt always. */
async function attempt(r: Request): Promise<void> {
  const h = r.handlers;
  let phase: Phase = "send";
  try {
    for (phase of ATTEMPT) {
      const p = invoke(h[phase], r);
      if (p) await p;
    }
  } catch (thrown) {
    r.error = toRequestError(thrown, phase, r);
    if (phase === "validateResponse") {
      // The service's handlers see the generic error and replace it by throwing their typed one.
      try {
        const p = invoke(h.unmarshalError, r);
        if (p) await p;
      } catch (replacement) {
        r.error = toRequestError(replacement, "unmarshalError", r);
      }
    }
    r.context.set(FAILED_PHASE, phase);
  }
  try {
    const p = invoke(h.completeAttempt, r);
    if (p) await p;
  } catch (thrown) {
    r.error = toRequestError(thrown, "completeAttempt", r);
  }
  if (r.error !== undefined) discardBody(r);
}

function checkAborted(r: SdkRequest<unknown, unknown>): void {
  if (r.callerSignal?.aborted) throw new RequestCanceled(undefined, { cause: r.callerSignal.reason });
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
    for (phase of ONCE) {
      checkAborted(r);
      const p = invoke(h[phase], r);
      if (p) await p;
    }
    for (;;) {
      r.error = r.retryable = r.retryDelay = undefined;
      phase = "sign";
      checkAborted(r);
      const p = invoke(h.sign, r);
      if (p) await p;
      await attempt(r);
      if (r.error === undefined) break;
      for (phase of AFTER_FAILURE) {
        const q = invoke(h[phase], r);
        if (q) await q;
      }
      if (r.error !== undefined || r.retryable !== true) break;
      r.httpResponse = undefined;
    }
  } catch (thrown) {
    r.error = toRequestError(thrown, phase, r);
  }
  try {
    const p = invoke(h.complete, r);
    if (p) await p;
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
    run.finally(() => signal.removeEventListener("abort", onAbort)).then(resolve, reject);
  });
}
