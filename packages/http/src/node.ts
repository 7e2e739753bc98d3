// `@sessionkit/http/node`: only the Node transport, for code that loads it lazily with `import()` (the session
// does). A bundler keeps everything a dynamic import's module exports, so this entry leaves out `FetchTransport`
// and the node:http-based `NodeHttpTransport` (import it from the main entry).
export { createDefaultTransport, type DefaultTransportOptions } from "./defaultTransport.js";
export { createHttp1Transport, Http1Transport, type Http1TransportOptions } from "./Http1Transport.js";
export type { CaBundle } from "./caOption.js";
