import { SigningError } from "./SigningError.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { toHex, utf8 } from "./toHex.js";

const unavailable = (): never => {
  throw new SigningError("CryptoUnavailable", "no crypto.subtle (not https or localhost?): pass a `crypto` option");
};

const subtle = (): SubtleCrypto => globalThis.crypto?.subtle ?? unavailable();

// WebCrypto takes only ArrayBuffer-backed views; a view on a SharedArrayBuffer is copied.
const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === "string"
    ? utf8.encode(data)
    : data.buffer instanceof ArrayBuffer
      ? (data as Uint8Array<ArrayBuffer>)
      : new Uint8Array(data);

const importKey = (key: Uint8Array): Promise<CryptoKey> =>
  subtle().importKey("raw", bytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

const sign = async (key: CryptoKey | Promise<CryptoKey>, data: string): Promise<ArrayBuffer> =>
  subtle().sign("HMAC", await key, utf8.encode(data));

/** SHA-256 and HMAC through WebCrypto (`crypto.subtle`): browsers, workers, Deno, Bun and Node alike. */
export const webSigningCrypto: SigningCrypto<CryptoKey> = {
  // Async functions: a missing `crypto.subtle` rejects instead of throwing.
  sha256Hex: async (data) => toHex(await subtle().digest("SHA-256", bytes(data))),
  hmac: async (key, data) => new Uint8Array(await sign(importKey(key), data)),
  importSigningKey: importKey,
  hmacHex: async (key, data) => toHex(await sign(key, data)),
};
