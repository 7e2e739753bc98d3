// `@sessionkit/credential-provider-assume-role/role`: what the session loads with `import()` at the first
// retrieve of a role step. A bundler keeps every export of a dynamically imported module, so this entry has only
// what the session calls (internal): `roleProvider` (assumeRoleProvider with positional arguments, so the
// session's bundle carries no option names) and `stsClient` (a step's STS client). `./lazy` keeps its exports for
// other callers.
export { stsClient } from "./assumeRoleChain.js";
export { roleProvider } from "./assumeRoleProvider.js";
