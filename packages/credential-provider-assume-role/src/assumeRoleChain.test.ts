import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseSharedConfigFile, profileChain, resolveSharedConfig } from "@sessionkit/config";
import { staticCredentials } from "@sessionkit/credentials";
import { isSdkError } from "@sessionkit/errors";
import { assumeRoleChain, assumeRoleDurationSeconds, stsClientFactory } from "./assumeRoleChain.js";
import { assumeRoleXml, configProvider, type StsServer, stsServer } from "./testFixtures.js";

let server: StsServer;
before(async () => {
  server = await stsServer((_call, n) => ({ status: 200, body: assumeRoleXml(`ASIAHOP${n}`, new Date(Date.now() + 3_600_000)) }));
});
after(() => server.close());

function chainOf(configText: string, profile: string) {
  const cfg = resolveSharedConfig(profile, [parseSharedConfigFile(configText, { kind: "config", path: "/cfg" })], { sharedConfigEnabled: true });
  return profileChain(cfg);
}

test("Go's duration rule: option, else duration_seconds above 15 whole minutes, else 900", () => {
  const cases: Array<[number | undefined, number | undefined]> = [
    [undefined, undefined],
    [undefined, 1800],
    [undefined, 600],
    [undefined, 959],
    [undefined, 960],
    [1800, 600],
    [300, undefined],
    [0, 3600],
  ];
  assert.deepEqual(
    cases.map(([o, p]) => assumeRoleDurationSeconds(o, p)),
    [900, 1800, 900, 900, 960, 1800, 300, 3600],
  );
});

test("a two-role chain: each AssumeRole is signed with the previous step's credentials, with its own settings", async () => {
  const [base, ...steps] = chainOf(
    [
      "[profile base]\naws_access_key_id = AKBASE\naws_secret_access_key = SKBASE",
      "[profile middle]\nrole_arn = arn:aws:iam::111111111111:role/middle\nsource_profile = base\nexternal_id = ext-m\nduration_seconds = 1800",
      "[profile top]\nrole_arn = arn:aws:iam::222222222222:role/top\nsource_profile = middle\nrole_session_name = top-session\nmfa_serial = arn:aws:iam::111111111111:mfa/me",
    ].join("\n"),
    "top",
  );
  assert.equal(base.type, "staticKeys");
  if (base.type !== "staticKeys") return;
  const codes: string[] = [];
  const credentials = assumeRoleChain(staticCredentials({ accessKeyId: base.accessKeyId.value, secretAccessKey: base.secretAccessKey.value }), steps, {
    client: stsClientFactory(configProvider(server.endpoint)),
    tokenProvider: () => {
      codes.push("asked");
      return Promise.resolve("7777777");
    },
    clock: () => 1_700_000_000_000,
  });
  const v = await credentials.get();
  assert.deepEqual([v.accessKeyId, v.providerName, codes.length], ["ASIAHOP1", "AssumeRoleProvider", 1]);
  assert.deepEqual(
    server.calls.map((c) => ({ signer: /Credential=([^/]+)\//.exec(c.authorization ?? "")?.[1], ...c.form })),
    [
      {
        signer: "AKBASE",
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: "arn:aws:iam::111111111111:role/middle",
        RoleSessionName: "1700000000000000000",
        DurationSeconds: "1800",
        ExternalId: "ext-m",
      },
      {
        signer: "ASIAHOP0",
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: "arn:aws:iam::222222222222:role/top",
        RoleSessionName: "top-session",
        DurationSeconds: "900",
        SerialNumber: "arn:aws:iam::111111111111:mfa/me",
        TokenCode: "7777777",
      },
    ],
  );
});

test("mfa_serial without a token provider fails when the chain is built, naming the profile", () => {
  const [, ...steps] = chainOf(
    "[profile base]\naws_access_key_id = A\naws_secret_access_key = S\n[profile mfa]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me",
    "mfa",
  );
  assert.throws(
    () => assumeRoleChain(staticCredentials({ accessKeyId: "A", secretAccessKey: "S" }), steps, { client: stsClientFactory(configProvider(server.endpoint)) }),
    (e: unknown) =>
      isSdkError(e, "AssumeRoleTokenProviderNotSetError") &&
      e.message === "AssumeRoleTokenProviderNotSetError: assume role with MFA enabled, but AssumeRoleTokenProvider session option not set (profile mfa)",
  );
});
