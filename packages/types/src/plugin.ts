import type { Config } from "./config.js";
import type { Handlers } from "./handlers.js";

/**
 * Anything that contributes configuration or handlers to a session or a client. `apply` receives the
 * lists it may change: a session's lists when given to the session, a client's copy when given to a client.
 */
export interface Plugin {
  readonly name: string;
  /** Defaults the plugin brings; values the user gave still win. */
  readonly config?: Config;
  apply?(handlers: Handlers): void;
}
