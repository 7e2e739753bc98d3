import { SessionError } from "./SessionError.js";

/**
 * Go's `session.Must`, in the form TypeScript reads naturally: `must(() => newSessionWithOptions({...}))`.
 *
 * Session creation already throws its typed error, so `must` adds no error handling of its own: it calls
 * `create`, returns what it returns, and lets the creation error through unchanged (same object, same `code`),
 * which ends the program at start-up when nobody catches it, as Go's panic does. What it adds is the guard that
 * makes the idiom safe to copy around: a `create` that returns a promise (an async factory) is refused with
 * `MustAsyncFactory`, because an error inside it would otherwise surface later as an unhandled rejection
 * instead of at the `must` call.
 */
export function must<T>(create: () => T): T {
  const value = create();
  if (isThenable(value)) {
    // Swallow the refused promise's outcome so it cannot become an unhandled rejection as well.
    Promise.resolve(value).catch(() => undefined);
    throw new SessionError("MustAsyncFactory", "must() needs a synchronous factory; await the promise instead");
  }
  return value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
