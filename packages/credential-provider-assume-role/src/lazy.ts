// `@sessionkit/credential-provider-assume-role/lazy`: what the session loads with `import()` at the first
// retrieve of a role profile. A bundler keeps every export of a dynamically imported module, so this entry
// leaves out what the session never calls (the token prompts).
export { stsClientFactory } from "./assumeRoleChain.js";
export { assumeRoleProvider } from "./assumeRoleProvider.js";
