// Property-based tests of the environment handling: any environment either loads or fails with an
// EnvConfigError that names a variable that is set (never a TypeError), and the values it accepts are read back
// exactly. FUZZ_RUNS scales the runs (default 500; `pnpm fuzz` sets 200,000).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { EnvConfigError, goParseBool, loadEnvConfig, sharedConfigFilenames } from "./index.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? "") || 500;
// Each run here is a few microseconds: the full count stays well under a minute.
const params = { seed: 0x5e55_10a0, numRuns: RUNS };

/** Every variable loadEnvConfig reads, plus neighbours it must ignore. */
const NAMES = [
  "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN",
  "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CSM_ENABLED", "AWS_CSM_HOST",
  "AWS_CSM_PORT", "AWS_CSM_CLIENT_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
  "AWS_ENABLE_ENDPOINT_DISCOVERY", "AWS_CA_BUNDLE", "AWS_SDK_GO_CLIENT_TLS_CERT", "AWS_SDK_GO_CLIENT_TLS_KEY",
  "AWS_STS_REGIONAL_ENDPOINTS", "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "AWS_S3_USE_ARN_REGION",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "AWS_EC2_METADATA_V1_DISABLED",
  "AWS_USE_DUALSTACK_ENDPOINT", "AWS_USE_FIPS_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_SDK_LOAD_CONFIG", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
  "HOME", "USERPROFILE", "HOMEDRIVE", "HOMEPATH", "aws_region", "AWS_REGION ", "__proto__", "constructor",
];

/** Values near every branch: the accepted spellings, their neighbours, empty, whitespace, control characters. */
const value = fc.oneof(
  fc.constantFrom(
    "", " ", "legacy", "regional", "LEGACY", "Regional", "legacyy", "true", "false", "TRUE", "True", "1", "0", "t", "f",
    "yes", "ipv4", "IPv6", " IPv6 ", "IPv5", "us-east-1", "\u0000", "\r\n", "\ufeff", "é", "😀", "a=b", "/tmp/x", "C:\\x",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const env = fc.dictionary(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 })), value, { maxKeys: 12 });

test("any environment: loads, or throws EnvConfigError naming a variable that is set (never another error)", () => {
  fc.assert(
    fc.property(env, fc.option(fc.boolean(), { nil: undefined }), (e, shared) => {
      try {
        loadEnvConfig(e, shared === undefined ? {} : { sharedConfigEnabled: shared });
      } catch (err) {
        assert.ok(err instanceof EnvConfigError, `unexpected ${String(err)}`);
        assert.ok(Object.hasOwn(e, err.variable) && e[err.variable] !== "", `names ${err.variable}, which is not set`);
        assert.ok(err.message.includes(err.variable), err.message);
      }
    }),
    params,
  );
});

test("accepted values are read back exactly, whatever their case", () => {
  const mode = fc.constantFrom("legacy", "regional").chain((m) =>
    fc.array(fc.boolean(), { minLength: m.length, maxLength: m.length }).map((ups) => [...m].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join("")),
  );
  fc.assert(
    fc.property(mode, mode, fc.constantFrom("true", "false", "TRUE", "False"), (sts, s3, fips) => {
      const cfg = loadEnvConfig({ AWS_STS_REGIONAL_ENDPOINTS: sts, AWS_S3_US_EAST_1_REGIONAL_ENDPOINT: s3, AWS_USE_FIPS_ENDPOINT: fips });
      assert.equal(cfg.stsRegionalEndpoints?.value, sts.toLowerCase());
      assert.equal(cfg.s3UsEast1RegionalEndpoint?.value, s3.toLowerCase());
      assert.equal(cfg.useFipsEndpoint?.value, fips.toLowerCase() === "true");
    }),
    params,
  );
});

test("credentials need both halves; the region and profile follow AWS_SDK_LOAD_CONFIG (Go's ParseBool)", () => {
  const text = fc.string({ maxLength: 10 });
  fc.assert(
    fc.property(fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), text, text, value, (key, secret, region, defRegion, load) => {
      const e: Record<string, string> = { AWS_REGION: region, AWS_DEFAULT_REGION: defRegion, AWS_SDK_LOAD_CONFIG: load };
      if (key !== undefined) e.AWS_ACCESS_KEY_ID = key;
      if (secret !== undefined) e.AWS_SECRET_ACCESS_KEY = secret;
      const cfg = loadEnvConfig(e);
      const both = key !== undefined && key !== "" && secret !== undefined && secret !== "";
      assert.equal(cfg.credentials !== undefined, both);
      if (both) assert.deepEqual([cfg.credentials?.accessKeyId.value, cfg.credentials?.secretAccessKey.value], [key, secret]);
      const enabled = goParseBool(load) === true;
      assert.equal(cfg.sharedConfigEnabled, enabled);
      const want = region !== "" ? region : enabled && defRegion !== "" ? defRegion : undefined;
      assert.equal(cfg.region?.value, want);
    }),
    params,
  );
});

test("file locations: never throw, always end in /.aws/config and /.aws/credentials unless overridden", () => {
  fc.assert(
    fc.property(env, fc.constantFrom("linux", "darwin", "win32"), (e, platform) => {
      const f = sharedConfigFilenames(e, { platform });
      const sep = platform === "win32" ? "\\" : "/";
      if (!e.AWS_CONFIG_FILE) assert.ok(f.configFile.value.endsWith(`.aws${sep}config`), f.configFile.value);
      else assert.equal(f.configFile.value, e.AWS_CONFIG_FILE);
      if (!e.AWS_SHARED_CREDENTIALS_FILE) assert.ok(f.credentialsFile.value.endsWith(`.aws${sep}credentials`), f.credentialsFile.value);
      else assert.equal(f.credentialsFile.value, e.AWS_SHARED_CREDENTIALS_FILE);
    }),
    params,
  );
});
