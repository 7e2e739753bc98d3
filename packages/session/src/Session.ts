import { addDebugHandlers, addScheme, copyHandlers } from "@sessionkit/handlers";
import type { ClientConfig, ClientConfigProvider, Config, HandlerList, Handlers, ResolvedConfig } from "@sessionkit/types";
import type { Sourced } from "./configBrowser.js";
import { configForDisplay, display } from "./display.js";
import { type ConfigSources, overrideConfig } from "./resolveConfig.js";
import { type ExplainLine, SessionExplanation } from "./SessionExplanation.js";

/** What a session shares with its copies: everything read from the environment and files, once. */
export interface SessionContext {
  /** The endpoint configured for a service (`AWS_ENDPOINT_URL[_<SERVICE>]`, `[services]`, `endpoint_url`). */
  readonly endpoint: (serviceName: string) => Sourced<string> | undefined;
  /** Lines of `explain()` about how the session was loaded (profile, files, credential plan, CA bundle…). */
  readonly lines: readonly ExplainLine[];
  /** Checks `copy`'s overrides as JavaScript may pass them: the Node build's; the browser build has none (bundle size). */
  readonly check?: ((overrides: unknown) => void) | undefined;
}

/** What `newSession` hands to the constructor; not for application code. */
export interface SessionInit {
  readonly config: ResolvedConfig;
  readonly sources: ConfigSources;
  readonly handlers: Handlers;
  readonly context: SessionContext;
}

const inspectCustom = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");

/**
 * Go's `session.Session`: resolved configuration, the handler lists every client starts from, and the
 * factory of client configurations (`ClientConfigProvider`). Create one with `newSession` or
 * `newSessionWithOptions`; it never re-reads the environment or files.
 */
export class Session implements ClientConfigProvider {
  /** The resolved configuration, frozen. `config.credentials` is lazy: nothing is fetched until `get()`. */
  readonly config: ResolvedConfig;
  /**
   * The handler lists clients copy when they are created. Changing them later affects clients created
   * later, never existing ones (Go's semantics).
   */
  readonly handlers: Handlers;
  readonly #init: SessionInit;
  // Client configurations without overrides differ only in their handler copy: cache the endpoint per service.
  readonly #endpoints = new Map<string, string | undefined>();

  constructor(init: SessionInit) {
    this.config = init.config;
    this.handlers = init.handlers;
    this.#init = init;
  }

  /**
   * Go's `Session.Copy`: a new session whose config is this one with `overrides` applied, sharing the
   * credentials (and their cache), transport and logger, with its own copy of the handler lists. Reads
   * no environment and no files.
   */
  copy(overrides?: Config): Session {
    const init = this.#init;
    init.context.check?.(overrides);
    const { config, sources } = overrides == null ? init : overrideConfig(init, overrides, "copy");
    return sessionOf({ config, sources, handlers: copyHandlers(this.handlers), context: init.context });
  }

  /**
   * Go's `Session.ClientConfig`: what a client needs, with its own copy of the handler lists (plus the debug
   * log handlers when `config.logLevel` is `LogDebug` or more, as Go's `client.New` adds them). The endpoint
   * is the code option (`config.endpoint`, given a scheme by `disableSSL` when it has none) or else the
   * endpoint configured for `serviceName` in the environment or the profile; `undefined` lets the client
   * derive its default from the region.
   */
  clientConfig(serviceName: string, overrides?: Config): ClientConfig {
    // `!= null`: a null from JavaScript means no overrides, as undefined does.
    if (overrides != null) return this.copy(overrides).clientConfig(serviceName);
    const config = this.config;
    const cache = this.#endpoints;
    let endpoint = cache.get(serviceName);
    if (!cache.has(serviceName)) {
      const code = config.endpoint;
      endpoint = code ? addScheme(code, config.disableSSL) : this.#init.context.endpoint(serviceName)?.value;
      cache.set(serviceName, endpoint);
    }
    const handlers = copyHandlers(this.handlers);
    // Go's client.New adds the debug log handlers to every client; here only clients that log get them, so an
    // app that never logs does not carry the dumps and the redaction.
    // Go's `LogLevel.AtLeast(LogDebug)`, with `LogLevel.Debug` (0x1000) as a literal: a bundle then needs no
    // LogLevel table for it.
    if (config.logLevel >= 0x1000) addDebugHandlers(handlers);
    return { config, handlers, ...(endpoint !== undefined && { endpoint }) };
  }

  /**
   * Every resolved value with its source (code option, environment variable, file and line, or default).
   * Secret keys and session tokens are never shown; access key ids only by their last four characters.
   */
  explain(): SessionExplanation {
    const lines = [...this.#init.context.lines];
    for (const [setting, source] of this.#init.sources) {
      if (setting !== "credentials") lines.push([setting, display((this.config as unknown as Record<string, unknown>)[setting]), source]);
    }
    return new SessionExplanation(lines.map((l) => ({ setting: l[0], value: l[1], source: l[2] })));
  }

  /** What `util.inspect(session)` shows: settings and handler names, never secrets. */
  [inspectCustom](_depth: number, options: unknown, inspect?: (value: unknown, options: unknown) => string): string {
    const shown = this.toJSON();
    return `Session ${inspect ? inspect(shown, options) : JSON.stringify(shown)}`;
  }

  /** What `JSON.stringify(session)` shows: settings and handler names, never secrets. */
  toJSON(): Record<string, unknown> {
    // Only lists: a property someone added to `session.handlers` must not make `JSON.stringify` throw.
    const handlers: Record<string, string[]> = {};
    for (const [phase, list] of Object.entries(this.handlers) as [string, Partial<HandlerList> | undefined][]) {
      if (typeof list?.names === "function") handlers[phase] = list.names();
    }
    return { config: configForDisplay(this.config), handlers };
  }
}

// Outside the class on purpose: a class body that names its own class makes bundlers rename it (`class
// _Session`), which users would see as `session.constructor.name`.
function sessionOf(init: SessionInit): Session {
  return new Session(init);
}
