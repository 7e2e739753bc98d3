/** The package's one UTF-8 encoder. */
export const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * The browser build's `utf8Length`: always by encoding, without utf8.ts's ASCII shortcut (a regular expression that
 * saves Node ~50 ns on a short form body and costs every browser bundle its bytes).
 */
export const utf8Length = (text: string): number => encoder.encode(text).byteLength;
