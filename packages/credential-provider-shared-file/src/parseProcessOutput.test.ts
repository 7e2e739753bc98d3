import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { inspect } from "node:util";
import { conformanceDir } from "@sessionkit/test-env";
import { parseProcessOutput } from "./parseProcessOutput.js";

const dir = conformanceDir();
const fixture = (name: string): string =>
  readFileSync(join(dir.value ?? "", "aws-sdk-go/aws/credentials/processcreds/testdata", name), "utf8");

const outcome = (stdout: string, accountId?: string): unknown => {
  try {
    const v = parseProcessOutput(stdout, accountId);
    return {
      accessKeyId: v.accessKeyId,
      secretAccessKey: v.secretAccessKey,
      sessionToken: v.sessionToken,
      expiration: v.expiration?.toISOString(),
      accountId: v.accountId,
      providerName: v.providerName,
    };
  } catch (err) {
    return { error: (err as Error).message, code: (err as { code?: string }).code, name: (err as Error).name };
  }
};

test("Go v1's processcreds fixtures (conformance README §10)", { skip: dir.skip }, () => {
  const ok = (accessKeyId: string, secretAccessKey: string, sessionToken?: string, expiration?: string) => ({
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiration,
    accountId: undefined,
    providerName: "ProcessProvider",
  });
  const err = (code: string, error: string) => ({ code, error: `${code}: ${error}`, name: "ProcessProviderError" });
  const files = ["static.json", "nonexpire.json", "expired.json", "malformed.json", "wrongversion.json", "missingkey.json", "missingsecret.json", "verybad.json"];
  assert.deepEqual(
    files.map((f) => outcome(fixture(f))),
    [
      ok("accesskey", "secretkey"),
      ok("accessKey", "secret", "nonDefaultToken"),
      ok("accessKey", "secret", "tokenDefault", "2000-01-01T00:00:00.000Z"),
      err("ProcessProviderParseError", "parse failed of credential_process output: invalid JSON"),
      err("ProcessProviderVersionError", "wrong version in process output (not 1)"),
      // missingkey.json holds only AccessKeyId; missingsecret.json only SecretAccessKey (names swapped upstream).
      err("ProcessProviderRequiredError", "missing SecretAccessKey in process output"),
      err("ProcessProviderRequiredError", "missing AccessKeyId in process output"),
      ok("veryBadAccessKeyID", "veryBadSecretAccessKey"),
    ],
  );
  const long = parseProcessOutput(fixture("longsessiontoken.json"));
  assert.equal(long.sessionToken, JSON.parse(fixture("longsessiontoken.json")).SessionToken);
  assert.equal(long.expiration?.toISOString(), "2199-01-01T00:00:00.000Z");
});

test("AccountId, its fallback, CredentialScope and bad field types", () => {
  const base = { Version: 1, AccessKeyId: "AK", SecretAccessKey: "SK" };
  assert.deepEqual(
    [
      outcome(JSON.stringify({ ...base, AccountId: "123456789002" }), "123456789001"),
      outcome(JSON.stringify(base), "123456789001"),
      outcome(JSON.stringify({ ...base, Expiration: "2022-05-02T18:36:00+00:00" })),
      outcome(JSON.stringify({ ...base, Expiration: "tomorrow" })),
      outcome(JSON.stringify({ ...base, Expiration: 1651516560 })),
      outcome(JSON.stringify({ ...base, SessionToken: ["x"] })),
      outcome('"just a string"'),
      outcome(JSON.stringify({ ...base, Version: "1" })),
    ].map((o) => (o as { accountId?: string; expiration?: string; error?: string }).error ?? [(o as { accountId?: string }).accountId, (o as { expiration?: string }).expiration]),
    [
      ["123456789002", undefined],
      ["123456789001", undefined],
      [undefined, "2022-05-02T18:36:00.000Z"],
      "ProcessProviderParseError: parse failed of credential_process output: Expiration is not an RFC 3339 date-time",
      "ProcessProviderParseError: parse failed of credential_process output: Expiration is not a string",
      "ProcessProviderParseError: parse failed of credential_process output: SessionToken is not a string",
      "ProcessProviderParseError: parse failed of credential_process output: not a JSON object",
      "ProcessProviderVersionError: wrong version in process output (not 1)",
    ],
  );
  assert.equal(parseProcessOutput(JSON.stringify({ ...base, CredentialScope: "us-east-2" })).credentialScope, "us-east-2");
});

test("an Expiration whose day or hour is out of range is a parse error, as Go's time.Parse (Date.parse rolls it over)", () => {
  const base = { Version: 1, AccessKeyId: "AK", SecretAccessKey: "SK" };
  const expiry = (Expiration: string): unknown => {
    const o = outcome(JSON.stringify({ ...base, Expiration })) as { expiration?: string; code?: string };
    return o.code ?? o.expiration;
  };
  assert.deepEqual(
    ["2030-02-30T00:00:00Z", "2029-02-29T12:00:00Z", "2030-04-31T00:00:00Z", "2030-01-01T24:00:00Z", "2028-02-29T23:59:59-01:00", "2030-01-31t10:00:00z"].map(expiry),
    [
      "ProcessProviderParseError",
      "ProcessProviderParseError",
      "ProcessProviderParseError",
      "ProcessProviderParseError",
      "2028-03-01T00:59:59.000Z",
      "2030-01-31T10:00:00.000Z",
    ],
  );
});

test("Expiration edge cases: RFC 3339 exactly as Go's encoding/json reads it (no blanks, a T, hh:mm offsets, second < 60)", () => {
  const base = { Version: 1, AccessKeyId: "AK", SecretAccessKey: "SK" };
  const expiry = (Expiration: string): unknown => {
    const o = outcome(JSON.stringify({ ...base, Expiration })) as { expiration?: string; code?: string };
    return o.code ?? o.expiration;
  };
  const cases: [string, string][] = [
    ["2026-11-27T13:22:48.092820277Z", "2026-11-27T13:22:48.092Z"],
    ["0099-12-31T23:59:59Z", "0099-12-31T23:59:59.000Z"],
    ["2021-08-05T19:58:02-00:00", "2021-08-05T19:58:02.000Z"],
    ["2021-08-05T19:58:02+23:59", "2021-08-04T19:59:02.000Z"],
    [" 2021-08-05T19:58:02Z", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02Z\n", "ProcessProviderParseError"],
    ["2021-08-05 19:58:02Z", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02+0130", "ProcessProviderParseError"],
    ["2021-08-05T12:59:60Z", "ProcessProviderParseError"],
    ["2021-08-05T23:60:00Z", "ProcessProviderParseError"],
    ["2021-13-05T19:58:02Z", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02+24:00", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02+23:60", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02", "ProcessProviderParseError"],
    ["2021-08-05T19:58:02.Z", "ProcessProviderParseError"],
  ];
  assert.deepEqual(
    cases.map(([s]) => expiry(s)),
    cases.map(([, want]) => want),
  );
});

test("errors never repeat the output; values never show their secrets", () => {
  const secretish = '{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"TOPSECRET-123"';
  const err = (() => {
    try {
      parseProcessOutput(secretish);
    } catch (e) {
      return e as Error;
    }
  })();
  assert.ok(err);
  assert.equal(err.message.includes("TOPSECRET"), false);
  assert.equal(err.cause, undefined);
  const v = parseProcessOutput('{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"TOPSECRET-123","SessionToken":"TOK-456"}');
  for (const shown of [inspect(v), JSON.stringify(v), String(v)]) {
    assert.equal(shown.includes("TOPSECRET") || shown.includes("TOK-456"), false, shown);
  }
});
