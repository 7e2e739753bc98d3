import { toCredentials } from "@sessionkit/credentials";
import { CoreHandlers, copyHandlers, defaultHandlers } from "@sessionkit/handlers";
import type { Credentials, Handlers } from "@sessionkit/types";
import { maskSecret, type ValueSource } from "./configBrowser.js";
import { type ConfigLayer, codeLayer, codeSource, type Defaults, resolveConfig } from "./resolveConfig.js";
import type { ResolvedCredentials } from "./resolveCredentials.js";
import { Session, type SessionContext } from "./Session.js";
import type { ExplainLine } from "./SessionExplanation.js";
import type { SessionOptions } from "./SessionOptions.js";

/**
 * Go's `newSession` steps (spec §1.6), shared by the Node and browser entries: handlers (the options' when not
 * empty, else the defaults), config by precedence (code, then the entry's `layers` — environment, then files —,
 * plugins, defaults), credentials last, then `initHandlers` (the parameter validator, unless disabled) and the
 * plugins' handlers.
 *
 * `endpoint` finds a service's configured endpoint, `lines` are the entry's explain lines (credentials' are
 * added); `resolveCredentials` resolves credentials when code gave none; `check` checks `copy`'s overrides.
 */
export function assembleSession(
  options: SessionOptions,
  layers: readonly ConfigLayer[],
  defaults: Defaults,
  endpoint: SessionContext["endpoint"],
  lines: readonly ExplainLine[],
  resolveCredentials: () => ResolvedCredentials,
  check?: SessionContext["check"],
): Session {
  const given = options.handlers;
  const handlers: Handlers = given != null && !given.isEmpty() ? copyHandlers(given) : defaultHandlers();
  const plugins = options.plugins ?? [];

  // Code beats everything; then the entry's resolution; a plugin's credentials only replace an empty fallback.
  let resolved = fromCode(options.config?.credentials, "config.credentials", true);
  if (resolved === undefined) {
    resolved = resolveCredentials();
    const plugin = plugins.find((p) => p.config?.credentials != null);
    if (resolved[1].source === "default" && plugin !== undefined) {
      resolved = fromCode(plugin.config?.credentials, `plugin ${plugin.name}.credentials`, false) ?? resolved;
    }
  }
  const { config, sources } = resolveConfig(
    [codeLayer(options.config, "config"), ...layers, ...plugins.map((p) => codeLayer(p.config, `plugin ${p.name}`))],
    resolved,
    defaults,
  );

  const validator = CoreHandlers.ValidateParametersHandler;
  handlers.validate.remove(validator);
  if (!config.disableParamValidation) handlers.validate.pushBackNamed(validator);
  for (const p of plugins) p.apply?.(handlers);

  return new Session({ config, sources, handlers, context: { endpoint, lines: lines.concat(resolved[2]), check } });
}

/** Credentials given in code (options or a plugin); `showKey` adds the access key id's last four characters. */
function fromCode(
  input: Parameters<typeof toCredentials>[0] | undefined,
  option: string,
  showKey: boolean,
): ResolvedCredentials | undefined {
  if (input == null) return undefined;
  const credentials = toCredentials(input);
  const key = (input as { accessKeyId?: unknown }).accessKeyId;
  const name = credentials.providerName;
  return credentialsResult(credentials, codeSource(option), showKey && typeof key === "string" ? `${name} ${maskSecret(key, "partial")}` : name);
}

/** A credentials resolution with its one explain line (`shown`, sourced to `lineSource`: the value's source unless given). */
export function credentialsResult(credentials: Credentials, source: ValueSource, shown: string, lineSource = source): ResolvedCredentials {
  return [credentials, source, [["credentials", shown, lineSource]]];
}
