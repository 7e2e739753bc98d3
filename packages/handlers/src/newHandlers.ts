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
  readonly validate: HandlerList;
  readonly build: HandlerList;
  readonly sign: HandlerList;
  readonly send: HandlerList;
  readonly validateResponse: HandlerList;
  readonly unmarshal: HandlerList;
  readonly unmarshalMeta: HandlerList;
  readonly unmarshalError: HandlerList;
  readonly retry: HandlerList;
  readonly afterRetry: HandlerList;
  readonly completeAttempt: HandlerList;
  readonly complete: HandlerList;

  // One assignment per phase rather than a loop: a request copies these lists on every call, and named
  // stores build the object in a fixed shape (measurably cheaper per request than keyed stores in a loop).
  constructor(from?: Handlers) {
    this.validate = copyOf(from?.validate);
    this.build = copyOf(from?.build);
    this.sign = copyOf(from?.sign);
    this.send = copyOf(from?.send);
    this.unmarshalMeta = copyOf(from?.unmarshalMeta);
    this.validateResponse = copyOf(from?.validateResponse);
    this.unmarshalError = copyOf(from?.unmarshalError);
    this.unmarshal = copyOf(from?.unmarshal);
    this.retry = copyOf(from?.retry);
    this.afterRetry = copyOf(from?.afterRetry);
    this.completeAttempt = copyOf(from?.completeAttempt);
    this.complete = copyOf(from?.complete);
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
