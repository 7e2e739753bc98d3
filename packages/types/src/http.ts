import type { HeaderBag, HttpRequest as SmithyHttpRequest, HttpResponse as SmithyHttpResponse, QueryParameterBag } from "@smithy/types";

/** A request body: text, bytes, or a stream of bytes (its length must then be given in `content-length`). */
export type HttpRequestBody = string | Uint8Array | AsyncIterable<Uint8Array> | undefined;

/** The request on the wire; an `@smithy/types` `HttpRequest` with a typed body. */
export interface HttpRequest extends SmithyHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: QueryParameterBag;
  headers: HeaderBag;
  body?: HttpRequestBody;
}

/** The response; its body is a byte stream that can be read once. */
export interface HttpResponse extends SmithyHttpResponse {
  statusCode: number;
  reason?: string;
  headers: HeaderBag;
  body: AsyncIterable<Uint8Array>;
}

/** Per-call transport options. */
export interface TransportOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds (connect to last byte of headers). */
  readonly timeoutMs?: number;
}

/** Sends one HTTP request (the `HTTPClient` of Go's config); injectable for tests and browsers. */
export interface Transport {
  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse>;
  /** Releases sockets; the transport must not be used afterwards. */
  destroy?(): void;
}
