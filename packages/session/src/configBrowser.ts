// The browser-safe part of @sessionkit/config that the code of both entries uses. The Node build swaps this module
// for configBrowser.node.ts (see tsup.config.ts): the Node entry has the same exports, so Node loads one config
// module instead of two.
export { formatSource, maskSecret, type Sourced, type ValueSource } from "@sessionkit/config/browser";
