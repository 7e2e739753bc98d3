/** The calls waiting on each signal (the signal's one real listener tells them). */
const waiting = /* @__PURE__ */ new WeakMap<AbortSignal, Set<EventListenerObject>>();

/** The one `abort` listener this package adds to a signal, whatever number of calls share it. */
function fire(this: AbortSignal, event: Event): void {
  // A live Set: a listener removed during the loop (by an earlier one) is skipped, as EventTarget skips it.
  for (const l of waiting.get(this) ?? []) l.handleEvent(event);
  waiting.delete(this);
}

/**
 * Starts (`add` true) or stops telling `l` when `signal` aborts; no signal, nothing to do. The signal gets one
 * listener however many calls share it (one AbortController for a batch of uploads): a listener per call makes Node
 * warn of a leak (`MaxListenersExceededWarning`) past 10 calls. The listener goes when the last call stops
 * listening. (The browser build adds a listener per call instead: onAbort.browser.ts.)
 */
export function onAbort(signal: AbortSignal | undefined, l: EventListenerObject, add?: boolean): void {
  if (!signal) return;
  const set = waiting.get(signal);
  if (add) {
    waiting.set(signal, (set ?? new Set()).add(l));
    // A no-op when it is already there: EventTarget adds a listener once.
    signal.addEventListener("abort", fire, { once: true });
  } else if (set?.delete(l) && !set.size) {
    waiting.delete(signal);
    signal.removeEventListener("abort", fire);
  }
}
