/** What a signal's abort runs: a function, or an object with `handleEvent` (no closure per call on hot paths). */
export type AbortListener = EventListenerOrEventListenerObject;

/** The calls waiting on each signal (the signal's one real listener runs them). */
const waiting = /* @__PURE__ */ new WeakMap<AbortSignal, Set<AbortListener>>();

/** The one `abort` listener this package adds to a signal, whatever number of calls share it. */
function fire(this: AbortSignal, event: Event): void {
  // A live Set: a listener removed during the loop (by an earlier one) is skipped, as EventTarget skips it.
  for (const l of waiting.get(this) ?? []) typeof l === "function" ? l(event) : l.handleEvent(event);
  waiting.delete(this);
}

/**
 * Starts (`add` true) or stops running `l` when `signal` aborts; no signal, nothing to do. The signal gets one
 * listener however many calls share it (one AbortController for a batch of uploads): a listener per call makes Node
 * warn of a leak (`MaxListenersExceededWarning`) past 10 calls. The listener goes when the last call stops
 * listening. Every sessionkit package that waits on a caller's signal (pipeline, transports, credentials) uses this
 * one registry. (The browser build adds a listener per call instead: onAbort.browser.ts.)
 */
export function onAbort(signal: AbortSignal | undefined, l: AbortListener, add?: boolean): void {
  if (!signal) return;
  const set = waiting.get(signal);
  if (add) {
    // The signal has its listener while it has a Set: only the first call adds it (another addEventListener would be a
    // no-op, and a cost on every call after the first).
    if (set) set.add(l);
    else {
      waiting.set(signal, new Set([l]));
      signal.addEventListener("abort", fire, { once: true });
    }
  } else if (set?.delete(l) && !set.size) {
    waiting.delete(signal);
    signal.removeEventListener("abort", fire);
  }
}
