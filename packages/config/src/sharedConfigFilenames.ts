import type { Sourced } from "./ValueSource.js";

/** The environment as a plain record (`process.env`, or a snapshot of it). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface SharedConfigFilenamesOptions {
  /** `win32`/`windows` uses `\` and the Windows home fallbacks; anything else is POSIX. Default: the current platform. */
  readonly platform?: string;
  /**
   * The home directory to use when the environment names none (Go's `user.Current().HomeDir`; the
   * Node entry passes `os.homedir()`). Without it the paths are relative (`.aws/config`), as in Go.
   */
  readonly fallbackHome?: string;
}

export interface SharedConfigFilenames {
  readonly configFile: Sourced<string>;
  readonly credentialsFile: Sourced<string>;
}

/** `env[name]` with its source when set and not empty (Go's `setFromEnvVal`), else `alias`'s when given. */
export function envValue(env: Env | undefined, name: string, alias?: string): Sourced<string> | undefined {
  const v = env?.[name];
  if (v !== undefined && v !== "") return { value: v, source: { source: "env", name } };
  return alias === undefined ? undefined : envValue(env, alias);
}

const currentPlatform = (): string => (globalThis as { process?: { platform?: string } }).process?.platform ?? "linux";

/**
 * The home directory: `HOME` first on every platform; on Windows then `USERPROFILE`, then
 * `HOMEDRIVE` + `HOMEPATH`. `undefined` when none is set.
 */
export function homeDirectory(env: Env, platform: string = currentPlatform()): { value: string; from: string } | undefined {
  // Truthy: set and not empty.
  const { HOME, USERPROFILE, HOMEDRIVE, HOMEPATH } = env;
  return HOME
    ? { value: HOME, from: "HOME" }
    : !isWindows(platform)
      ? undefined
      : USERPROFILE
        ? { value: USERPROFILE, from: "USERPROFILE" }
        : HOMEDRIVE && HOMEPATH
          ? { value: HOMEDRIVE + HOMEPATH, from: "HOMEDRIVE+HOMEPATH" }
          : undefined;
}

const isWindows = (platform: string): boolean => platform === "win32" || platform === "windows";

/**
 * Where the config and credentials files are: `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`
 * (an empty value counts as unset), else `<home>/.aws/config` and `<home>/.aws/credentials`. Pure:
 * no `os` or `path`, so it also runs in a browser bundle.
 */
export function sharedConfigFilenames(env: Env, options: SharedConfigFilenamesOptions = {}): SharedConfigFilenames {
  const platform = options.platform ?? currentPlatform();
  const sep = isWindows(platform) ? "\\" : "/";
  const home = homeDirectory(env, platform);
  const base = home?.value ?? options.fallbackHome ?? "";
  const note = home !== undefined ? `in the home directory from ${home.from}` : base !== "" ? "in the user's home directory" : "no home directory: relative path";
  const dir = base === "" ? `.aws${sep}` : `${base.endsWith(sep) ? base.slice(0, -1) : base}${sep}.aws${sep}`;
  const inHome = (name: string): Sourced<string> => ({ value: dir + name, source: { source: "default", note } });
  return {
    configFile: envValue(env, "AWS_CONFIG_FILE") ?? inHome("config"),
    credentialsFile: envValue(env, "AWS_SHARED_CREDENTIALS_FILE") ?? inHome("credentials"),
  };
}
