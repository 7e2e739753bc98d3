/** True for anything `await` would wait on; the signer only awaits what is really asynchronous. */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  // Like `await`: any value with a callable `then` (objects and functions alike).
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}
