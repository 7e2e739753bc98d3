export { buildQueryString, escapeUri, requestTarget } from "./buildQueryString.js";
export { createDefaultTransport, type DefaultTransportOptions } from "./defaultTransport.js";
export {
  RequestCanceled,
  RequestError,
  ResponseLengthMismatch,
  ResponseTimeout,
  toTransportError,
} from "./errors.js";
export { createHttp1Transport, Http1Transport, type Http1TransportOptions } from "./Http1Transport.js";
export { createFetchTransport, FetchTransport, type FetchTransportOptions } from "./FetchTransport.js";
export {
  type CaBundle,
  createNodeHttpTransport,
  NodeHttpTransport,
  type NodeHttpTransportOptions,
} from "./NodeHttpTransport.js";
export { NodeResponseBody } from "./NodeResponseBody.js";
