import { onAbort } from "@sessionkit/errors";
import type { Phase, Request, SdkErrorShape } from "@sessionkit/types";
import { toSendError } from "./coreHandlers.js";
import { canceled, HandlerError, SerializationError } from "./errors.js";
import { invokeHandlers } from "./HandlerList.js";
import { PHASES } from "./newHandlers.js";
import { operationName } from "./operationName.js";
import type { SdkRequest } from "./SdkRequest.js";

/** Turns whatever a handler threw into a typed error; a non-`SdkError` is a handler bug named by its phase. */
export function toRequestError(thrown: unknown, phase: Phase, r: Request): SdkErrorShape {
  if (phase === "send") return toSendError(thrown, r);
  if (thrown instanceof Error && typeof (thrown as Partial<SdkErrorShape>).code === "string") return thrown as SdkErrorShape;
  if (r.signal.aborted) return canceled(thrown);
  const message = `${phase} handler failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  // build, unmarshal, unmarshalMeta and unmarshalError: Go's SerializationError.
  return new (/^(build|unmarshal)/.test(phase) ? SerializationError : HandlerError)(message, { cause: thrown });
}

type Info = "operation" | "statusCode" | "requestId";

// Defined rather than assigned: a foreign error may have the field as a getter without a setter, where an
// assignment would throw a TypeError; Reflect's version leaves a frozen error as it is instead of throwing.
function setInfo(target: SdkErrorShape, key: Info, value: string | number | undefined): void {
  if (value !== undefined && target[key] !== value) Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Gives the final error the operation (`svc/Op`), status code and request id. The error is changed in place
 * unless it already names another operation (an error shared between calls, e.g. one failed credentials
 * refresh seen by many requests): then a copy of the same class is changed instead.
 */
export function withRequestInfo(err: SdkErrorShape, r: Request): SdkErrorShape {
  const operation = operationName(r);
  const target: SdkErrorShape =
    (err.operation ?? operation) !== operation ? Object.create(Object.getPrototypeOf(err), Object.getOwnPropertyDescriptors(err)) : err;
  setInfo(target, "operation", operation);
  setInfo(target, "statusCode", err.statusCode ?? r.httpResponse?.statusCode);
  setInfo(target, "requestId", err.requestId ?? r.requestId);
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

/** The `request.context` key holding the phase a failed attempt failed in (for `LogAttemptErrorHandler`). */
export const FAILED_PHASE = "handlers.failedPhase";

// Indexes into PHASES: validate 0, build 1, sign 2, send 3, unmarshalMeta 4, validateResponse 5,
// unmarshalError 6, unmarshal 7, retry 8, afterRetry 9, completeAttempt 10, complete 11.
const ATTEMPT = [3, 4, 5, 7];

/** Runs phase `i`'s current entries; `undefined` when all were synchronous (nothing to await). */
const run = (r: SdkRequest, i: number): void | Promise<void> => invokeHandlers(r.phaseItems(i), 0, r);

/** Turns what phase `i` threw into `r.error`. */
function fail(r: SdkRequest, thrown: unknown, i: number): void {
  r.error = toRequestError(thrown, PHASES[i] as Phase, r);
}

/** Runs a phase whose failure becomes `r.error` instead of ending the lifecycle (unmarshalError, completeAttempt, complete). */
function guarded(r: SdkRequest, i: number): void | Promise<void> {
  try {
    const p = run(r, i);
    if (p) return p.catch((thrown) => fail(r, thrown, i));
  } catch (thrown) {
    fail(r, thrown, i);
  }
}

/**
 * The lifecycle of spec §6.14: validate and build once; per attempt sign, then send, unmarshalMeta,
 * validateResponse, then unmarshalError or unmarshal, and completeAttempt always; after a failed attempt
 * retry and afterRetry, looping while `afterRetry` cleared the error and marked it retryable; `complete`
 * once at the end, on success and on failure. One async frame per request: a phase is awaited only when
 * one of its handlers returned a promise.
 */
async function runLifecycle<Output>(r: SdkRequest<unknown, Output>): Promise<Output> {
  let i = 0;
  let p: void | Promise<void>;
  try {
    if (r.error !== undefined) throw r.error;
    for (;;) {
      // validate and build on the first pass only; sign on every attempt, once the last attempt's outcome is cleared.
      for (; i < 3; i++) {
        if (i === 2) r.error = r.retryable = r.retryDelay = undefined;
        if (r.callerSignal?.aborted) throw canceled(r.callerSignal.reason);
        p = run(r, i);
        if (p) await p;
      }
      // The attempt: a failure becomes r.error (the retry phases decide what happens next).
      try {
        for (i of ATTEMPT) {
          p = run(r, i);
          if (p) await p;
        }
      } catch (thrown) {
        fail(r, thrown, i);
        // The service's handlers see the generic error and replace it by throwing their typed one.
        if (i === 5) {
          p = guarded(r, 6);
          if (p) await p;
        }
        r.context.set(FAILED_PHASE, PHASES[i]);
      }
      p = guarded(r, 10);
      if (p) await p;
      if (r.error === undefined) break;
      discardBody(r);
      for (i = 8; i < 10; i++) {
        p = run(r, i);
        if (p) await p;
      }
      if (r.error !== undefined || r.retryable !== true) break;
      r.httpResponse = undefined;
      i = 2;
    }
  } catch (thrown) {
    fail(r, thrown, i);
  }
  p = guarded(r, 11);
  if (p) await p;
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
    const abort = (): void => reject(withRequestInfo(canceled(signal.reason), r));
    onAbort(signal, abort, true);
    run.finally(() => onAbort(signal, abort)).then(resolve, reject);
  });
}
