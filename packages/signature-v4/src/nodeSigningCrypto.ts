import type * as NodeCrypto from "node:crypto";
import { createRequire } from "node:module";
import type { SigningCrypto } from "./SigningCrypto.js";

let loaded: typeof NodeCrypto | undefined;

/**
 * `node:crypto`, loaded at the first signature instead of at import: it pulls in Node's streams, about a third
 * of the client's start-up time. A `require` (from any directory: it is a builtin) keeps signing synchronous.
 */
function nodeCrypto(): typeof NodeCrypto {
  loaded ??= createRequire("/")("node:crypto") as typeof NodeCrypto;
  return loaded;
}

const hmac = (key: Uint8Array | NodeCrypto.KeyObject, data: string): NodeCrypto.Hmac =>
  nodeCrypto().createHmac("sha256", key).update(data);

/** SHA-256 and HMAC through `node:crypto`: synchronous, so signing never waits for a tick. */
export const nodeSigningCrypto: SigningCrypto<NodeCrypto.KeyObject> = {
  sha256Hex(data) {
    const c = nodeCrypto();
    // `crypto.hash` (Node ≥ 20.12) is a one-shot digest about twice as fast as createHash().update().digest().
    return typeof c.hash === "function" ? c.hash("sha256", data, "hex") : c.createHash("sha256").update(data).digest("hex");
  },
  hmac: (key, data) => hmac(key, data).digest(),
  importSigningKey: (key) => nodeCrypto().createSecretKey(key),
  hmacHex: (key, data) => hmac(key, data).digest("hex"),
};
