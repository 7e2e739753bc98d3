import { maskSecret } from "./configBrowser.js";
import { toCredentials } from "@sessionkit/credentials";
import { CoreHandlers, copyHandlers, defaultHandlers } from "@sessionkit/handlers";
import type { ClientConfigProvider, Handlers } from "@sessionkit/types";
import { type ConfigLayer, codeLayer, type Defaults, resolveConfig } from "./resolveConfig.js";
import type { ResolvedCredentials } from "./resolveCredentials.js";
import { Session, type SessionContext } from "./Session.js";
import { SessionError } from "./SessionError.js";
import type { SessionOptions } from "./SessionOptions.js";

/** What the Node and browser entries hand to {@link assembleSession}. */
export interface SessionParts {
  readonly options: SessionOptions;
  /** Precedence layers below code: environment, then files (the browser entry has none). */
  readonly layers: readonly ConfigLayer[];
  readonly defaults: Defaults;
  readonly context: SessionContext;
  /**
   * Resolves credentials when code gave none. `stsConfig` gives what an assume-role step's STS client is made
   * from: this session's config at creation and a copy of its handler lists as they are when creation ends
   * (later changes to `session.handlers` do not reach it). Only callable after creation.
   */
  readonly resolveCredentials: (stsConfig: () => ClientConfigProvider) => ResolvedCredentials;
}

/**
 * Go's `newSession` steps (spec §1.6), shared by both entries: handlers (the options' when not empty, else the
 * defaults), config by precedence (code, environment, files, plugins, defaults), credentials last, then
 * `initHandlers` (the parameter validator, unless disabled) and the plugins' handlers.
 */
export function assembleSession(parts: SessionParts): Session {
  const { options } = parts;
  const handlers: Handlers =
    options.handlers !== undefined && !options.handlers.isEmpty() ? copyHandlers(options.handlers) : defaultHandlers();
  const plugins = options.plugins ?? [];
  const layers: ConfigLayer[] = [
    codeLayer(options.config, "config"),
    ...parts.layers,
    ...plugins.map((p) => codeLayer(p.config, `plugin ${p.name}`)),
  ];

  // The STS session is made once creation ends; assume-role steps only reach it at their first retrieve.
  let stsBase: Session | undefined;
  const stsConfig = (): ClientConfigProvider => {
    if (stsBase === undefined) {
      throw new SessionError("SessionNotReady", "an assume-role step asked for STS before its session was created");
    }
    return stsBase;
  };

  const resolved = resolveSessionCredentials(parts, stsConfig);
  const { config, sources } = resolveConfig(layers, { value: resolved.credentials, source: resolved.source }, parts.defaults);

  handlers.validate.remove(CoreHandlers.ValidateParametersHandler);
  if (!config.disableParamValidation) handlers.validate.pushBackNamed(CoreHandlers.ValidateParametersHandler);
  for (const p of plugins) p.apply?.(handlers);

  const context: SessionContext = {
    configuredEndpoint: parts.context.configuredEndpoint,
    explainEntries: [...parts.context.explainEntries, ...resolved.explain],
  };
  const session = new Session({ config, sources, handlers, context });
  stsBase = new Session({ config, sources, handlers: copyHandlers(handlers), context });
  return session;
}

/** Code beats everything; then the entry's resolution; a plugin's credentials only replace an empty fallback. */
function resolveSessionCredentials(
  parts: SessionParts,
  stsConfig: () => ClientConfigProvider,
): ResolvedCredentials {
  const given = parts.options.config?.credentials;
  if (given !== undefined) {
    const credentials = toCredentials(given);
    const source = { source: "code", option: "config.credentials" } as const;
    const key = (given as { accessKeyId?: unknown }).accessKeyId;
    const shown = typeof key === "string" ? `${credentials.providerName} ${maskSecret(key, "partial")}` : credentials.providerName;
    return { credentials, source, explain: [{ setting: "credentials", value: shown, source }] };
  }
  const resolved = parts.resolveCredentials(stsConfig);
  if (resolved.source.source !== "default") return resolved;
  const plugin = parts.options.plugins?.find((p) => p.config?.credentials !== undefined);
  const input = plugin?.config?.credentials;
  if (plugin === undefined || input === undefined) return resolved;
  const credentials = toCredentials(input);
  const source = { source: "code", option: `plugin ${plugin.name}.credentials` } as const;
  return { credentials, source, explain: [{ setting: "credentials", value: credentials.providerName, source }] };
}
