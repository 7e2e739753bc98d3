// The `browser` build: everything but the Node transport, so bundles contain no node:* import.
export { buildQueryString, escapeUri, requestTarget } from "./buildQueryString.js";
export type { DefaultTransportOptions } from "./defaultTransport.js";
export { createDefaultTransport } from "./defaultTransport.browser.js";
export {
  RequestCanceled,
  RequestError,
  ResponseLengthMismatch,
  ResponseTimeout,
  toTransportError,
} from "./errors.js";
export { createFetchTransport, FetchTransport, type FetchTransportOptions } from "./FetchTransport.js";
