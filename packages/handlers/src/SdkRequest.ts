import type {
  ClientInfo,
  Handlers,
  HttpRequest,
  HttpResponse,
  Operation,
  Request,
  ResolvedConfig,
  SdkErrorShape,
} from "@sessionkit/types";
import { copyHandlers } from "./newHandlers.js";

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
  readonly operation: Operation;
  readonly clientInfo: ClientInfo;
  readonly config: ResolvedConfig;
  readonly handlers: Handlers;
  readonly params: Params;
  httpRequest: HttpRequest;
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
  readonly callerSignal: AbortSignal | undefined;
  #signal: AbortSignal | undefined;

  constructor(input: NewRequestInput<Params>) {
    this.operation = input.operation;
    this.params = input.params;
    this.clientInfo = input.clientInfo;
    this.config = input.config;
    this.handlers = copyHandlers(input.handlers);
    this.httpRequest = input.httpRequest;
    this.callerSignal = input.signal;
    this.#signal = input.signal;
    if (input.error !== undefined) this.error = input.error;
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
