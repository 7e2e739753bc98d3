import type { ProfileData } from "./parseSharedConfig.js";
import type { ParsedSharedConfigFile, SharedConfigProperty, SharedConfigSection } from "./parseSharedConfigFile.js";
import { type ProfileChain, profileChain } from "./profileChain.js";
import { type ChainRules, resolveSharedConfig } from "./resolveSharedConfig.js";

export interface ResolveProfileChainOptions {
  readonly ssoSessions?: Readonly<Record<string, ProfileData>>;
  /** Default `go`; `cross-sdk` is what `assume-role-tests.json` pins. */
  readonly chainRules?: ChainRules;
}

function sections(records: Readonly<Record<string, ProfileData>> | undefined): Map<string, SharedConfigSection> {
  const out = new Map<string, SharedConfigSection>();
  for (const [name, data] of Object.entries(records ?? {})) {
    const properties = new Map<string, SharedConfigProperty>();
    for (const [key, value] of Object.entries(data)) {
      const raw =
        typeof value === "string"
          ? value
          : Object.entries(value)
              .map(([k, v]) => `\n${k} = ${v}`)
              .join("");
      properties.set(key.toLowerCase(), { value, raw, line: 0 });
    }
    out.set(name, { name, line: 0, properties });
  }
  return out;
}

/** Wraps already-parsed profiles (e.g. `parseSharedConfig(...).profiles`) as one in-memory file. */
export function sharedConfigFileFromData(
  profiles: Readonly<Record<string, ProfileData>>,
  extra: { ssoSessions?: Readonly<Record<string, ProfileData>>; services?: Readonly<Record<string, ProfileData>> } = {},
): ParsedSharedConfigFile {
  return {
    path: undefined,
    kind: "any",
    profiles: sections(profiles),
    ssoSessions: sections(extra.ssoSessions),
    services: sections(extra.services),
  };
}

/**
 * The credential chain for `selectedProfile` of already-parsed profiles (no I/O), with shared config
 * enabled: base credentials first, then each role to assume. Same errors as `resolveSharedConfig`
 * and `profileChain`.
 */
export function resolveProfileChain(
  profiles: Readonly<Record<string, ProfileData>>,
  selectedProfile: string,
  options: ResolveProfileChainOptions = {},
): ProfileChain {
  const file = sharedConfigFileFromData(profiles, { ssoSessions: options.ssoSessions });
  const chainRules = options.chainRules ?? "go";
  const cfg = resolveSharedConfig(selectedProfile, [file], { sharedConfigEnabled: true, chainRules });
  return profileChain(cfg, { chainRules });
}
