// The `browser` build of @sessionkit/session: the same API, configured from code only (no environment, no
// files, no STS or child processes), with the fetch transport.
export { must } from "./must.js";
export { newSession, newSessionWithOptions } from "./browserSession.js";
export { Session } from "./Session.js";
export { SessionError } from "./SessionError.js";
export { type ExplainEntry, SessionExplanation } from "./SessionExplanation.js";
export type { Environment, SessionOptions, SharedConfigFile } from "./SessionOptions.js";
export { SharedConfigState } from "./SharedConfigState.js";
export type { TokenProviderOption } from "./tokenProvider.js";
