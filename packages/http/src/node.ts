// `@sessionkit/http/node`: only the Node transport, for code that loads it lazily with `import()` (the session
// does). A bundler keeps everything a dynamic import's module exports, so this entry leaves out `FetchTransport`.
export { createDefaultTransport, type DefaultTransportOptions } from "./defaultTransport.js";
export { type CaBundle, createNodeHttpTransport, NodeHttpTransport, type NodeHttpTransportOptions } from "./NodeHttpTransport.js";
