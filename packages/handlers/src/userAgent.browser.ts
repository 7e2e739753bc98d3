export { SDK_VERSION } from "./sdkVersion.js";

declare const __SESSIONKIT_VERSION__: string;

/** The browser build's user agent: `sessionkit/<version> browser`, what userAgent.ts gives where there is no Node. */
// The build's version itself (only the builds use this file), so the bundle holds one string, not a template.
export const USER_AGENT = `sessionkit/${__SESSIONKIT_VERSION__} browser`;
