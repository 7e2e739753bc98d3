import { SigningError } from "./SigningError.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { toHex, utf8 } from "./toHex.js";

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) {
    throw new SigningError("CryptoUnavailable", "crypto.subtle is unavailable: use a secure context (https, localhost) or pass a `crypto` option");
  }
  return s;
}

// WebCrypto takes only ArrayBuffer-backed views; a view on a SharedArrayBuffer is copied.
function bytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === "string") return utf8.encode(data);
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

const importKey = (key: Uint8Array): Promise<CryptoKey> =>
  subtle().importKey("raw", bytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

async function sign(key: CryptoKey | Promise<CryptoKey>, data: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign("HMAC", await key, utf8.encode(data)));
}

/** SHA-256 and HMAC through WebCrypto (`crypto.subtle`): browsers, workers, Deno, Bun and Node alike. */
export const webSigningCrypto: SigningCrypto<CryptoKey> = {
  async sha256Hex(data) {
    return toHex(new Uint8Array(await subtle().digest("SHA-256", bytes(data))));
  },
  hmac: async (key, data) => sign(importKey(key), data),
  importSigningKey: importKey,
  async hmacHex(key, data) {
    return toHex(await sign(key, data));
  },
};
