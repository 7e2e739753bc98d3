// The real Node transport for the integration tests. @sessionkit/http is not (yet) a linked devDependency
// of this package (adding it needs a lockfile update), so its built dist is imported by path; the root
// `pnpm test` builds every package first.
export { createNodeHttpTransport } from "../../http/dist/index.js";
