import { sleep } from "@sessionkit/handlers";
import type { Transport } from "@sessionkit/types";
import { defaultLogger } from "./defaultLogger.js";
import type { Defaults } from "./resolveConfig.js";

/** Go's `defaults.Config()` for both builds; only the transport differs (Node's pool or `fetch`). */
export function sessionDefaults(transport: Transport): Defaults {
  return {
    region: "",
    maxRetries: -1,
    logLevel: 0,
    logger: defaultLogger,
    s3ForcePathStyle: false,
    disableSSL: false,
    transport,
    stsRegionalEndpoints: "legacy",
    s3UsEast1RegionalEndpoint: "legacy",
    disableParamValidation: false,
    clock: Date.now,
    sleep,
  };
}
