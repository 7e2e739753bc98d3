import assert from "node:assert/strict";
import { test } from "node:test";
import { configuredEndpointsIgnored, type EndpointProfileSettings, resolveConfiguredEndpoint } from "./index.js";

// Every combination of the three layers: the code option, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, the profile key.
const CODE = [undefined, true, false] as const;
const ENV = [undefined, "", "true", "TRUE", "false", "yes"] as const;
const FILE = [undefined, true, false] as const;

/** One row per env value, one letter per profile value (unset, true, false): `I` ignored, `-` used. */
const EXPECTED: Record<string, string[]> = {
  // No code option: a set, non-empty variable decides (only `true` in any case ignores); else the profile.
  unset: ["-I-", "-I-", "III", "III", "---", "---"],
  true: ["III", "III", "III", "III", "III", "III"],
  false: ["---", "---", "---", "---", "---", "---"],
};

const grid = (ask: (code: boolean | undefined, env: Record<string, string>, profile: EndpointProfileSettings) => boolean) =>
  Object.fromEntries(
    CODE.map((code) => [
      String(code ?? "unset"),
      ENV.map((v) =>
        FILE.map((f) => {
          const env: Record<string, string> = { AWS_ENDPOINT_URL: "http://env" };
          if (v !== undefined) env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = v;
          const profile: EndpointProfileSettings = {
            endpointUrl: { value: "http://profile", source: { source: "default" } },
            ...(f !== undefined && { ignoreConfiguredEndpointUrls: { value: f, source: { source: "default" } } }),
          };
          return ask(code, env, profile) ? "I" : "-";
        }).join(""),
      ),
    ]),
  );

test("configuredEndpointsIgnored: code option, then a set variable (true in any case), then the profile key", () => {
  assert.deepEqual(
    grid((code, env, profile) => configuredEndpointsIgnored(env, profile, code)),
    EXPECTED,
  );
  assert.equal(configuredEndpointsIgnored(), false);
});

test("resolveConfiguredEndpoint returns no configured URL exactly when configuredEndpointsIgnored says so", () => {
  assert.deepEqual(
    grid((code, env, profile) => resolveConfiguredEndpoint("s3", { ignoreConfiguredEndpointUrls: code, env, profile }) === undefined),
    EXPECTED,
  );
  // The endpoint given in code is used even while configured ones are ignored.
  assert.equal(resolveConfiguredEndpoint("s3", { endpoint: "http://code", ignoreConfiguredEndpointUrls: true })?.value, "http://code");
});
