/**
 * The hashing the signer needs: SHA-256 and HMAC-SHA-256. Each method may answer synchronously (Node's
 * `node:crypto`) or with a promise (WebCrypto); the signer awaits only when it gets a promise, so the
 * Node path costs no extra ticks and the browser path needs no second implementation.
 *
 * `Key` is whatever the implementation keeps for a derived signing key (bytes, a `KeyObject`, a
 * WebCrypto `CryptoKey`): `importSigningKey` makes one once per cached key, `hmacHex` uses it per request.
 */
export interface SigningCrypto<Key = unknown> {
  /** Lower-case hex SHA-256 of the UTF-8 text or the bytes. */
  sha256Hex(data: string | Uint8Array): string | Promise<string>;
  /** Raw HMAC-SHA-256 of the UTF-8 text, for deriving the signing key. */
  hmac(key: Uint8Array, data: string): Uint8Array | Promise<Uint8Array>;
  /** Prepares a derived signing key for repeated use. */
  importSigningKey(key: Uint8Array): Key | Promise<Key>;
  /** Lower-case hex HMAC-SHA-256 of the UTF-8 text under a prepared key. */
  hmacHex(key: Key, data: string): string | Promise<string>;
}
