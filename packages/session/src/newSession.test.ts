// Go v1 aws/session/session_test.go, ported (spec §8). Each test names the Go test it ports; the README's
// table lists what is "same" and what is deliberately different.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AnonymousCredentials, staticCredentials } from "@sessionkit/credentials";
import { LogLevel } from "@sessionkit/handlers";
import { newSession, newSessionWithOptions, type SharedConfigFile, SharedConfigState } from "./index.js";
import { goEnv, goFixture, goSkip, testConfigFilename, testConfigOtherFilename } from "./testing/goFixtures.js";

const skip = goSkip;

test("TestNewDefaultSession: a region from code, the default transport and logger, LogOff", () => {
  const s = newSessionWithOptions({ config: { region: "region" }, env: goEnv() });
  assert.equal(s.config.region, "region");
  assert.equal(typeof s.config.transport.handle, "function");
  assert.equal(typeof s.config.logger.log, "function");
  assert.equal(s.config.logLevel, LogLevel.Off);
  // A second session gets the same default transport (Go's http.DefaultClient), so sockets are pooled.
  assert.equal(newSessionWithOptions({ env: goEnv() }).config.transport, s.config.transport);
});

test("TestNew_WithCustomCreds: credentials given in code are kept as the same object", () => {
  const custom = staticCredentials({ accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN" });
  const s = newSessionWithOptions({ config: { credentials: custom }, env: goEnv() });
  assert.equal(s.config.credentials, custom);
});

test("TestSessionCopy: copy with a new region leaves the original unchanged", () => {
  const s = newSessionWithOptions({ env: goEnv({ AWS_REGION: "orig_region" }) });
  const copied = s.copy({ region: "new_region" });
  assert.deepEqual([s.config.region, copied.config.region], ["orig_region", "new_region"]);
});

test("TestSessionClientConfig: overrides reach the client config; the client derives the endpoint", () => {
  const s = newSessionWithOptions({ config: { credentials: AnonymousCredentials, region: "orig_region" }, env: goEnv() });
  const cfg = s.clientConfig("mock-service", { region: "other-region" });
  assert.equal(cfg.config.region, "other-region");
  assert.equal(cfg.endpoint, undefined);
  assert.equal(s.config.region, "orig_region");
  // With an endpoint in code it is used as is, given a scheme by disableSSL (Go's AddScheme).
  assert.equal(s.clientConfig("mock-service", { endpoint: "example.test:8080" }).endpoint, "https://example.test:8080");
  assert.equal(
    s.clientConfig("mock-service", { endpoint: "example.test", disableSSL: true }).endpoint,
    "http://example.test",
  );
});

test("TestNewSession_NoCredentials: with no env and no files the credentials are the chain, not anonymous", async () => {
  const s = newSessionWithOptions({ env: goEnv() });
  assert.notEqual(s.config.credentials, AnonymousCredentials);
  await assert.rejects(s.config.credentials.get(), { code: "NoCredentialProviders" });
});

const optionOverrides: Record<
  string,
  { options: Parameters<typeof newSessionWithOptions>[0]; env: Record<string, string>; region: string; creds: [string, string]; provider: RegExp }
> = {
  "OverrideProfile: options.profile beats AWS_PROFILE": {
    options: { profile: "full_profile" },
    env: { AWS_SDK_LOAD_CONFIG: "1", AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "other_profile" },
    region: "full_profile_region",
    creds: ["full_profile_akid", "full_profile_secret"],
    provider: /^SharedConfigCredentials: .*shared_config$/,
  },
  "OverrideSharedConfigEnable: Enable with AWS_SDK_LOAD_CONFIG=0": {
    options: { sharedConfigState: SharedConfigState.Enable },
    env: { AWS_SDK_LOAD_CONFIG: "0", AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "full_profile" },
    region: "full_profile_region",
    creds: ["full_profile_akid", "full_profile_secret"],
    provider: /SharedConfigCredentials/,
  },
  "OverrideSharedConfigDisable: Disable with AWS_SDK_LOAD_CONFIG=1 → no region, creds still read": {
    options: { sharedConfigState: SharedConfigState.Disable },
    env: { AWS_SDK_LOAD_CONFIG: "1", AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "full_profile" },
    region: "",
    creds: ["full_profile_akid", "full_profile_secret"],
    provider: /SharedConfigCredentials/,
  },
  "OverrideSharedConfigFiles: the explicit list replaces the env file paths": {
    options: { sharedConfigFiles: [testConfigOtherFilename] },
    env: { AWS_SDK_LOAD_CONFIG: "1", AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "config_file_load_order" },
    region: "shared_config_other_region",
    creds: ["shared_config_other_akid", "shared_config_other_secret"],
    provider: /SharedConfigCredentials: .*shared_config_other$/,
  },
};

for (const [name, c] of Object.entries(optionOverrides)) {
  test(`TestNewSessionWithOptions_${name}`, { skip }, async () => {
    const s = newSessionWithOptions({ ...c.options, env: goEnv(c.env) });
    assert.equal(s.config.region, c.region);
    const creds = await s.config.credentials.get();
    assert.deepEqual([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken], [...c.creds, undefined]);
    assert.match(creds.providerName, c.provider);
  });
}

const overrides: Record<string, { env: Record<string, string>; profile?: string; region: string; creds: [string, string, RegExp] }> = {
  "env profile with opt profile": {
    env: { AWS_SDK_LOAD_CONFIG: "0", AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "other_profile" },
    profile: "full_profile",
    region: "full_profile_region",
    creds: ["full_profile_akid", "full_profile_secret", /SharedConfigCredentials/],
  },
  "env creds with env profile": {
    env: {
      AWS_SDK_LOAD_CONFIG: "0",
      AWS_SHARED_CREDENTIALS_FILE: testConfigFilename,
      AWS_REGION: "env_region",
      AWS_ACCESS_KEY: "env_akid",
      AWS_SECRET_ACCESS_KEY: "env_secret",
      AWS_PROFILE: "other_profile",
    },
    region: "env_region",
    creds: ["env_akid", "env_secret", /^EnvConfigCredentials$/],
  },
  "env creds with opt profile": {
    env: {
      AWS_SDK_LOAD_CONFIG: "0",
      AWS_SHARED_CREDENTIALS_FILE: testConfigFilename,
      AWS_REGION: "env_region",
      AWS_ACCESS_KEY: "env_akid",
      AWS_SECRET_ACCESS_KEY: "env_secret",
      AWS_PROFILE: "other_profile",
    },
    profile: "full_profile",
    region: "env_region",
    creds: ["full_profile_akid", "full_profile_secret", /SharedConfigCredentials/],
  },
  "cfg and cred file with opt profile": {
    env: {
      AWS_SDK_LOAD_CONFIG: "0",
      AWS_SHARED_CREDENTIALS_FILE: testConfigFilename,
      AWS_CONFIG_FILE: testConfigOtherFilename,
      AWS_PROFILE: "other_profile",
    },
    profile: "config_file_load_order",
    region: "shared_config_region",
    creds: ["shared_config_akid", "shared_config_secret", /SharedConfigCredentials/],
  },
};

for (const [name, c] of Object.entries(overrides)) {
  test(`TestNewSessionWithOptions_Overrides: ${name}`, { skip }, async () => {
    const s = newSessionWithOptions({ profile: c.profile, sharedConfigState: SharedConfigState.Enable, env: goEnv(c.env) });
    const creds = await s.config.credentials.get();
    assert.equal(s.config.region, c.region);
    assert.deepEqual([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken], [c.creds[0], c.creds[1], undefined]);
    assert.match(creds.providerName, c.creds[2]);
  });
}

const invalidIni: Record<string, { env?: Record<string, string>; options?: Parameters<typeof newSessionWithOptions>[0]; expect: string }> = {
  "no options": { expect: "SharedConfigLoadError" },
  "env only": { env: { AWS_ACCESS_KEY: "env_akid", AWS_SECRET_ACCESS_KEY: "env_secret" }, expect: "env_akid/EnvConfigCredentials" },
  "static credentials only": {
    options: { config: { credentials: staticCredentials({ accessKeyId: "AKID", secretAccessKey: "SECRET" }) } },
    expect: "AKID/StaticProvider",
  },
  "env profile and env": {
    env: { AWS_ACCESS_KEY: "env_akid", AWS_SECRET_ACCESS_KEY: "env_secret", AWS_PROFILE: "env_profile" },
    expect: "SharedConfigLoadError",
  },
  "opt profile and env": {
    env: { AWS_ACCESS_KEY: "env_akid", AWS_SECRET_ACCESS_KEY: "env_secret" },
    options: { profile: "someProfile" },
    expect: "SharedConfigLoadError",
  },
  "cfg enabled": {
    env: { AWS_ACCESS_KEY: "env_akid", AWS_SECRET_ACCESS_KEY: "env_secret" },
    options: { sharedConfigState: SharedConfigState.Enable },
    expect: "SharedConfigLoadError",
  },
};

for (const [name, c] of Object.entries(invalidIni)) {
  test(`TestNewSession_EnvCredsWithInvalidConfigFile: ${name}`, { skip }, async () => {
    const file = goFixture("shared_config_invalid_ini");
    let outcome: string;
    try {
      const s = newSessionWithOptions({ ...c.options, sharedConfigFiles: [file], env: goEnv(c.env) });
      const creds = await s.config.credentials.get();
      outcome = `${creds.accessKeyId}/${creds.providerName}`;
    } catch (err) {
      outcome = (err as { code?: string }).code ?? String(err);
      // The error names the file at fault.
      assert.match(String((err as Error).message), /shared_config_invalid_ini/);
    }
    assert.equal(outcome, c.expect);
  });
}

const regional: Record<string, { env?: Record<string, string>; config?: { stsRegionalEndpoints?: "legacy" | "regional"; s3UsEast1RegionalEndpoint?: "legacy" | "regional" }; expect: [string, string] }> = {
  default: { expect: ["legacy", "legacy"] },
  "enable regional": { config: { stsRegionalEndpoints: "regional", s3UsEast1RegionalEndpoint: "regional" }, expect: ["regional", "regional"] },
  "sts env enable": { env: { AWS_STS_REGIONAL_ENDPOINTS: "regional" }, expect: ["regional", "legacy"] },
  "sts us-east-1 env merge enable": {
    env: { AWS_STS_REGIONAL_ENDPOINTS: "legacy" },
    config: { stsRegionalEndpoints: "regional" },
    expect: ["regional", "legacy"],
  },
  "s3 us-east-1 env enable": { env: { AWS_S3_US_EAST_1_REGIONAL_ENDPOINT: "regional" }, expect: ["legacy", "regional"] },
  "s3 us-east-1 env merge enable": {
    env: { AWS_S3_US_EAST_1_REGIONAL_ENDPOINT: "legacy" },
    config: { s3UsEast1RegionalEndpoint: "regional" },
    expect: ["legacy", "regional"],
  },
};

for (const [name, c] of Object.entries(regional)) {
  test(`TestSession_RegionalEndpoints: ${name}`, () => {
    const s = newSessionWithOptions({ config: c.config, env: goEnv(c.env) });
    assert.deepEqual([s.config.stsRegionalEndpoints, s.config.s3UsEast1RegionalEndpoint], c.expect);
  });
}

test("TestSession_RegionalEndpoints: a bad AWS_STS_REGIONAL_ENDPOINTS fails creation naming the variable", () => {
  assert.throws(() => newSessionWithOptions({ env: goEnv({ AWS_STS_REGIONAL_ENDPOINTS: "sideways" }) }), (err: Error) => {
    assert.match(err.message, /AWS_STS_REGIONAL_ENDPOINTS/);
    assert.match(err.message, /sideways/);
    return true;
  });
});

test("newSession(...configs) is newSessionWithOptions({ config }) with the configs merged, later ones winning", () => {
  const s = newSession({ region: "us-west-1", maxRetries: 1 }, { region: "eu-central-1" }, undefined);
  assert.deepEqual([s.config.region, s.config.maxRetries], ["eu-central-1", 1]);
});

test("TestNewSession_ResolveEndpointError (adapted): an empty region fails at the client's validate phase, nothing is sent", async () => {
  const { S3 } = await import("./testing/clientS3.js");
  const sent: string[] = [];
  const transport = {
    handle: (r: { hostname: string }) => {
      sent.push(r.hostname);
      return Promise.reject(new Error("must not be called"));
    },
  };
  const s = newSessionWithOptions({
    config: { region: "", credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" }, transport },
    env: goEnv(),
  });
  await assert.rejects(new S3(s).listBuckets(), { code: "MissingRegion" });
  assert.deepEqual(sent, []);
});

test("deliberate difference: a profile named in options that no file defines fails, naming it and the files", { skip }, () => {
  assert.throws(
    () => newSessionWithOptions({ profile: "no_such_profile", env: goEnv({ AWS_SHARED_CREDENTIALS_FILE: testConfigFilename }) }),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, "SharedConfigProfileNotExistsError");
      assert.match(err.message, /no_such_profile/);
      assert.match(err.message, /testdata\/shared_config/);
      return true;
    },
  );
  // Through AWS_PROFILE it is ignored, as in Go: the session falls back to the default chain.
  const s = newSessionWithOptions({ env: goEnv({ AWS_SHARED_CREDENTIALS_FILE: testConfigFilename, AWS_PROFILE: "no_such_profile" }) });
  assert.equal(s.explain().get("credentials")?.value, "ChainProvider (no credentials configured)");
});

test("Go quirk (spec §1.5): Disable with AWS_SDK_LOAD_CONFIG=1 still reads AWS_DEFAULT_REGION; FromEnv without it does not", () => {
  const env = { AWS_DEFAULT_REGION: "default-region-env" };
  const disabled = newSessionWithOptions({ sharedConfigState: SharedConfigState.Disable, env: goEnv({ ...env, AWS_SDK_LOAD_CONFIG: "1" }) });
  const off = newSessionWithOptions({ env: goEnv(env) });
  const enabled = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, env: goEnv(env) });
  assert.deepEqual([disabled.config.region, off.config.region, enabled.config.region], ["default-region-env", "", "default-region-env"]);
});

