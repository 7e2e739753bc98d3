// The browser build's default (swapped in for defaultSigningCrypto.ts by tsup.config.ts).
export { webSigningCrypto as defaultSigningCrypto } from "./webSigningCrypto.js";
