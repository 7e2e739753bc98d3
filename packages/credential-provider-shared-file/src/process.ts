// `@sessionkit/credential-provider-shared-file/process`: what the session loads with `import()` for a
// `credential_process` profile. A bundler keeps every export of a dynamically imported module, so this entry has
// only the one positional function the session calls (`./lazy` keeps `processProvider` for other callers).
export { credentialProcess } from "./processProvider.js";
