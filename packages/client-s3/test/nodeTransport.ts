// The real Node transport for the integration tests (a devDependency: the client itself takes any Transport).
export { createNodeHttpTransport } from "@sessionkit/http";
