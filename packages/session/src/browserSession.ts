import { createCredentials } from "@sessionkit/credentials";
import { createDefaultTransport } from "@sessionkit/http";
import type { Config } from "@sessionkit/types";
import { assembleSession } from "./assembleSession.js";
import { failingProvider } from "./lazyProvider.js";
import { mergeConfigs } from "./mergeConfigs.js";
import type { Session } from "./Session.js";
import { SessionError } from "./SessionError.js";
import { sessionDefaults } from "./sessionDefaults.js";
import type { SessionOptions } from "./SessionOptions.js";

let transport: ReturnType<typeof createDefaultTransport> | undefined;

/**
 * The browser build of `newSessionWithOptions`: there is no environment and no `~/.aws`, so only code (and
 * plugins) configure the session; `env`, `homeDir`, `sharedConfigFiles`, `profile` and `customCABundle` are
 * refused with `BrowserOptionUnsupported` rather than silently ignored. Without credentials in code, `get()`
 * rejects with `NoCredentialProviders`. The transport is `fetch`.
 */
export function newSessionWithOptions(options: SessionOptions = {}): Session {
  // Kinds are not checked here (bundle size; the Node build checks them): null is no options, as in the Node build.
  options ??= {};
  for (const key of "env homeDir sharedConfigFiles profile customCABundle".split(" ") as (keyof SessionOptions)[]) {
    // `!= null`: null is unset, as in the Node build.
    if (options[key] != null) {
      throw new SessionError("BrowserOptionUnsupported", `option ${key} needs files or an environment, which the browser build has none of`);
    }
  }
  transport ??= createDefaultTransport();
  return assembleSession(options, [], sessionDefaults(transport), () => undefined, [], () => [
    createCredentials(
      failingProvider(
        "ChainProvider",
        () => new SessionError("NoCredentialProviders", "no credentials: the browser build reads no environment or files; pass config.credentials"),
      ),
    ),
    { source: "default", note: "browser build: credentials only from code" },
    [],
  ]);
}

/** The browser build of `newSession(...configs)`. */
export function newSession(...configs: readonly (Config | undefined)[]): Session {
  return newSessionWithOptions({ config: mergeConfigs(configs) });
}
