import type { Handlers, Phase } from "@sessionkit/types";
import { HandlerList } from "./HandlerList.js";

/** Every phase, in the order the lifecycle runs them (spec §6.14). */
export const PHASES: readonly Phase[] = /* @__PURE__ */ Object.freeze([
  "validate",
  "build",
  "sign",
  "send",
  "unmarshalMeta",
  "validateResponse",
  "unmarshalError",
  "unmarshal",
  "retry",
  "afterRetry",
  "completeAttempt",
  "complete",
]);

/** Go's `request.Handlers`: one `HandlerList` per phase. */
class HandlerPhases implements Handlers {
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

  constructor(from?: Handlers) {
    const self = this as unknown as Record<Phase, HandlerList>;
    for (const phase of PHASES) self[phase] = copyOf(from?.[phase]);
  }

  copy(): Handlers {
    return new HandlerPhases(this);
  }

  clear(): void {
    for (const phase of PHASES) this[phase].clear();
  }

  isEmpty(): boolean {
    return PHASES.every((phase) => this[phase].len() === 0);
  }
}

function copyOf(list: Handlers[Phase] | undefined): HandlerList {
  if (list === undefined) return new HandlerList();
  const copied = list instanceof HandlerList ? list : list.copy();
  if (copied instanceof HandlerList) return copied.copy();
  // A foreign implementation of the contract: wrap its copy so the lifecycle can still run it.
  return new HandlerList([{ name: "__foreign", fn: (request) => copied.run(request) }]);
}

/** A fresh set of handler lists with every phase empty (Go's zero `request.Handlers`). */
export function newHandlers(): Handlers {
  return new HandlerPhases();
}

/** Copies any `Handlers` into this package's implementation (what a client and each request do). */
export function copyHandlers(handlers: Handlers): Handlers {
  return new HandlerPhases(handlers);
}
