import type { HandlerList as HandlerListContract, Handlers, NamedHandler, Phase } from "@sessionkit/types";
import { HandlerList } from "./HandlerList.js";

/** Every phase, in the order the lifecycle runs them (spec §6.14). */
export const PHASES: readonly Phase[] = /* @__PURE__ */ Object.freeze(
  "validate build sign send unmarshalMeta validateResponse unmarshalError unmarshal retry afterRetry completeAttempt complete".split(" ") as Phase[],
);

/** The entries of every phase at one moment, in `PHASES` order (what a request runs until it touches its own lists). */
export type PhaseItems = readonly (readonly NamedHandler[])[];

/** Go's `request.Handlers`: one `HandlerList` per phase. */
export class HandlerPhases implements Handlers {
  declare readonly validate: HandlerList;
  declare readonly build: HandlerList;
  declare readonly sign: HandlerList;
  declare readonly send: HandlerList;
  declare readonly validateResponse: HandlerList;
  declare readonly unmarshal: HandlerList;
  declare readonly unmarshalMeta: HandlerList;
  declare readonly unmarshalError: HandlerList;
  declare readonly retry: HandlerList;
  declare readonly afterRetry: HandlerList;
  declare readonly completeAttempt: HandlerList;
  declare readonly complete: HandlerList;
  /** The same lists in `PHASES` order (for `snap`, `clear` and `isEmpty`). */
  readonly #l: HandlerList[] = [];

  constructor(from?: Handlers | PhaseItems) {
    PHASES.forEach((p, i) => {
      (this as Record<Phase, HandlerList>)[p] = this.#l[i] = Array.isArray(from) ? new HandlerList(from[i]) : copyOf((from as Handlers | undefined)?.[p]);
    });
  }

  copy(): Handlers {
    // copyHandlers, not `new HandlerPhases`: the class must not name itself (see HandlerList's listOf).
    return copyHandlers(this);
  }

  clear(): void {
    for (const l of this.#l) l.clear();
  }

  isEmpty(): boolean {
    return !this.#l.some((l) => l.len());
  }

  /** The entries of every phase now (each list's array is immutable: the snapshot shares them). */
  snap(): PhaseItems {
    return this.#l.map((x) => x.items);
  }
}

function copyOf(list: HandlerListContract | undefined): HandlerList {
  if (list === undefined) return new HandlerList();
  if (list instanceof HandlerList) return list.copy();
  // A foreign implementation of the contract: wrap its copy so the lifecycle can still run it.
  const copied = list.copy();
  return new HandlerList([{ name: "__foreign", fn: (request) => copied.run(request) }]);
}

/** A fresh set of handler lists with every phase empty (Go's zero `request.Handlers`). */
export function newHandlers(): Handlers {
  return new HandlerPhases(undefined);
}

/** Copies any `Handlers` into this package's implementation (what a client and each request do). */
export function copyHandlers(handlers: Handlers): Handlers {
  return new HandlerPhases(handlers);
}

/** The current entries of any `Handlers` (shared, not copied, when they are this package's). */
export function phaseItems(handlers: Handlers): PhaseItems {
  return (handlers instanceof HandlerPhases ? handlers : new HandlerPhases(handlers)).snap();
}
