import type {
  ClientInfo,
  ClientSettings,
  Handlers,
  HttpRequest,
  HttpResponse,
  NamedHandler,
  Operation,
  Phase,
  Request,
  SdkErrorShape,
} from "@sessionkit/types";
import type { HandlerList } from "./HandlerList.js";
import { HandlerPhases, PHASES, type PhaseItems, phaseItems } from "./newHandlers.js";

/** What {@link newRequest} needs. `handlers` are copied: the request gets its own lists. */
export interface NewRequestInput<Params> {
  readonly operation: Operation;
  readonly params: Params;
  readonly clientInfo: ClientInfo;
  readonly config: ClientSettings;
  readonly handlers: Handlers;
  readonly httpRequest: HttpRequest;
  /** Aborts the call at any point, including backoff waits. */
  readonly signal?: AbortSignal;
  /** A failure known before the request runs (e.g. an unparsable endpoint); the lifecycle goes straight to `complete`. */
  readonly error?: SdkErrorShape;
}

/** Go's `request.Request`: one API call moving through the pipeline. */
export class SdkRequest<Params = unknown, Output = unknown> implements Request<Params, Output> {
  declare readonly operation: Operation;
  declare readonly clientInfo: ClientInfo;
  declare readonly config: ClientSettings;
  declare readonly params: Params;
  declare httpRequest: HttpRequest;
  declare httpResponse?: HttpResponse;
  declare data?: Output;
  declare error?: SdkErrorShape;
  declare retryCount: number;
  declare retryable?: boolean;
  declare retryDelay?: number;
  declare signedAt?: number;
  declare requestId?: string;
  declare readonly context: Map<string, unknown>;
  /** The caller's signal; `undefined` when the caller gave none. */
  declare readonly callerSignal: AbortSignal | undefined;
  /** The never-aborting signal made when the caller gave none and someone asked. */
  #signal: AbortSignal | undefined;
  /** The given lists' entry arrays when the request was made (each shared with other requests; never changed). */
  readonly #p: PhaseItems;
  /** The request's own lists, made from `#p` the first time anyone asks for `handlers`. */
  #h: HandlerPhases | undefined;

  constructor(input: NewRequestInput<Params>) {
    this.operation = input.operation;
    this.params = input.params;
    this.clientInfo = input.clientInfo;
    this.config = input.config;
    this.#p = phaseItems(input.handlers);
    this.httpRequest = input.httpRequest;
    this.callerSignal = input.signal;
    // Every field exists from the start: one object shape for every request.
    this.httpResponse = this.data = this.retryable = this.retryDelay = this.signedAt = this.requestId = undefined;
    this.error = input.error;
    this.retryCount = 0;
    this.context = new Map();
  }

  /**
   * This request's own lists. Made on first use from the entries its source lists had when the request was
   * created (copy-on-write: a request nobody changes runs from the snapshot of the shared entry arrays and copies no list).
   */
  get handlers(): Handlers {
    this.#h ??= new HandlerPhases(this.#p);
    return this.#h;
  }

  /**
   * The entries phase `i` (an index into `PHASES`) runs now: the request's own list once made, else the
   * snapshot (the lifecycle's view).
   */
  phaseItems(i: number): readonly NamedHandler[] {
    const h = this.#h;
    return h === undefined ? (this.#p[i] as readonly NamedHandler[]) : (h[PHASES[i] as Phase] as HandlerList).items;
  }

  /** The call's signal; a never-aborting one is made on first use when the caller gave none. */
  get signal(): AbortSignal {
    this.#signal ??= this.callerSignal ?? new AbortController().signal;
    return this.#signal;
  }
}

/** Creates a request with its own copy of the given handler lists and a fresh `context`. */
export function newRequest<Params, Output>(input: NewRequestInput<Params>): SdkRequest<Params, Output> {
  return new SdkRequest<Params, Output>(input);
}
