import assert from "node:assert/strict";
import { test } from "node:test";
import type { AssumeRoleInput, AssumeRoleOutput } from "@sessionkit/client-sts";
import { isSdkError } from "@sessionkit/errors";
import { type AssumeRoleClient, assumeRoleProvider } from "./assumeRoleProvider.js";

const ROLE = "arn:aws:iam::123456789012:role/demo";
const EXPIRES = new Date("2030-01-01T00:00:00Z");

function recordingClient(output?: Partial<AssumeRoleOutput>): AssumeRoleClient & { inputs: AssumeRoleInput[] } {
  const inputs: AssumeRoleInput[] = [];
  return {
    inputs,
    assumeRole(input) {
      inputs.push(input);
      return Promise.resolve({
        ResponseMetadata: {},
        Credentials: { AccessKeyId: `ASIA${inputs.length}`, SecretAccessKey: "S", SessionToken: "T", Expiration: EXPIRES },
        AssumedRoleUser: { Arn: "arn:aws:sts::123456789012:assumed-role/demo/s", AssumedRoleId: "AROA:s" },
        ...output,
      });
    },
  };
}

test("defaults: session name is the decimal UnixNano of the clock at retrieve time, duration 900", async () => {
  const client = recordingClient();
  let now = 1628189882123;
  const p = assumeRoleProvider({ client, roleArn: ROLE, clock: () => now });
  await p.retrieve();
  now += 1;
  await p.retrieve();
  assert.deepEqual(client.inputs, [
    { RoleArn: ROLE, RoleSessionName: "1628189882123000000", DurationSeconds: 900 },
    { RoleArn: ROLE, RoleSessionName: "1628189882124000000", DurationSeconds: 900 },
  ]);
});

test("every option lands on its AWS member", async () => {
  const client = recordingClient();
  await assumeRoleProvider({
    client,
    roleArn: ROLE,
    roleSessionName: "me",
    durationSeconds: 3600,
    externalId: "ext-1",
    serialNumber: "arn:aws:iam::123456789012:mfa/me",
    tokenCode: "123456",
    policy: "{}",
    policyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    tags: [{ Key: "k", Value: "v" }],
    transitiveTagKeys: ["k"],
    sourceIdentity: "alice",
  }).retrieve();
  assert.deepEqual(client.inputs, [
    {
      RoleArn: ROLE,
      RoleSessionName: "me",
      DurationSeconds: 3600,
      ExternalId: "ext-1",
      SerialNumber: "arn:aws:iam::123456789012:mfa/me",
      TokenCode: "123456",
      Policy: "{}",
      PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      Tags: [{ Key: "k", Value: "v" }],
      TransitiveTagKeys: ["k"],
      SourceIdentity: "alice",
    },
  ]);
});

test("MFA: TokenCode beats TokenProvider; the provider is asked at every retrieve; SerialNumber alone fails", async () => {
  const asked: string[] = [];
  const tokenProvider = () => {
    asked.push("asked");
    return Promise.resolve(`76543${asked.length}`);
  };
  const serialNumber = "arn:aws:iam::123456789012:mfa/me";

  const fixed = recordingClient();
  await assumeRoleProvider({ client: fixed, roleArn: ROLE, roleSessionName: "s", serialNumber, tokenCode: "111111", tokenProvider }).retrieve();
  assert.deepEqual([fixed.inputs[0]?.TokenCode, asked.length], ["111111", 0]);

  const prompted = recordingClient();
  const p = assumeRoleProvider({ client: prompted, roleArn: ROLE, roleSessionName: "s", serialNumber, tokenProvider });
  await p.retrieve();
  await p.retrieve();
  assert.deepEqual(
    prompted.inputs.map((i) => [i.SerialNumber, i.TokenCode]),
    [
      [serialNumber, "765431"],
      [serialNumber, "765432"],
    ],
  );

  const none = recordingClient();
  const err = await assumeRoleProvider({ client: none, roleArn: ROLE, serialNumber }).retrieve().catch((e: unknown) => e);
  assert.ok(isSdkError(err, "AssumeRoleTokenNotAvailable"));
  assert.match(err.message, /^AssumeRoleTokenNotAvailable: assume role with MFA enabled, but neither TokenCode nor TokenProvider are set/);
  assert.equal(none.inputs.length, 0);

  // Without a serial number no code is asked for or sent.
  const plain = recordingClient();
  await assumeRoleProvider({ client: plain, roleArn: ROLE, roleSessionName: "s", tokenProvider }).retrieve();
  assert.deepEqual([plain.inputs[0]?.SerialNumber, plain.inputs[0]?.TokenCode, asked.length], [undefined, undefined, 2]);
});

test("a token provider's rejection is returned as is, and nothing is sent", async () => {
  const client = recordingClient();
  const boom = new Error("user pressed ^D");
  const err = await assumeRoleProvider({ client, roleArn: ROLE, serialNumber: "arn:aws:iam::1:mfa/x", tokenProvider: () => Promise.reject(boom) })
    .retrieve()
    .catch((e: unknown) => e);
  assert.equal(err, boom);
  assert.equal(client.inputs.length, 0);
});

test("the value: keys, expiration, provider name, account id from the assumed-role ARN (none for RGW's)", async () => {
  const v = await assumeRoleProvider({ client: recordingClient(), roleArn: ROLE, roleSessionName: "s" }).retrieve();
  assert.deepEqual([v.accessKeyId, v.secretAccessKey, v.sessionToken, v.expiration, v.providerName, v.accountId], [
    "ASIA1",
    "S",
    "T",
    EXPIRES,
    "AssumeRoleProvider",
    "123456789012",
  ]);
  const rgw = await assumeRoleProvider({
    client: recordingClient({ AssumedRoleUser: { Arn: "arn:aws:sts:::assumed-role/S3Access/s", AssumedRoleId: "x" } }),
    roleArn: ROLE,
  }).retrieve();
  assert.equal(rgw.accountId, undefined);
  const empty = await assumeRoleProvider({ client: recordingClient({ Credentials: undefined }), roleArn: ROLE })
    .retrieve()
    .catch((e: unknown) => e);
  assert.ok(isSdkError(empty, "AssumeRoleNoCredentials"));
});

test("a client factory is called once, at the first retrieve", async () => {
  let made = 0;
  const client = recordingClient();
  const p = assumeRoleProvider({
    client: () => {
      made++;
      return client;
    },
    roleArn: ROLE,
  });
  assert.equal(made, 0);
  await p.retrieve();
  await p.retrieve();
  assert.deepEqual([made, client.inputs.length, p.name], [1, 2, "AssumeRoleProvider"]);
});
