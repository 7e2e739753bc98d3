// The session, for the "assumed-role credentials from a session profile" integration test. A runtime
// dependency on it is exactly what this package must not have; as a devDependency it would need a lockfile
// update, so its built dist is imported by path (the root `pnpm test` builds every package first).
export { newSessionWithOptions, SharedConfigState } from "../../session/dist/index.js";
