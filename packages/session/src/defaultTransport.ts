import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "@sessionkit/types";

/**
 * A Node transport that loads `@sessionkit/http` (and with it `node:http`/`node:https`/TLS) at its first
 * request, so importing the session costs nothing for them. `ca` is the PEM of a custom CA bundle.
 */
export class LazyNodeTransport implements Transport {
  readonly #ca: string | Uint8Array | undefined;
  #inner: Promise<Transport> | undefined;
  #destroyed = false;

  constructor(ca?: string | Uint8Array) {
    this.#ca = ca;
  }

  handle(request: HttpRequest, options?: TransportOptions): Promise<HttpResponse> {
    this.#inner ??= import("@sessionkit/http").then(
      (m) => m.createNodeHttpTransport(this.#ca === undefined ? {} : { ca: this.#ca }),
      (err: unknown) => {
        this.#inner = undefined;
        throw err;
      },
    );
    return this.#inner.then((t) => t.handle(request, options));
  }

  /** True once `destroy()` was called. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    void this.#inner?.then((t) => t.destroy?.());
  }
}

let shared: LazyNodeTransport | undefined;

/**
 * The transport of every session that names none and has no custom CA bundle: one per process (Go's
 * `http.DefaultClient`), so all sessions pool their sockets. A documented cache, created on first use.
 */
export function defaultTransport(): Transport {
  if (shared === undefined || shared.destroyed) shared = new LazyNodeTransport();
  return shared;
}
