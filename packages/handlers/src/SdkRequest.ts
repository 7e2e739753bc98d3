import type {
  ClientInfo,
  Handlers,
  HttpRequest,
  HttpResponse,
  NamedHandler,
  Operation,
  Request,
  ResolvedConfig,
  SdkErrorShape,
} from "@sessionkit/types";
import { HandlerPhases, type PhaseItems, phaseItems } from "./newHandlers.js";

/** What {@link newRequest} needs. `handlers` are copied: the request gets its own lists. */
export interface NewRequestInput<Params> {
  readonly operation: Operation;
  readonly params: Params;
  readonly clientInfo: ClientInfo;
  readonly config: ResolvedConfig;
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
  declare readonly config: ResolvedConfig;
  declare readonly params: Params;
  declare httpRequest: HttpRequest;
  httpResponse?: HttpResponse = undefined;
  data?: Output = undefined;
  error?: SdkErrorShape = undefined;
  retryCount = 0;
  retryable?: boolean = undefined;
  retryDelay?: number = undefined;
  signedAt?: number = undefined;
  requestId?: string = undefined;
  readonly context = new Map<string, unknown>();
  /** The caller's signal; `undefined` when the caller gave none. */
  declare readonly callerSignal: AbortSignal | undefined;
  #signal: AbortSignal | undefined;
  /** The given lists' entries when the request was made (shared with other requests; never changed). */
  readonly #p: PhaseItems;
  /** The request's own lists, made from `#p` the first time anyone asks for `handlers`. */
  #h: HandlerPhases | undefined = undefined;

  constructor(input: NewRequestInput<Params>) {
    this.operation = input.operation;
    this.params = input.params;
    this.clientInfo = input.clientInfo;
    this.config = input.config;
    this.#p = phaseItems(input.handlers);
    this.httpRequest = input.httpRequest;
    this.callerSignal = input.signal;
    this.#signal = input.signal;
    if (input.error !== undefined) this.error = input.error;
  }

  /**
   * This request's own lists. Made on first use from the entries its source lists had when the request was
   * created (copy-on-write: a request nobody changes runs from the shared snapshot and copies nothing).
   */
  get handlers(): Handlers {
    if (this.#h === undefined) this.#h = new HandlerPhases(this.#p);
    return this.#h;
  }

  /**
   * The entries phase `i` (an index into `PHASES`) runs now: the request's own list once made, else the
   * snapshot (the lifecycle's view).
   */
  phaseItems(i: number): readonly NamedHandler[] {
    const h = this.#h;
    return h === undefined ? (this.#p[i] as readonly NamedHandler[]) : h.at(i);
  }

  /** The call's signal; a never-aborting one is made on first use when the caller gave none. */
  get signal(): AbortSignal {
    if (this.#signal === undefined) this.#signal = new AbortController().signal;
    return this.#signal;
  }
}

/** Creates a request with its own copy of the given handler lists and a fresh `context`. */
export function newRequest<Params, Output>(input: NewRequestInput<Params>): SdkRequest<Params, Output> {
  return new SdkRequest<Params, Output>(input);
}
