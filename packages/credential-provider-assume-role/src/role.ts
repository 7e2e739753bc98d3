// `@sessionkit/credential-provider-assume-role/role`: what the session loads with `import()` at the first
// retrieve of a role step. A bundler keeps every export of a dynamically imported module, so this entry has only
// the one positional function the session calls (`./lazy` keeps its exports for other callers).
export { roleStepProvider } from "./roleStepProvider.js";
