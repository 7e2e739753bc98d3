// `@sessionkit/credential-provider-assume-role/lazy`: the assume-role provider for callers that load it with
// `import()` (the session itself loads `./role`). A bundler keeps every export of a dynamically imported module,
// so this entry leaves out the token prompts.
export { stsClientFactory } from "./assumeRoleChain.js";
export { assumeRoleProvider } from "./assumeRoleProvider.js";
