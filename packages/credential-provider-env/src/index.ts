export { type Env, ENV_PROVIDER_NAME, envCredentials } from "./envCredentials.js";
export { fromEnv } from "./fromEnv.js";
