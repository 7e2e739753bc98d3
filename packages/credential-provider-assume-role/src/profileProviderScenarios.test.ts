// The assume-role scenarios of the cross-SDK `profile-provider` suite, replayed through the STS client's
// transport seam with this package's providers. The glue a session does (env → region, configured endpoint,
// FIPS/dual-stack, the profile chain) is spelled out here with @sessionkit/config; the session replays the
// same folders through its own credential resolution.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { stsEndpoint } from "@sessionkit/client-sts";
import { parseSharedConfigFile, profileChain, resolveConfiguredEndpoint, resolveSharedConfig } from "@sessionkit/config";
import { staticCredentials } from "@sessionkit/credentials";
import { conformanceDir } from "@sessionkit/test-env";
import { assumeRoleChain, stsClientFactory } from "./assumeRoleChain.js";
import { configProvider, replayTransport } from "./testFixtures.js";

const dir = conformanceDir();
const root = join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-config/test-data/profile-provider");

const SCENARIOS = [
  "e2e_assume_role",
  "retry_on_error",
  "region_override",
  "e2e_fips_and_dual_stack_sts",
  "assume_role_override_global_env_url",
  "assume_role_override_service_env_url",
  "assume_role_override_global_profile_url",
  "assume_role_override_service_profile_url",
];

for (const name of SCENARIOS) {
  test(`profile-provider/${name}`, { skip: dir.skip }, async () => {
    const read = (f: string) => {
      const p = join(root, name, f);
      return existsSync(p) ? readFileSync(p, "utf8") : undefined;
    };
    const env = JSON.parse(read("env.json") ?? "{}") as Record<string, string>;
    const files = [
      ["fs/home/.aws/config", "config"],
      ["fs/home/.aws/credentials", "credentials"],
    ] as const;
    const parsed = files.flatMap(([f, kind]) => {
      const text = read(f);
      return text === undefined ? [] : [parseSharedConfigFile(text, { kind, path: `/home/.aws/${kind}` })];
    });
    const cfg = resolveSharedConfig(env.AWS_PROFILE ?? "default", parsed, { sharedConfigEnabled: true });
    const [base, ...steps] = profileChain(cfg);
    assert.equal(base.type, "staticKeys");
    if (base.type !== "staticKeys") return;
    // The profile provider ignores env credentials (they are set in e2e_assume_role on purpose).
    const source = staticCredentials({ accessKeyId: base.accessKeyId.value, secretAccessKey: base.secretAccessKey.value });

    const region = env.AWS_REGION ?? cfg.region?.value ?? "";
    const configured = resolveConfiguredEndpoint("sts", { env, profile: cfg })?.value;
    const endpoint =
      configured ??
      (cfg.useFipsEndpoint?.value || cfg.useDualStackEndpoint?.value
        ? stsEndpoint(region, { useFipsEndpoint: cfg.useFipsEndpoint?.value, useDualStackEndpoint: cfg.useDualStackEndpoint?.value }).url
        : undefined);
    const transport = replayTransport(JSON.parse(read("http-traffic.json") ?? "{}"));
    // The recordings come from the Rust SDK, whose STS endpoints are regional.
    const provider = configProvider(endpoint, { region, transport, stsRegionalEndpoints: "regional" });
    const credentials = assumeRoleChain(source, steps, { client: stsClientFactory(provider) });

    const v = await credentials.get();
    const expected = (JSON.parse(read("test-case.json") ?? "{}") as { result: { Ok: unknown } }).result.Ok;
    assert.deepEqual(
      {
        access_key_id: v.accessKeyId,
        secret_access_key: v.secretAccessKey,
        session_token: v.sessionToken,
        account_id: v.accountId,
        expiry: (v.expiration?.getTime() ?? 0) / 1000,
      },
      expected,
    );
    assert.ok(transport.requests.length >= 1);
    for (const r of transport.requests) {
      assert.deepEqual({ uri: r.uri.replace(/\/$/, ""), method: r.method, contentType: r.contentType }, { ...r.expected, uri: r.expected.uri.replace(/\/$/, "") });
    }
    assert.equal(transport.requests.length, name === "retry_on_error" ? 2 : 1);
  });
}
