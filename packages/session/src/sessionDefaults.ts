import { sleep } from "@sessionkit/handlers";
import type { Transport } from "@sessionkit/types";
import { defaultLogger } from "./defaultLogger.js";
import type { Defaults } from "./resolveConfig.js";

/**
 * Go's `defaults.Config()` for both builds; only the transport differs (Node's pool or `fetch`). It names every
 * setting, in explain order (the ones without a default as `undefined`): `resolveConfig` takes its keys as the list
 * of settings.
 */
export function sessionDefaults(transport?: Transport): Defaults {
  return {
    region: "",
    endpoint: undefined,
    maxRetries: -1,
    retryer: undefined,
    logLevel: 0,
    logger: defaultLogger,
    s3ForcePathStyle: false,
    disableSSL: false,
    transport: transport as Transport,
    stsRegionalEndpoints: "legacy",
    s3UsEast1RegionalEndpoint: "legacy",
    attemptTimeoutMs: undefined,
    disableParamValidation: false,
    clock: Date.now,
    sleep,
  };
}
