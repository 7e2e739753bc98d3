import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { type EnvConfig, EnvConfigError, goParseBool, loadEnvConfig, type Sourced } from "./index.js";

const HOME = { HOME: "/home/u" };

/** Every set field as `value @ VARIABLE` (file paths and the shared-config flag left out). */
function summary(cfg: EnvConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, v: Sourced<unknown> | undefined) => {
    if (v !== undefined) out[name] = `${String(v.value)} @ ${v.source.source === "env" ? v.source.name : v.source.source}`;
  };
  for (const [k, v] of Object.entries(cfg)) {
    if (k === "credentials" || k === "sharedConfigEnabled" || k === "sharedConfigFile" || k === "sharedCredentialsFile") continue;
    add(k, v as Sourced<unknown>);
  }
  if (cfg.credentials !== undefined) {
    add("accessKeyId", cfg.credentials.accessKeyId);
    add("secretAccessKey", cfg.credentials.secretAccessKey);
    add("sessionToken", cfg.credentials.sessionToken);
  }
  return out;
}

const cases: { name: string; env: Record<string, string>; enabled?: boolean; want: Record<string, string> }[] = [
  {
    name: "keys and token",
    env: { AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "SECRET", AWS_SESSION_TOKEN: "TOKEN" },
    want: {
      accessKeyId: "AKID @ AWS_ACCESS_KEY_ID",
      secretAccessKey: "SECRET @ AWS_SECRET_ACCESS_KEY",
      sessionToken: "TOKEN @ AWS_SESSION_TOKEN",
    },
  },
  {
    name: "alias names",
    env: { AWS_ACCESS_KEY: "AKID", AWS_SECRET_KEY: "SECRET" },
    want: { accessKeyId: "AKID @ AWS_ACCESS_KEY", secretAccessKey: "SECRET @ AWS_SECRET_KEY" },
  },
  {
    name: "the first non-empty alias wins",
    env: { AWS_ACCESS_KEY_ID: "", AWS_ACCESS_KEY: "AKID2", AWS_SECRET_ACCESS_KEY: "S1", AWS_SECRET_KEY: "S2" },
    want: { accessKeyId: "AKID2 @ AWS_ACCESS_KEY", secretAccessKey: "S1 @ AWS_SECRET_ACCESS_KEY" },
  },
  { name: "a lone key is ignored", env: { AWS_ACCESS_KEY_ID: "AKID", AWS_SESSION_TOKEN: "T" }, want: {} },
  { name: "a lone secret is ignored", env: { AWS_SECRET_ACCESS_KEY: "S" }, want: {} },
  {
    name: "AWS_DEFAULT_REGION / AWS_DEFAULT_PROFILE need shared config",
    env: { AWS_DEFAULT_REGION: "eu-west-1", AWS_DEFAULT_PROFILE: "p" },
    want: {},
  },
  {
    name: "AWS_DEFAULT_* with AWS_SDK_LOAD_CONFIG=1",
    env: { AWS_SDK_LOAD_CONFIG: "1", AWS_DEFAULT_REGION: "eu-west-1", AWS_DEFAULT_PROFILE: "p" },
    want: { region: "eu-west-1 @ AWS_DEFAULT_REGION", profile: "p @ AWS_DEFAULT_PROFILE" },
  },
  {
    name: "AWS_REGION and AWS_PROFILE beat the defaults",
    env: { AWS_REGION: "us-east-2", AWS_DEFAULT_REGION: "eu-west-1", AWS_PROFILE: "a", AWS_DEFAULT_PROFILE: "b" },
    enabled: true,
    want: { region: "us-east-2 @ AWS_REGION", profile: "a @ AWS_PROFILE" },
  },
  {
    name: "regional endpoint modes are case-insensitive",
    env: { AWS_STS_REGIONAL_ENDPOINTS: "Regional", AWS_S3_US_EAST_1_REGIONAL_ENDPOINT: "LEGACY" },
    want: {
      stsRegionalEndpoints: "regional @ AWS_STS_REGIONAL_ENDPOINTS",
      s3UsEast1RegionalEndpoint: "legacy @ AWS_S3_US_EAST_1_REGIONAL_ENDPOINT",
    },
  },
  {
    name: "booleans and IMDS settings",
    env: {
      AWS_S3_USE_ARN_REGION: "TRUE",
      AWS_USE_DUALSTACK_ENDPOINT: "false",
      AWS_USE_FIPS_ENDPOINT: "True",
      AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://[fd00:ec2::254]",
      AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: " ipv6 ",
      AWS_EC2_METADATA_V1_DISABLED: "invalid",
      AWS_ENABLE_ENDPOINT_DISCOVERY: "FALSE",
      AWS_CSM_ENABLED: "yes",
    },
    want: {
      s3UseArnRegion: "true @ AWS_S3_USE_ARN_REGION",
      useDualStackEndpoint: "false @ AWS_USE_DUALSTACK_ENDPOINT",
      useFipsEndpoint: "true @ AWS_USE_FIPS_ENDPOINT",
      ec2MetadataServiceEndpoint: "http://[fd00:ec2::254] @ AWS_EC2_METADATA_SERVICE_ENDPOINT",
      ec2MetadataServiceEndpointMode: "IPv6 @ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
      // Go allocates the flag for any value and sets it only for "true".
      ec2MetadataV1Disabled: "false @ AWS_EC2_METADATA_V1_DISABLED",
      // Only the exact string "false" disables discovery.
      endpointDiscoveryEnabled: "true @ AWS_ENABLE_ENDPOINT_DISCOVERY",
      // ParseBool: "yes" is not true.
      csmEnabled: "false @ AWS_CSM_ENABLED",
    },
  },
  {
    name: "web identity, role, CA bundle, TLS, CSM, endpoints",
    env: {
      AWS_WEB_IDENTITY_TOKEN_FILE: "/t",
      AWS_ROLE_ARN: "arn:r",
      AWS_ROLE_SESSION_NAME: "s",
      AWS_CA_BUNDLE: "/ca.pem",
      AWS_SDK_GO_CLIENT_TLS_CERT: "/c.pem",
      AWS_SDK_GO_CLIENT_TLS_KEY: "/k.pem",
      AWS_CSM_HOST: "h",
      AWS_CSM_PORT: "1",
      AWS_CSM_CLIENT_ID: "c",
      AWS_ENDPOINT_URL: "http://localhost:1",
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE",
    },
    want: {
      webIdentityTokenFile: "/t @ AWS_WEB_IDENTITY_TOKEN_FILE",
      roleArn: "arn:r @ AWS_ROLE_ARN",
      roleSessionName: "s @ AWS_ROLE_SESSION_NAME",
      caBundle: "/ca.pem @ AWS_CA_BUNDLE",
      clientTlsCert: "/c.pem @ AWS_SDK_GO_CLIENT_TLS_CERT",
      clientTlsKey: "/k.pem @ AWS_SDK_GO_CLIENT_TLS_KEY",
      csmHost: "h @ AWS_CSM_HOST",
      csmPort: "1 @ AWS_CSM_PORT",
      csmClientId: "c @ AWS_CSM_CLIENT_ID",
      endpointUrl: "http://localhost:1 @ AWS_ENDPOINT_URL",
      ignoreConfiguredEndpointUrls: "true @ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    },
  },
];

for (const c of cases) {
  test(`loadEnvConfig: ${c.name}`, () => {
    const cfg = loadEnvConfig({ ...HOME, ...c.env }, { sharedConfigEnabled: c.enabled, platform: "linux" });
    assert.deepEqual(summary(cfg), c.want);
  });
}

test("AWS_SDK_LOAD_CONFIG is Go's ParseBool; the caller can force shared config", () => {
  const truthy = ["1", "t", "T", "TRUE", "true", "True"];
  const falsy = ["0", "f", "false", "yes", "on", "TrUe", " 1", ""];
  assert.deepEqual(
    truthy.map((v) => loadEnvConfig({ AWS_SDK_LOAD_CONFIG: v }).sharedConfigEnabled),
    truthy.map(() => true),
  );
  assert.deepEqual(
    falsy.map((v) => loadEnvConfig({ AWS_SDK_LOAD_CONFIG: v }).sharedConfigEnabled),
    falsy.map(() => false),
  );
  assert.equal(loadEnvConfig({ AWS_SDK_LOAD_CONFIG: "0" }, { sharedConfigEnabled: true }).sharedConfigEnabled, true);
  assert.equal(loadEnvConfig({ AWS_SDK_LOAD_CONFIG: "1" }, { sharedConfigEnabled: false }).sharedConfigEnabled, false);
  assert.deepEqual([goParseBool("F"), goParseBool("x"), goParseBool(undefined)], [false, undefined, undefined]);
});

test("bad values fail with Go's exact messages", () => {
  const bad: [Record<string, string>, string, string][] = [
    [
      { AWS_STS_REGIONAL_ENDPOINTS: "global" },
      "AWS_STS_REGIONAL_ENDPOINTS",
      "failed to load, AWS_STS_REGIONAL_ENDPOINTS from env config, unable to resolve the value of STSRegionalEndpoint for global",
    ],
    [
      { AWS_S3_US_EAST_1_REGIONAL_ENDPOINT: "x" },
      "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT",
      "failed to load, AWS_S3_US_EAST_1_REGIONAL_ENDPOINT from env config, unable to resolve the value of S3UsEast1RegionalEndpoint for x",
    ],
    [
      { AWS_S3_USE_ARN_REGION: "1" },
      "AWS_S3_USE_ARN_REGION",
      "invalid value for environment variable, AWS_S3_USE_ARN_REGION=1, need true or false",
    ],
    [
      { AWS_USE_DUALSTACK_ENDPOINT: "yes" },
      "AWS_USE_DUALSTACK_ENDPOINT",
      "invalid value for environment variable, AWS_USE_DUALSTACK_ENDPOINT=yes, need true, false",
    ],
    [
      { AWS_USE_FIPS_ENDPOINT: "on" },
      "AWS_USE_FIPS_ENDPOINT",
      "invalid value for environment variable, AWS_USE_FIPS_ENDPOINT=on, need true, false",
    ],
    [
      { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "foo" },
      "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
      "invalid value for environment variable, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=foo, unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4",
    ],
  ];
  const got = bad.map(([env]) => {
    try {
      loadEnvConfig(env);
      return ["no error"];
    } catch (e) {
      assert.ok(e instanceof EnvConfigError);
      return [e.code, e.variable, e.message];
    }
  });
  assert.deepEqual(
    got,
    bad.map(([, variable, message]) => ["EnvConfigError", variable, `EnvConfigError: ${message}`]),
  );
});

test("env credentials never print their secrets", () => {
  const cfg = loadEnvConfig({
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    AWS_SESSION_TOKEN: "FwoGZXIvYXdzEXAMPLETOKEN",
  });
  assert.equal(cfg.credentials?.secretAccessKey.value, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  for (const text of [JSON.stringify(cfg), inspect(cfg, { depth: 10 }), inspect(cfg, { depth: 10, showHidden: true }), String(cfg.credentials?.sessionToken)]) {
    assert.doesNotMatch(text, /wJalrXUtnFEMI|FwoGZXIvYXdz|AKIAIOSFODNN7/);
  }
  assert.match(JSON.stringify(cfg.credentials?.accessKeyId), /"\*\*\*\*MPLE"/);
});
