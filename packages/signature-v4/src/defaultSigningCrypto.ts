// The Node build's default. The browser build swaps this module for defaultSigningCrypto.browser.ts
// (see tsup.config.ts), so browser bundles never see `node:crypto`.
export { nodeSigningCrypto as defaultSigningCrypto } from "./nodeSigningCrypto.js";
