/** Lower-case hex of the bytes (WebCrypto hands back an ArrayBuffer, the signer needs hex). */
export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(new Uint8Array(bytes), (b) => (b + 256).toString(16).slice(1)).join("");

/** The UTF-8 encoder the signer shares (signing-key seeds, WebCrypto input). */
export const utf8: TextEncoder = /* @__PURE__ */ new TextEncoder();
