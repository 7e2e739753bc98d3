import { packageConfig } from "@sessionkit/tsup-config";

// `./timestamp` is its own entry (not re-exported by the index): only lazily loaded readers (STS's AssumeRole, a
// credential_process) parse expirations, and a bundler splitting an app keeps the rule out of what loads at start.
export default packageConfig({ index: "src/index.ts", timestamp: "src/parseTimestamp.ts" });
