// The three ways to get region + credentials for one profile that section 3 compares. CommonJS, so the
// fresh-process rows load every contender the same way (require).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

/** Naive baseline: read both files and scan for the profile's section, every call. */
function sectionOf(text, header) {
  const out = {};
  let inside = false;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t.startsWith("[")) {
      if (inside) break;
      inside = t === header;
    } else if (inside) {
      const eq = t.indexOf("=");
      if (eq > 0) out[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
    }
  }
  return out;
}

function naive(profile) {
  const dir = join(process.env.HOME, ".aws");
  const config = sectionOf(readFileSync(join(dir, "config"), "utf8"), `[profile ${profile}]`);
  const creds = sectionOf(readFileSync(join(dir, "credentials"), "utf8"), `[${profile}]`);
  return Promise.resolve({ region: config.region, accessKeyId: creds.aws_access_key_id });
}

// Peer: the credential provider and the config loader a v3 app uses (`fromIni` + `loadConfig`), fresh per call.
const REGION = {
  environmentVariableSelector: (env) => env.AWS_REGION,
  configFileSelector: (profile) => profile.region,
  default: () => undefined,
};
function peer() {
  const { fromIni } = require("@aws-sdk/credential-providers");
  const { loadConfig } = require("@smithy/node-config-provider");
  return async (profile) => {
    const creds = await fromIni({ profile })();
    const region = await loadConfig(REGION, { profile })();
    return { region, accessKeyId: creds.accessKeyId };
  };
}

// Ours: @sessionkit/config (issue 3's package), the same layer as the peer's fromIni + loadConfig: env config,
// then the profile from the shared files (shared config on through AWS_SDK_LOAD_CONFIG=1, set by the harness).
// The whole session's start-up cost is measured by the cold-start section.
function ours() {
  const { loadEnvConfig, loadSharedConfig, sharedConfigFileList } = require("@sessionkit/config");
  return async (profile) => {
    const env = loadEnvConfig(process.env);
    const shared = loadSharedConfig({
      profile: profile ?? env.profile?.value ?? "default",
      files: sharedConfigFileList(env),
      sharedConfigEnabled: env.sharedConfigEnabled,
    });
    return { region: env.region?.value ?? shared.region?.value, accessKeyId: shared.credentials?.accessKeyId.value };
  };
}

module.exports = { naive, peer, ours };
