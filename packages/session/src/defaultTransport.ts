import { createDefaultTransport } from "@sessionkit/http";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";

/**
 * The Node transport, made at its first request (agents and sockets cost nothing until a client sends).
 * `ca` is the PEM of a custom CA bundle.
 */
export class LazyNodeTransport implements Transport {
  readonly #ca: string | Uint8Array | undefined;
  #inner: Transport | undefined;
  #destroyed = false;

  constructor(ca?: string | Uint8Array) {
    this.#ca = ca;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    this.#inner ??= createDefaultTransport(this.#ca === undefined ? {} : { ca: this.#ca });
    return this.#inner.handle(request, options);
  }

  /** True once `destroy()` was called. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#inner?.destroy?.();
    this.#inner = undefined;
  }
}

let shared: LazyNodeTransport | undefined;

/**
 * The transport of every session that names none and has no custom CA bundle: one per process (Go's
 * `http.DefaultClient`), so all sessions pool their sockets. A documented cache, made on first use.
 */
export function defaultTransport(): Transport {
  if (shared === undefined || shared.destroyed) shared = new LazyNodeTransport();
  return shared;
}
