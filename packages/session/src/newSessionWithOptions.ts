import { createRequire } from "node:module";
import type * as NodeOs from "node:os";
import {
  type CommonSettings,
  configuredEndpointsIgnored,
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
import { checkConfig, checkOptions } from "./checkOptions.js";
import { defaultTransport, LazyNodeTransport } from "./defaultTransport.js";
import { LoadCustomCABundleError } from "./LoadCustomCABundleError.js";
import { loadCustomCABundle } from "./loadCustomCABundle.js";
import { type ConfigLayer, codeSource, DEFAULT_SOURCE as DEFAULT } from "./resolveConfig.js";
import { resolveCredentials } from "./resolveCredentials.js";
import type { Session } from "./Session.js";
import { sessionDefaults } from "./sessionDefaults.js";
import type { ExplainLine } from "./SessionExplanation.js";
import type { SessionOptions } from "./SessionOptions.js";
import { snapshotEnv } from "./snapshotEnv.js";

/**
 * Go's `session.NewSessionWithOptions`: reads the environment and the shared files once, synchronously,
 * and returns the session, or throws a typed error with Go's code (`SharedConfigLoadError`,
 * `SharedConfigAssumeRoleError`, `CredentialRequiresARNError`, `AssumeRoleTokenProviderNotSetError`,
 * `SharedConfigProfileNotExistsError` for a profile named in `options.profile` that no file defines, …).
 * Credentials are only resolved at the first `session.config.credentials.get()`.
 */
export function newSessionWithOptions(options: SessionOptions = {}): Session {
  // From JavaScript anything may come: a wrong kind is a typed error naming the option, not a TypeError deep inside.
  options = checkOptions(options);
  const env = snapshotEnv(options.env);
  // SharedConfigState: 0 FromEnv (the default), 1 Disable, 2 Enable.
  const state = options.sharedConfigState ?? 0;
  const enable = state === 2;
  const homeDir = options.homeDir ?? undefined;
  const sharedConfigFiles = options.sharedConfigFiles;
  // Go reads the env as if AWS_SDK_LOAD_CONFIG were set only for Enable; Disable overrides afterwards, so
  // AWS_DEFAULT_REGION/AWS_DEFAULT_PROFILE still count with Disable + AWS_SDK_LOAD_CONFIG=1 (spec §1.5).
  const loaded = loadEnvConfig(homeDir === undefined ? env : { ...env, HOME: homeDir }, {
    sharedConfigEnabled: enable || undefined,
    fallbackHome: nodeOs().homedir(),
  });
  const sharedConfigEnabled = enable || (state !== 1 && loaded.sharedConfigEnabled);
  // Deliberately unlike Go: whitespace-only keys count as unset (the cross-SDK suites' rule); Go would sign with
  // them and every request would fail.
  const creds = loaded.credentials;
  const envConfig: EnvConfig = {
    ...loaded,
    sharedConfigEnabled,
    credentials: creds?.accessKeyId.value.trim() && creds.secretAccessKey.value.trim() ? creds : undefined,
  };

  const fromOptions = !!options.profile;
  const profile: Sourced<string> = fromOptions
    ? { value: options.profile as string, source: codeSource("profile") }
    : (envConfig.profile ?? { value: "default", source: DEFAULT });
  const files: SharedConfigFileRef[] =
    sharedConfigFiles?.map((f) => (typeof f === "string" ? { path: f, kind: "any" } : f)) ??
    sharedConfigFileList(envConfig);
  const shared = loadShared(profile.value, files, envConfig, options, fromOptions);

  const ca = loadCustomCABundle(options.customCABundle, envConfig.caBundle, shared?.caBundle);
  if (ca && options.config?.transport) {
    throw new LoadCustomCABundleError(
      "unable to load custom CA bundle, HTTPClient's transport unsupported type (config.transport was given; pass the CA bundle to it instead)",
    );
  }

  const lines: ExplainLine[] = [
    ["profile", profile.value, profile.source],
    [
      "sharedConfig",
      sharedConfigEnabled ? "enabled" : "disabled",
      state ? codeSource("sharedConfigState") : env.AWS_SDK_LOAD_CONFIG === undefined ? DEFAULT : envSource("AWS_SDK_LOAD_CONFIG"),
    ],
    ...files.map((f, i): ExplainLine => {
      // Which option or variable named the file (the default paths are named by the home directory's source); by
      // kind, not path: both variables may name one file.
      const named = f.kind === "config" ? envConfig.sharedConfigFile : envConfig.sharedCredentialsFile;
      return [
        `files[${i}]`,
        `${f.path} (${f.kind})`,
        sharedConfigFiles
          ? codeSource("sharedConfigFiles")
          : homeDir !== undefined && named.source.source === "default"
            ? codeSource("homeDir")
            : named.source,
      ];
    }),
  ];
  if (ca) lines.push(["customCABundle", "PEM", ca.source]);
  // The configured endpoint URLs (which one a client uses depends on its service); none while they are ignored (by
  // the rule resolveConfiguredEndpoint follows for the clients).
  const endpoints: ExplainLine[] = [];
  const endpoint = (service: string, url: Sourced<string> | undefined | false | ""): unknown =>
    url && endpoints.push([`endpointUrl[${service}]`, url.value, url.source]);
  if (!configuredEndpointsIgnored(env, shared)) {
    for (const name in env) {
      // AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> only: a name such as AWS_ENDPOINT_URLS is read by no client.
      const value = /^AWS_ENDPOINT_URL($|_.)/.test(name) && env[name];
      endpoint(name.slice(17).toLowerCase() || "*", value && { value, source: envSource(name) });
    }
    for (const [service, settings] of shared?.services?.services ?? []) endpoint(service, settings.get("endpoint_url"));
    endpoint("*", shared?.endpointUrl);
  }
  lines.push(...endpoints.sort((a, b) => a[0].localeCompare(b[0])));

  // What an assume-role step's STS client is made from (Go): this session's config at creation and a copy of its
  // handler lists as they are when creation ends (later changes to `session.handlers` do not reach it). Steps
  // reach it only after an `await` in their first retrieve, so creation has always ended by then.
  let stsBase: Session | undefined;
  const session = assembleSession(
    options,
    // The environment and the profile are config layers as they are: of the `Config` settings they have only the
    // ones both give (`CommonSettings`: region, stsRegionalEndpoints, s3UsEast1RegionalEndpoint).
    [envConfig, shared ?? {}] satisfies CommonSettings[] as ConfigLayer[],
    sessionDefaults(ca ? new LazyNodeTransport(ca.value) : defaultTransport()),
    (serviceName) => resolveConfiguredEndpoint(serviceName, { env, profile: shared }),
    lines,
    () => resolveCredentials(env, options, envConfig, shared, profile.value, fromOptions, () => stsBase as Session),
    checkConfig,
  );
  stsBase = session.copy();
  return session;
}


function envSource(name: string): ValueSource {
  return { source: "env", name };
}

let os: typeof NodeOs | undefined;

/** `node:os`, required at the first session: importing it in an ES module builds a facade (start-up time). */
function nodeOs(): typeof NodeOs {
  os ??= createRequire("/")("node:os") as typeof NodeOs;
  return os;
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
    // A missing profile fails only when `options.profile` named it and some file exists; any other error unless
    // nothing named a profile, shared config is off and credentials come from the environment or code.
    if (
      (err as { code?: unknown }).code === "SharedConfigProfileNotExistsError"
        ? fromOptions && files.length > 0
        : fromOptions ||
          envConfig.profile !== undefined ||
          envConfig.sharedConfigEnabled ||
          (envConfig.credentials === undefined && options.config?.credentials === undefined)
    ) {
      throw err;
    }
    return undefined;
  }
}



