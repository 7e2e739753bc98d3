import type { Handler, HandlerList as HandlerListContract, NamedHandler, Request } from "@sessionkit/types";

/** The name Go gives handlers pushed without one. */
export const ANONYMOUS = "__anonymous";

/**
 * Runs `items[start..]` in order; returns `undefined` when every handler finished synchronously, so the
 * lifecycle only pays for a promise when some handler is really async. A sync throw propagates as a throw.
 */
export function invokeHandlers(items: readonly NamedHandler[], start: number, request: Request): void | Promise<void> {
  for (let i = start; i < items.length; i++) {
    const result = (items[i] as NamedHandler).fn(request);
    if (typeof (result as PromiseLike<void> | undefined)?.then === "function") {
      const p = Promise.resolve(result);
      return i + 1 === items.length ? p : p.then(() => invokeHandlers(items, i + 1, request));
    }
  }
}

/** A frozen entry: lists hold frozen entries, so that nobody can change a shared one behind a list's back. */
export const namedHandler = /* @__NO_SIDE_EFFECTS__ */ (name: string, fn: Handler): NamedHandler => Object.freeze({ name, fn });

/** A frozen copy of an entry. */
const entry = (h: NamedHandler): NamedHandler => namedHandler(h.name, h.fn);

/**
 * Go's `request.HandlerList`. The entries live in an immutable array that every mutation replaces, so
 * `copy()` is O(1) (the copy shares the array until either side changes) and a run that is in progress
 * keeps iterating the entries it started with, as Go's `range` over the slice does.
 */
export class HandlerList implements HandlerListContract {
  #i: readonly NamedHandler[];

  constructor(items: readonly NamedHandler[] = []) {
    this.#i = items;
  }

  /** The entries in run order (a frozen snapshot; mutate through the methods). */
  get items(): readonly NamedHandler[] {
    return this.#i;
  }

  pushBack(fn: Handler): void {
    this.pushBackNamed({ name: ANONYMOUS, fn });
  }

  pushFront(fn: Handler): void {
    this.pushFrontNamed({ name: ANONYMOUS, fn });
  }

  pushBackNamed(handler: NamedHandler): void {
    this.#i = [...this.#i, entry(handler)];
  }

  pushFrontNamed(handler: NamedHandler): void {
    this.#i = [entry(handler), ...this.#i];
  }

  remove(handler: NamedHandler): void {
    this.removeByName(handler.name);
  }

  removeByName(name: string): void {
    this.#i = this.#i.filter((h) => h.name !== name);
  }

  /** Every entry named `name` becomes `handler`; true when any matched. */
  swap(name: string, handler: NamedHandler): boolean {
    const by = entry(handler);
    const items = this.#i.map((h) => (h.name === name ? by : h));
    // Unchanged entries keep the same array (requests share snapshots of it).
    const found = items.includes(by);
    if (found) this.#i = items;
    return found;
  }

  swapNamed(handler: NamedHandler): boolean {
    return this.swap(handler.name, handler);
  }

  setBackNamed(handler: NamedHandler): void {
    if (!this.swapNamed(handler)) this.pushBackNamed(handler);
  }

  setFrontNamed(handler: NamedHandler): void {
    if (!this.swapNamed(handler)) this.pushFrontNamed(handler);
  }

  len(): number {
    return this.#i.length;
  }

  clear(): void {
    this.#i = [];
  }

  copy(): HandlerList {
    return listOf(this.#i);
  }

  names(): string[] {
    return this.#i.map((h) => h.name);
  }

  /** A handler's synchronous throw becomes the rejection. */
  async run(request: Request): Promise<void> {
    return this.invoke(request);
  }

  /** Like `run`, but returns `undefined` instead of a promise when every handler was synchronous. */
  invoke(request: Request): void | Promise<void> {
    return invokeHandlers(this.#i, 0, request);
  }
}

// Outside the class on purpose: a class body that names its own class makes bundlers rename it (`class
// _HandlerList`), which users then see as its name in `util.inspect` and `constructor.name`.
function listOf(items: readonly NamedHandler[]): HandlerList {
  return new HandlerList(items);
}
