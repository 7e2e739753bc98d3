// The Node build's default. The browser build swaps this module for defaultSigningCrypto.browser.ts
// (see tsup.config.ts), so browser bundles never see `node:crypto`.
import type { SigningCrypto } from "./SigningCrypto.js";
import { nodeSigningCrypto } from "./nodeSigningCrypto.js";
import { webSigningCrypto } from "./webSigningCrypto.js";

/** node:crypto (synchronous) where Node can load it lazily (≥ 20.16); WebCrypto on older Node 20 releases. */
export const defaultSigningCrypto: SigningCrypto =
  typeof process.getBuiltinModule === "function" ? nodeSigningCrypto : webSigningCrypto;
