import type { Request } from "./request.js";

/** A step of the pipeline. A failure is a thrown error or a rejection, never a field to set. */
export type Handler = (request: Request) => void | Promise<void>;

/** Go's `request.NamedHandler`. Anonymous handlers get the name `__anonymous`. */
export interface NamedHandler {
  readonly name: string;
  readonly fn: Handler;
}

/** Go's `request.HandlerList`: an ordered list with Go's semantics for names. */
export interface HandlerList {
  pushBack(fn: Handler): void;
  pushFront(fn: Handler): void;
  pushBackNamed(handler: NamedHandler): void;
  pushFrontNamed(handler: NamedHandler): void;
  /** Removes every entry with the handler's name. */
  remove(handler: NamedHandler): void;
  removeByName(name: string): void;
  /** Replaces every entry named `name` (name and fn) with `handler`; true when any matched. */
  swap(name: string, handler: NamedHandler): boolean;
  /** Replaces the fn of every entry with the handler's name; true when any matched. */
  swapNamed(handler: NamedHandler): boolean;
  setBackNamed(handler: NamedHandler): void;
  setFrontNamed(handler: NamedHandler): void;
  len(): number;
  clear(): void;
  copy(): HandlerList;
  /** Handler names in run order (for tests and `explain`). */
  names(): string[];
  /** Runs the handlers in order; stops at the first error, which it rethrows. */
  run(request: Request): Promise<void>;
}

/** The phases of a request, in Go's order. */
export type Phase =
  | "validate"
  | "build"
  | "sign"
  | "send"
  | "validateResponse"
  | "unmarshal"
  | "unmarshalMeta"
  | "unmarshalError"
  | "retry"
  | "afterRetry"
  | "completeAttempt"
  | "complete";

/** Go's `request.Handlers`: one list per phase. */
export type Handlers = { readonly [P in Phase]: HandlerList } & {
  /** A deep copy: new lists holding the same handler functions. */
  copy(): Handlers;
  clear(): void;
  isEmpty(): boolean;
};
