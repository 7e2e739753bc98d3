export * from "./browser.js";
export { type LoadSharedConfigOptions, loadSharedConfig } from "./loadSharedConfig.js";
export { parseSharedConfigBytes, SharedConfigFileCache, sharedConfigFileCache } from "./SharedConfigFileCache.js";
export {
  MAX_USER_FILE_BYTES,
  type ReadUserFileOptions,
  readUserFile,
  USER_FILE_PIPE_WAIT_MS,
  type UserFile,
} from "./readUserFile.js";