test("AWS_SDK_LOAD_CONFIG is Go's ParseBool: 1 t T TRUE true True are true, anything else (yes) false", () => {
  const states = ["1", "t", "T", "TRUE", "true", "True", "yes", "0", "false", ""].map(
    (v) => newSessionWithOptions({ env: goEnv({ AWS_SDK_LOAD_CONFIG: v }) }).explain().get("sharedConfig")?.value,
  );
  assert.deepEqual(states, ["enabled", "enabled", "enabled", "enabled", "enabled", "enabled", "disabled", "disabled", "disabled", "disabled"]);
});

test("code beats env and files, and an empty region in code counts as unset", () => {
  const env = goEnv({ AWS_REGION: "env-region" });
  assert.equal(newSessionWithOptions({ config: { region: "code-region" }, env }).config.region, "code-region");
  assert.equal(newSessionWithOptions({ config: { region: "" }, env }).config.region, "env-region");
  assert.deepEqual(newSessionWithOptions({ config: { region: "" }, env }).explain().get("region")?.source, {
    source: "env",
    name: "AWS_REGION",
  });
});

test("explain names each file's own source, also when AWS_CONFIG_FILE names the credentials file's path", () => {
  const home = "/nonexistent-home";
  const credentials = `${home}/.aws/credentials`;
  const s = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, env: { HOME: home, AWS_CONFIG_FILE: credentials } });
  assert.deepEqual(
    [0, 1].map((i) => s.explain().get(`files[${i}]`)).map((e) => [e?.value, e?.source]),
    [
      [`${credentials} (config)`, { source: "env", name: "AWS_CONFIG_FILE" }],
      [`${credentials} (credentials)`, { source: "default", note: "in the home directory from HOME" }],
    ],
  );
});

