export { type Browser, browser } from "./browser.js";
export { findTests } from "./findTests.mjs";
export { conformanceDir, inCI, type Needed, type RgwInfo, repoRoot, rgw, type S3rverInfo, s3rver } from "./require.js";
export { parseEnvFile, type RunningServers, type ServerName, startTestServers, stopTestServers } from "./servers.js";
export { warningsDuring } from "./warningsDuring.js";
