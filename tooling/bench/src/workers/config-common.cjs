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

// Ours: a session for the profile (shared config enabled through AWS_SDK_LOAD_CONFIG=1, set by the harness).
function ours() {
  const { newSessionWithOptions } = require("@sessionkit/session");
  return async (profile) => {
    const sess = newSessionWithOptions({ profile });
    const creds = await sess.config.credentials.get();
    return { region: sess.config.region, accessKeyId: creds.accessKeyId };
  };
}

module.exports = { naive, peer, ours };
