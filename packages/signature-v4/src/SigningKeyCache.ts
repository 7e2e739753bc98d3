import { atLeastOne, boundedSet } from "./boundedSet.js";
import { isPromiseLike } from "./isPromiseLike.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { utf8 } from "./toHex.js";

// Short field names: this object is on every signature's path and its names are not minified.
interface Entry {
  /** Cleared when the derivation failed, so the entry never matches again. */
  c: SigningCrypto | undefined;
  readonly s: string;
  readonly d: string;
  readonly r: string;
  readonly v: string;
  /** The prepared key, or the derivation still running (WebCrypto). */
  k: unknown;
}

/**
 * The entry the last `get` of any cache returned (a documented cache: most signatures reuse the previous key).
 * Its key is right whichever cache derived it; module-level, so no object shows it either.
 */
let last: Entry | undefined;

const then = (v: unknown, f: (t: Uint8Array) => unknown): unknown =>
  isPromiseLike<Uint8Array>(v as Uint8Array) ? (v as PromiseLike<Uint8Array>).then(f) : f(v as Uint8Array);

/**
 * Derived SigV4 signing keys, one per (secret, day, region, service, crypto), so a request costs one HMAC
 * instead of five. Bounded: past `maxEntries` the least recently used key is dropped. Keys live only in
 * memory and are never logged, inspected or serialized.
 */
export class SigningKeyCache {
  declare readonly maxEntries: number;
  // Private (not `private`): util.inspect and JSON.stringify must not show the secrets the entries hold.
  readonly #m = new Map<string, Entry>();

  constructor(maxEntries = 50) {
    this.maxEntries = atLeastOne(maxEntries);
  }

  /** Number of cached keys. */
  get size(): number {
    return this.#m.size;
  }

  clear(): void {
    this.#m.clear();
    last = undefined;
  }

  /** The prepared signing key (what `crypto.importSigningKey` returned), deriving it on a miss. */
  get(crypto: SigningCrypto, secret: string, date: string, region: string, service: string): unknown {
    let e = last;
    // Most calls sign with the same key as the call before: compare fields, build no map key.
    if (e?.s === secret && e.d === date && e.r === region && e.v === service && e.c === crypto) return e.k;
    const id = `${date}\n${region}\n${service}\n${secret}`;
    e = this.#m.get(id);
    if (e?.c !== crypto) {
      let k: unknown = utf8.encode(`AWS4${secret}`);
      for (const part of [date, region, service, "aws4_request"]) k = then(k, (key: Uint8Array) => crypto.hmac(key, part));
      k = then(k, (key: Uint8Array) => crypto.importSigningKey(key));
      const entry: Entry = { c: crypto, s: secret, d: date, r: region, v: service, k };
      // Settle into the entry so later hits are synchronous; a failed derivation is not cached.
      if (isPromiseLike(k)) {
        entry.k = Promise.resolve(k).then(
          (key) => (entry.k = key),
          (err: unknown) => {
            if (this.#m.get(id) === entry) this.#m.delete(id);
            entry.c = undefined;
            throw err;
          },
        );
      }
      e = entry;
    }
    boundedSet(this.#m, id, e, this.maxEntries);
    last = e;
    return e.k;
  }
}

/** The process-wide cache the signer and the pipeline handler use unless given another. */
export const defaultSigningKeyCache: SigningKeyCache = /* @__PURE__ */ new SigningKeyCache();
