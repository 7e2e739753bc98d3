import { createRequire } from "node:module";
import type * as NodeOs from "node:os";
import {
  type CommonSettings,
  type EnvConfig,
  loadEnvConfig,
  loadSharedConfig,
  resolveConfiguredEndpoint,
  type SharedConfig,
  type SharedConfigFileRef,
  SharedConfigProfileNotExistsError,
  sharedConfigFileList,
  type Sourced,
  type ValueSource,
} from "@sessionkit/config";
import { assembleSession } from "./assembleSession.js";
import { defaultTransport, LazyNodeTransport } from "./defaultTransport.js";
import { LoadCustomCABundleError } from "./LoadCustomCABundleError.js";
import { loadCustomCABundle } from "./loadCustomCABundle.js";
import type { ConfigLayer } from "./resolveConfig.js";
import { resolveCredentials } from "./resolveCredentials.js";
import type { Session } from "./Session.js";
import { sessionDefaults } from "./sessionDefaults.js";
import type { ExplainEntry } from "./SessionExplanation.js";
import type { Environment, SessionOptions, SharedConfigFile } from "./SessionOptions.js";
import { SharedConfigState } from "./SharedConfigState.js";
import { snapshotEnv } from "./snapshotEnv.js";
import { toTokenProvider } from "./tokenProvider.js";

/**
 * Go's `session.NewSessionWithOptions`: reads the environment and the shared files once, synchronously,
 * and returns the session, or throws a typed error with Go's code (`SharedConfigLoadError`,
 * `SharedConfigAssumeRoleError`, `CredentialRequiresARNError`, `AssumeRoleTokenProviderNotSetError`,
 * `SharedConfigProfileNotExistsError` for a profile named in `options.profile` that no file defines, …).
 * Credentials are only resolved at the first `session.config.credentials.get()`.
 */
export function newSessionWithOptions(options: SessionOptions = {}): Session {
  const env = snapshotEnv(options.env);
  const state = options.sharedConfigState ?? SharedConfigState.FromEnv;
  // Go reads the env as if AWS_SDK_LOAD_CONFIG were set only for Enable; Disable overrides afterwards, so
  // AWS_DEFAULT_REGION/AWS_DEFAULT_PROFILE still count with Disable + AWS_SDK_LOAD_CONFIG=1 (spec §1.5).
  const envForFiles = options.homeDir === undefined ? env : { ...env, HOME: options.homeDir };
  const loaded = loadEnvConfig(envForFiles, {
    ...(state === SharedConfigState.Enable ? { sharedConfigEnabled: true } : {}),
    fallbackHome: nodeOs().homedir(),
  });
  const sharedConfigEnabled =
    state === SharedConfigState.Enable ? true : state === SharedConfigState.Disable ? false : loaded.sharedConfigEnabled;
  // Deliberately unlike Go: whitespace-only keys count as unset (the cross-SDK suites' rule); Go would sign with
  // them and every request would fail.
  const blank = (v: Sourced<string> | undefined): boolean => v === undefined || v.value.trim() === "";
  const creds = loaded.credentials;
  const envConfig: EnvConfig = {
    ...loaded,
    sharedConfigEnabled,
    credentials: creds === undefined || blank(creds.accessKeyId) || blank(creds.secretAccessKey) ? undefined : creds,
  };

  const fromOptions = options.profile !== undefined && options.profile !== "";
  const profile: Sourced<string> = fromOptions
    ? { value: options.profile as string, source: { source: "code", option: "profile" } }
    : (envConfig.profile ?? { value: "default", source: { source: "default" } });
  const files = fileList(envConfig, options.sharedConfigFiles);
  const shared = loadShared(profile.value, files, envConfig, options, fromOptions);

  const ca = loadCustomCABundle(options.customCABundle, envConfig.caBundle, shared?.caBundle);
  if (ca !== undefined && options.config?.transport !== undefined) {
    throw new LoadCustomCABundleError(
      "unable to load custom CA bundle, HTTPClient's transport unsupported type (config.transport was given; pass the CA bundle to it instead)",
    );
  }

  const layers: ConfigLayer[] = [settingsLayer(envConfig), settingsLayer(shared)];
  const defaults = sessionDefaults(ca === undefined ? defaultTransport() : new LazyNodeTransport(ca.value));

  const clock = options.config?.clock ?? Date.now;

  const explainEntries: ExplainEntry[] = [
    { setting: "profile", value: profile.value, source: profile.source },
    {
      setting: "sharedConfig",
      value: sharedConfigEnabled ? "enabled" : "disabled",
      source:
        state === SharedConfigState.FromEnv
          ? env.AWS_SDK_LOAD_CONFIG === undefined
            ? { source: "default" }
            : { source: "env", name: "AWS_SDK_LOAD_CONFIG" }
          : { source: "code", option: "sharedConfigState" },
    },
    ...files.map((f, i) => ({
      setting: `files[${i}]`,
      value: `${f.path} (${f.kind})`,
      source: fileSource(f, envConfig, options),
    })),
  ];
  if (ca !== undefined) explainEntries.push({ setting: "customCABundle", value: "PEM", source: ca.source });
  explainEntries.push(...configuredEndpoints(env, shared));

  return assembleSession({
    options,
    layers,
    defaults,
    context: {
      configuredEndpoint: (serviceName) => resolveConfiguredEndpoint(serviceName, { env, profile: shared }),
      explainEntries,
    },
    resolveCredentials: (stsConfig) =>
      resolveCredentials({
        env,
        // credential_process inherits the whole environment, as Go's os.Environ() at exec.
        processEnv: options.env,
        envConfig,
        shared,
        profile: profile.value,
        profileFromOptions: fromOptions,
        assumeRoleTokenProvider:
          options.assumeRoleTokenProvider === undefined ? undefined : toTokenProvider(options.assumeRoleTokenProvider),
        assumeRoleDuration: options.assumeRoleDuration,
        stsConfig,
        clock,
      }),
  });
}

