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

/** Entries are frozen copies so that nobody can change a shared entry behind a list's back. */
const entry = (handler: NamedHandler): NamedHandler => Object.freeze({ name: handler.name, fn: handler.fn });

/**
 * Go's `request.HandlerList`. The entries live in an immutable array that every mutation replaces, so
 * `copy()` is O(1) (the copy shares the array until either side changes) and a run that is in progress
 * keeps iterating the entries it started with, as Go's `range` over the slice does.
 */
export class HandlerList implements HandlerListContract {
  #items: readonly NamedHandler[];

  constructor(items: readonly NamedHandler[] = []) {
    this.#items = items;
  }

  /** The entries in run order (a frozen snapshot; mutate through the methods). */
  get items(): readonly NamedHandler[] {
    return this.#items;
  }

  pushBack(fn: Handler): void {
    this.pushBackNamed({ name: ANONYMOUS, fn });
  }

  pushFront(fn: Handler): void {
    this.pushFrontNamed({ name: ANONYMOUS, fn });
  }

  pushBackNamed(handler: NamedHandler): void {
    this.#items = [...this.#items, entry(handler)];
  }

  pushFrontNamed(handler: NamedHandler): void {
    this.#items = [entry(handler), ...this.#items];
  }

  remove(handler: NamedHandler): void {
    this.removeByName(handler.name);
  }

  removeByName(name: string): void {
    this.#items = this.#items.filter((h) => h.name !== name);
  }

  swap(name: string, handler: NamedHandler): boolean {
    return this.#replace(name, entry(handler));
  }

  swapNamed(handler: NamedHandler): boolean {
    return this.#replace(handler.name, entry(handler));
  }

  setBackNamed(handler: NamedHandler): void {
    if (!this.swapNamed(handler)) this.pushBackNamed(handler);
  }

  setFrontNamed(handler: NamedHandler): void {
    if (!this.swapNamed(handler)) this.pushFrontNamed(handler);
  }

  len(): number {
    return this.#items.length;
  }

  clear(): void {
    this.#items = [];
  }

  copy(): HandlerList {
    return new HandlerList(this.#items);
  }

  names(): string[] {
    return this.#items.map((h) => h.name);
  }

  run(request: Request): Promise<void> {
    try {
      return Promise.resolve(invokeHandlers(this.#items, 0, request));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Like `run`, but returns `undefined` instead of a promise when every handler was synchronous. */
  invoke(request: Request): void | Promise<void> {
    return invokeHandlers(this.#items, 0, request);
  }

  /** Every entry named `name` becomes `by`; true when any matched. */
  #replace(name: string, by: NamedHandler): boolean {
    const found = this.#items.some((h) => h.name === name);
    if (found) this.#items = this.#items.map((h) => (h.name === name ? by : h));
    return found;
  }
}
