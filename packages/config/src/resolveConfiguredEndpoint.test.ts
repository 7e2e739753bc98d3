import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import {
  loadEnvConfig,
  loadSharedConfig,
  parseSharedConfigFile,
  resolveConfiguredEndpoint,
  resolveSharedConfig,
  serviceConfigKey,
  serviceEndpointEnvName,
  sharedConfigFileList,
} from "./index.js";

const dir = conformanceDir();
const tmp = mkdtempSync(join(tmpdir(), "sk-config-endpoints-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface EndpointSuite {
  testSuites: {
    profiles: Record<string, Record<string, string>>;
    services: Record<string, Record<string, Record<string, string>>>;
    client_configs: Record<string, { endpoint_url?: string; ignore_configured_endpoint_urls?: boolean }>;
    environments: Record<string, Record<string, string>>;
    endpointUrlTests: {
      name: string;
      profile: string;
      client_config: string;
      environment: string;
      service: string;
      output: { endpointUrl: string };
    }[];
  }[];
}

/** Writes the config file the way botocore's harness does: `[profile X]` plus its `[services]` section. */
function configText(suite: EndpointSuite["testSuites"][number], profile: string): string {
  const props = suite.profiles[profile] ?? {};
  let text = `[profile ${profile}]\n`;
  for (const [k, v] of Object.entries(props)) text += `${k}=${v}\n`;
  const services = props.services;
  if (services !== undefined) {
    text += `\n[services ${services}]\n`;
    for (const [service, settings] of Object.entries(suite.services[services] ?? {})) {
      text += `${service} =\n`;
      for (const [k, v] of Object.entries(settings)) text += `  ${k}=${v}\n`;
    }
  }
  return text;
}

test("botocore configured_endpoint_urls/profile-tests.json: all 39 cases", { skip: dir.skip }, () => {
  const file = join(dir.value ?? "", "botocore/tests/functional/configured_endpoint_urls/profile-tests.json");
  const suite = (JSON.parse(readFileSync(file, "utf8")) as EndpointSuite).testSuites[0];
  assert.ok(suite);
  const failures: string[] = [];
  let passed = 0;
  for (const [i, t] of suite.endpointUrlTests.entries()) {
    const configPath = join(tmp, `config-${i}`);
    writeFileSync(configPath, configText(suite, t.profile));
    const env = { HOME: tmp, AWS_CONFIG_FILE: configPath, AWS_PROFILE: t.profile, ...suite.environments[t.environment] };
    const envConfig = loadEnvConfig(env, { sharedConfigEnabled: true });
    const shared = loadSharedConfig({
      profile: envConfig.profile?.value ?? "default",
      files: sharedConfigFileList(envConfig),
      sharedConfigEnabled: true,
    });
    const client = suite.client_configs[t.client_config] ?? {};
    const configured = resolveConfiguredEndpoint(t.service, {
      endpoint: client.endpoint_url,
      ignoreConfiguredEndpointUrls: client.ignore_configured_endpoint_urls,
      env,
      profile: shared,
    });
    const url = configured?.value ?? `https://${t.service}.${shared.region?.value}.amazonaws.com`;
    if (url === t.output.endpointUrl) passed++;
    else failures.push(`${t.name}: got ${url}, want ${t.output.endpointUrl}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual([suite.endpointUrlTests.length, passed], [39, 39]);
});

test("each configured endpoint reports where it came from", () => {
  const text = [
    "[profile dev]",
    "endpoint_url = https://profile.example",
    "services = local",
    "",
    "[services local]",
    "s3 =",
    "  endpoint_url = https://s3.local # comment",
    "elastic_beanstalk =",
    "  Endpoint_URL = https://eb.local",
  ].join("\n");
  const file = parseSharedConfigFile(text, { kind: "config", path: "/cfg" });
  const profile = resolveSharedConfig("dev", [file], { sharedConfigEnabled: true });
  const at = (service: string, env: Record<string, string> = {}) => resolveConfiguredEndpoint(service, { env, profile });
  assert.deepEqual(at("S3"), {
    value: "https://s3.local",
    source: { source: "file", path: "/cfg", line: 7, profile: "services local", key: "s3.endpoint_url" },
  });
  assert.deepEqual(at("Elastic Beanstalk")?.source, {
    source: "file",
    path: "/cfg",
    line: 9,
    profile: "services local",
    key: "elastic_beanstalk.endpoint_url",
  });
  assert.deepEqual(at("dynamodb")?.source, { source: "file", path: "/cfg", line: 2, profile: "dev", key: "endpoint_url" });
  assert.deepEqual(at("s3", { AWS_ENDPOINT_URL: "http://g" })?.source, { source: "env", name: "AWS_ENDPOINT_URL" });
  assert.deepEqual(resolveConfiguredEndpoint("s3", { endpoint: "http://code", profile })?.source, {
    source: "code",
    option: "endpoint",
  });
  // The code option beats the env switch, which beats the profile key.
  assert.equal(at("s3", { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }), undefined);
  assert.equal(
    resolveConfiguredEndpoint("s3", { env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }, ignoreConfiguredEndpointUrls: false, profile })
      ?.value,
    "https://s3.local",
  );
  assert.deepEqual(
    [serviceConfigKey("Elastic Beanstalk"), serviceEndpointEnvName("Elastic Beanstalk"), serviceEndpointEnvName("sts")],
    ["elastic_beanstalk", "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", "AWS_ENDPOINT_URL_STS"],
  );
});