let os: typeof NodeOs | undefined;

/** `node:os`, required at the first session: importing it in an ES module builds a facade (start-up time). */
function nodeOs(): typeof NodeOs {
  os ??= createRequire("/")("node:os") as typeof NodeOs;
  return os;
}

/** The files to read: the explicit list (strings read with Go's lax lookup) or Go's default list. */
function fileList(envConfig: EnvConfig, explicit: readonly SharedConfigFile[] | undefined): SharedConfigFileRef[] {
  if (explicit === undefined) return sharedConfigFileList(envConfig);
  return explicit.map((f) => (typeof f === "string" ? { path: f, kind: "any" } : { path: f.path, kind: f.kind }));
}

/**
 * Go's shared-config load with its error rules (spec §1.7): a missing profile is ignored unless
 * `options.profile` named it (our deliberate difference: the error names the profile and the files
 * searched); any other error fails creation, except when nothing asked for a profile, shared config is off,
 * and credentials already come from the environment or code (GitHub #2455).
 */
function loadShared(
  profile: string,
  files: readonly SharedConfigFileRef[],
  envConfig: EnvConfig,
  options: SessionOptions,
  fromOptions: boolean,
): SharedConfig | undefined {
  try {
    const shared = loadSharedConfig({ profile, files, sharedConfigEnabled: envConfig.sharedConfigEnabled });
    // No file exists at all: Go has nothing to say; a profile asked for by name is still an error here.
    if (fromOptions && shared.files.length === 0) {
      throw new SharedConfigProfileNotExistsError(profile, files.map((f) => `${f.path} (missing)`));
    }
    return shared;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "SharedConfigProfileNotExistsError") {
      if (fromOptions && files.length > 0) throw err;
      return undefined;
    }
    const named = fromOptions || envConfig.profile !== undefined;
    const hasCredentials = envConfig.credentials !== undefined || options.config?.credentials !== undefined;
    if (!named && !envConfig.sharedConfigEnabled && hasCredentials) return undefined;
    throw err;
  }
}

/** The settings the environment and a profile both give (`CommonSettings`) that are also `Config` options. */
function settingsLayer(settings: CommonSettings | undefined): ConfigLayer {
  const layer: Record<string, Sourced<unknown>> = {};
  if (settings === undefined) return layer as ConfigLayer;
  if (settings.region !== undefined) layer.region = settings.region;
  if (settings.stsRegionalEndpoints !== undefined) layer.stsRegionalEndpoints = settings.stsRegionalEndpoints;
  if (settings.s3UsEast1RegionalEndpoint !== undefined) layer.s3UsEast1RegionalEndpoint = settings.s3UsEast1RegionalEndpoint;
  return layer as ConfigLayer;
}

/** The configured endpoint URLs, as `explain` lists them (which one a client uses depends on its service). */
function configuredEndpoints(env: Environment, shared: SharedConfig | undefined): ExplainEntry[] {
  const out: ExplainEntry[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("AWS_ENDPOINT_URL") && value !== undefined && value !== "") {
      const service = name === "AWS_ENDPOINT_URL" ? "*" : name.slice("AWS_ENDPOINT_URL_".length).toLowerCase();
      out.push({ setting: `endpointUrl[${service}]`, value, source: { source: "env", name } });
    }
  }
  for (const [service, settings] of shared?.services?.services ?? []) {
    const url = settings.get("endpoint_url");
    if (url !== undefined) out.push({ setting: `endpointUrl[${service}]`, value: url.value, source: url.source });
  }
  if (shared?.endpointUrl !== undefined) {
    out.push({ setting: "endpointUrl[*]", value: shared.endpointUrl.value, source: shared.endpointUrl.source });
  }
  return out.sort((a, b) => a.setting.localeCompare(b.setting));
}

function fileSource(f: SharedConfigFileRef, env: EnvConfig, options: SessionOptions): ValueSource {
  if (options.sharedConfigFiles !== undefined) return { source: "code", option: "sharedConfigFiles" };
  const sourced = f.path === env.sharedConfigFile.value ? env.sharedConfigFile : env.sharedCredentialsFile;
  if (options.homeDir !== undefined && sourced.source.source === "default") return { source: "code", option: "homeDir" };
  return sourced.source;
}
