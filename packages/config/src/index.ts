export * from "./browser.js";
export { type LoadSharedConfigOptions, loadSharedConfig } from "./loadSharedConfig.js";
export { parseSharedConfigBytes, SharedConfigFileCache, sharedConfigFileCache } from "./SharedConfigFileCache.js";
