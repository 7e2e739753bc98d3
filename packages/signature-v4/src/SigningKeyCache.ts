import { isPromiseLike } from "./isPromiseLike.js";
import type { SigningCrypto } from "./SigningCrypto.js";

const encoder = /* @__PURE__ */ new TextEncoder();

interface Entry {
  readonly crypto: SigningCrypto;
  readonly secret: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  /** The prepared key, or the derivation still running (WebCrypto). */
  value: unknown;
}

function chain<T, U>(v: T | PromiseLike<T>, f: (t: T) => U | PromiseLike<U>): U | PromiseLike<U> {
  return isPromiseLike(v) ? v.then(f) : f(v);
}

function derive(crypto: SigningCrypto, secret: string, date: string, region: string, service: string): unknown {
  return chain(crypto.hmac(encoder.encode(`AWS4${secret}`), date), (kDate) =>
    chain(crypto.hmac(kDate, region), (kRegion) =>
      chain(crypto.hmac(kRegion, service), (kService) =>
        chain(crypto.hmac(kService, "aws4_request"), (kSigning) => crypto.importSigningKey(kSigning)),
      ),
    ),
  );
}

/**
 * Derived SigV4 signing keys, one per (secret, day, region, service, crypto), so a request costs one HMAC
 * instead of five. Bounded: past `maxEntries` the least recently used key is dropped. Keys live only in
 * memory and are never logged.
 */
export class SigningKeyCache {
  readonly maxEntries: number;
  readonly #entries = new Map<string, Entry>();
  #last: Entry | undefined;

  constructor(maxEntries = 50) {
    this.maxEntries = Math.max(1, Math.floor(maxEntries));
  }

  /** Number of cached keys. */
  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#last = undefined;
  }

  /** The prepared signing key (what `crypto.importSigningKey` returned), deriving it on a miss. */
  get(crypto: SigningCrypto, secret: string, date: string, region: string, service: string): unknown {
    const last = this.#last;
    // Most calls sign with the same key as the call before: compare fields, build no map key.
    if (
      last !== undefined &&
      last.secret === secret &&
      last.date === date &&
      last.region === region &&
      last.service === service &&
      last.crypto === crypto
    ) {
      return last.value;
    }
    const id = `${date}\n${region}\n${service}\n${secret}`;
    const hit = this.#entries.get(id);
    if (hit !== undefined && hit.crypto === crypto) {
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      this.#last = hit;
      return hit.value;
    }
    const entry: Entry = { crypto, secret, date, region, service, value: undefined };
    const value = derive(crypto, secret, date, region, service);
    entry.value = value;
    if (isPromiseLike(value)) {
      // Settle into the entry so later hits are synchronous; a failed derivation is not cached.
      entry.value = Promise.resolve(value).then(
        (key) => {
          entry.value = key;
          return key;
        },
        (err: unknown) => {
          if (this.#entries.get(id) === entry) this.#entries.delete(id);
          if (this.#last === entry) this.#last = undefined;
          throw err;
        },
      );
    }
    this.#entries.set(id, entry);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#last = entry;
    return entry.value;
  }
}

/** The process-wide cache the signer and the pipeline handler use unless given another. */
export const defaultSigningKeyCache: SigningKeyCache = /* @__PURE__ */ new SigningKeyCache();
