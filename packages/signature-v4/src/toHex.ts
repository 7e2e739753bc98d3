/** Lower-case hex of the bytes (WebCrypto hands back an ArrayBuffer, the signer needs hex). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  let out = "";
  for (const b of new Uint8Array(bytes)) out += (b + 256).toString(16).slice(1);
  return out;
}

/** The UTF-8 encoder the signer shares (signing-key seeds, WebCrypto input). */
export const utf8: TextEncoder = /* @__PURE__ */ new TextEncoder();