test("a null config is skipped as Go's MergeIn skips a nil *Config: newSession, copy and clientConfig (was a TypeError)", () => {
  const nil = null as unknown as undefined; // what a JavaScript caller may pass for "no config"
  const s = newSessionWithOptions({ config: { region: "us-west-1" }, env: goEnv({}) });
  assert.deepEqual(
    [newSession({ region: "eu-central-1" }, nil).config.region, s.copy(nil).config.region, s.clientConfig("s3", nil).config.region],
    ["eu-central-1", "us-west-1", "us-west-1"],
  );
});

test("sharedConfigFiles: a string is read with Go's lax lookup whatever its name; { path, kind } applies the file's format", () => {
  const dir = mkdtempSync(join(tmpdir(), "sk-session-files-"));
  const config = join(dir, "config");
  writeFileSync(config, "[bare]\nregion = from-bare-section\n");
  try {
    const region = (file: SharedConfigFile): string | Error => {
      try {
        return newSessionWithOptions({ sharedConfigFiles: [file], profile: "bare", sharedConfigState: SharedConfigState.Enable, env: {} }).config.region;
      } catch (err) {
        return err as Error;
      }
    };
    const [lax, strict] = [region(config), region({ path: config, kind: "config" })];
    assert.deepEqual([lax, (strict as { code?: string }).code], ["from-bare-section", "SharedConfigProfileNotExistsError"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the clients' endpoint and explain's endpoint lines follow one ignore rule for every env × profile value", () => {
  const dir = mkdtempSync(join(tmpdir(), "sk-session-ignore-grid-"));
  try {
    // Rows: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS unset, "", "true", "TRUE", "false", "yes"; one letter per profile
    // ignore_configured_endpoint_urls unset, true, false: `I` ignored, `-` used (and shown by explain).
    const files = ["", "ignore_configured_endpoint_urls = true\n", "ignore_configured_endpoint_urls = false\n"].map((line, i) => {
      const path = join(dir, `config-${i}`);
      writeFileSync(path, `[default]\nendpoint_url = http://profile-endpoint\n${line}`);
      return path;
    });
    const grid = [undefined, "", "true", "TRUE", "false", "yes"].map((v) =>
      files
        .map((config) => {
          const env: Record<string, string> = { HOME: dir, AWS_CONFIG_FILE: config, AWS_ENDPOINT_URL_S3: "http://env-s3" };
          if (v !== undefined) env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = v;
          const s = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, env });
          const shown = s.explain().entries.filter((e) => e.setting.startsWith("endpointUrl")).length;
          const endpoint = s.clientConfig("s3").endpoint;
          return endpoint === undefined && shown === 0 ? "I" : endpoint === "http://env-s3" && shown === 2 ? "-" : `?${endpoint}/${shown}`;
        })
        .join(""),
    );
    assert.deepEqual(grid, ["-I-", "-I-", "III", "III", "---", "---"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("explain lists AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> only, not a variable no client reads", () => {
  const s = newSessionWithOptions({
    env: {
      HOME: tmpdir(),
      AWS_ENDPOINT_URLS: "http://typo",
      AWS_ENDPOINT_URL_: "http://no-service",
      AWS_ENDPOINT_URL: "http://all",
      AWS_ENDPOINT_URL_S3: "http://s3",
    },
  });
  const shown = s.explain().entries.filter((e) => e.setting.startsWith("endpointUrl"));
  assert.deepEqual(
    shown.map((e) => [e.setting, e.value, (e.source as { name?: string }).name]),
    [
      ["endpointUrl[*]", "http://all", "AWS_ENDPOINT_URL"],
      ["endpointUrl[s3]", "http://s3", "AWS_ENDPOINT_URL_S3"],
    ],
  );
});

test("explain lists no configured endpoint URL while they are ignored (clients use none of them)", () => {
  const dir = mkdtempSync(join(tmpdir(), "sk-session-ignore-"));
  const config = join(dir, "config");
  writeFileSync(config, "[default]\nendpoint_url = http://profile-endpoint\nignore_configured_endpoint_urls = true\n");
  try {
    const rows = (env: Record<string, string>): unknown[] => {
      const s = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, env: { HOME: dir, AWS_CONFIG_FILE: config, ...env } });
      const shown = s.explain().entries.filter((e) => e.setting.startsWith("endpointUrl"));
      return [s.clientConfig("s3").endpoint, ...shown.map((e) => [e.setting, e.value, e.source.source])];
    };
    assert.deepEqual(
      [rows({ AWS_ENDPOINT_URL_S3: "http://env-s3" }), rows({ AWS_ENDPOINT_URL_S3: "http://env-s3", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "false" })],
      [
        [undefined],
        ["http://env-s3", ["endpointUrl[*]", "http://profile-endpoint", "file"], ["endpointUrl[s3]", "http://env-s3", "env"]],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
