import type { ClientInfo } from "./client.js";
import type { ClientSettings } from "./config.js";
import type { SdkErrorShape } from "./errors.js";
import type { Handlers } from "./handlers.js";
import type { HttpRequest, HttpResponse } from "./http.js";

/** An API operation (Go's `request.Operation`). */
export interface Operation {
  readonly name: string;
  readonly httpMethod: string;
  readonly httpPath: string;
}

/**
 * One API call moving through the pipeline (Go's `request.Request`). `params` and `data` are typed by the
 * operation; handlers that are generic over operations see them as `unknown`.
 */
export interface Request<Params = unknown, Output = unknown> {
  readonly operation: Operation;
  readonly clientInfo: ClientInfo;
  readonly config: ClientSettings;
  /** This request's own copy of the client's handler lists. */
  readonly handlers: Handlers;
  readonly params: Params;
  httpRequest: HttpRequest;
  httpResponse?: HttpResponse;
  data?: Output;
  error?: SdkErrorShape;
  /** Attempts made so far after the first (0 on the first attempt). */
  retryCount: number;
  /** Set by the retry phase: may the failed attempt be tried again? */
  retryable?: boolean;
  /** Milliseconds to wait before the next attempt, when the retry phase set one. */
  retryDelay?: number;
  /** Aborts the whole call, including backoff waits. */
  readonly signal: AbortSignal;
  /** When the request was last signed (ms since epoch). */
  signedAt?: number;
  /** Service request id, once a response carried one. */
  requestId?: string;
  /** Per-request values handlers share, keyed by the handler's package (e.g. `"s3.unsignedPayload"`). */
  readonly context: Map<string, unknown>;
}
