import { SigningError } from "./SigningError.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { toHex } from "./toHex.js";

const encoder = /* @__PURE__ */ new TextEncoder();
const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" } as const;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) {
    throw new SigningError(
      "CryptoUnavailable",
      "WebCrypto (crypto.subtle) is unavailable: use a secure context (https, localhost) or pass a `crypto` option",
    );
  }
  return s;
}

// WebCrypto takes only ArrayBuffer-backed views; a view on a SharedArrayBuffer is copied.
function bytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === "string") return encoder.encode(data);
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

async function hmacRaw(key: Uint8Array, data: string): Promise<Uint8Array> {
  const k = await subtle().importKey("raw", bytes(key), HMAC_SHA256, false, ["sign"]);
  return new Uint8Array(await subtle().sign("HMAC", k, encoder.encode(data)));
}

/** SHA-256 and HMAC through WebCrypto (`crypto.subtle`): browsers, workers, Deno, Bun and Node alike. */
export const webSigningCrypto: SigningCrypto<CryptoKey> = {
  async sha256Hex(data) {
    return toHex(new Uint8Array(await subtle().digest("SHA-256", bytes(data))));
  },
  hmac: hmacRaw,
  importSigningKey(key) {
    return subtle().importKey("raw", bytes(key), HMAC_SHA256, false, ["sign"]);
  },
  async hmacHex(key, data) {
    return toHex(new Uint8Array(await subtle().sign("HMAC", key, encoder.encode(data))));
  },
};
