import type { AbortListener } from "./onAbort.js";

/**
 * The browser build's `onAbort`: a listener per call. Only Node warns when a signal has more than 10 (onAbort.ts),
 * and the shared listener would cost every browser bundle its bytes.
 */
export const onAbort = (signal: AbortSignal | undefined, l: AbortListener, add?: boolean): void =>
  signal?.[add ? "addEventListener" : "removeEventListener"]("abort", l);
