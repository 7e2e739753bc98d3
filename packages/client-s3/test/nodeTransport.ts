// The real Node transport for the integration tests (a devDependency: the client itself takes any Transport).
export { createHttp1Transport, createNodeHttpTransport } from "@sessionkit/http";
