// `@sessionkit/credential-provider-shared-file/lazy`: what the session loads with `import()` for a
// `credential_process` profile. A bundler keeps every export of a dynamically imported module, so this entry
// has only the process provider.
export { processProvider } from "./processProvider.js";
