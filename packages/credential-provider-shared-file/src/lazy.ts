// `@sessionkit/credential-provider-shared-file/lazy`: the process provider for callers that load it with
// `import()` (the session itself loads `./process`). A bundler keeps every export of a dynamically imported
// module, so this entry has only the process provider.
export { processProvider } from "./processProvider.js";
