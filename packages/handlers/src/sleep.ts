import { onAbort } from "@sessionkit/errors";
import { canceled } from "./errors.js";

/** Waits `ms` milliseconds; rejects with `RequestCanceled` as soon as the signal aborts (Go's `SleepWithContext`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && signal === undefined) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      reject(canceled(signal?.reason));
    };
    // setTimeout waits at least 1 ms whatever it is given (0, negative, NaN), and past 2^31 - 1 ms fires at once (Node
    // warns): a longer wait (a retryer's, a retry handler's) is cut to 10^9 ms (11.6 days), never to nothing.
    const timer = setTimeout(() => {
      onAbort(signal, abort);
      resolve();
    }, Math.min(ms, 1e9));
    if (signal?.aborted) abort();
    else onAbort(signal, abort, true);
  });
}
