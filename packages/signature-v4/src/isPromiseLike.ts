/** True for anything `await` would wait on; the signer only awaits what is really asynchronous. */
// Like `await`: any value with a callable `then` (objects and functions alike).
export const isPromiseLike = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as { then?: unknown } | null | undefined)?.then === "function";
