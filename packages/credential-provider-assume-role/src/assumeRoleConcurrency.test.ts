// 1,000 concurrent get() on expired assume-role credentials: one AssumeRole on the wire, one MFA prompt.
// Real pieces end to end: createCredentials → assumeRoleProvider → STS client (pipeline, SigV4) → node:http →
// a local STS server counting requests; the token comes from stdinTokenProvider on a stream.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, test } from "node:test";
import { STS } from "@sessionkit/client-sts";
import { createCredentials, staticCredentials } from "@sessionkit/credentials";
import { isSdkError } from "@sessionkit/errors";
import { assumeRoleProvider } from "./assumeRoleProvider.js";
import { stdinTokenProvider } from "./stdinTokenProvider.js";
import { ACCESS_DENIED_XML, assumeRoleXml, configProvider, type StsServer, stsServer } from "./testFixtures.js";

const HOUR = 3_600_000;
let now = Date.UTC(2026, 10, 27, 12, 0, 0);
let failNext = false;
let server: StsServer;

before(async () => {
  server = await stsServer((_call, n) =>
    failNext ? { status: 403, body: ACCESS_DENIED_XML } : { status: 200, body: assumeRoleXml(`ASIA${n}`, new Date(now + HOUR)) },
  );
});
after(() => server.close());

// The MFA "user": answers every prompt written to the output with the next code.
function mfaUser() {
  const input = new PassThrough();
  let prompts = 0;
  const output = {
    write() {
      prompts++;
      setImmediate(() => input.write(`${1000000 + prompts}\n`));
    },
  };
  return { tokenProvider: stdinTokenProvider({ input, output }), prompts: () => prompts };
}

test("1,000 concurrent get() on expired credentials: exactly one AssumeRole request and one prompt", async () => {
  const user = mfaUser();
  const sts = new STS(configProvider(server.endpoint, {}), { credentials: staticCredentials({ accessKeyId: "AKSOURCE", secretAccessKey: "SK" }) });
  const credentials = createCredentials(
    assumeRoleProvider({ client: sts, roleArn: "arn:aws:iam::123456789012:role/r", serialNumber: "arn:aws:iam::123456789012:mfa/u", tokenProvider: user.tokenProvider, clock: () => now }),
    { clock: () => now },
  );
  const first = await credentials.get();
  assert.deepEqual([first.accessKeyId, server.calls.length, user.prompts()], ["ASIA0", 1, 1]);

  now += 2 * HOUR; // past the expiration
  assert.equal(credentials.isExpired(), true);
  const values = await Promise.all(Array.from({ length: 1000 }, () => credentials.get()));
  assert.deepEqual(new Set(values.map((v) => v.accessKeyId)), new Set(["ASIA1"]));
  assert.deepEqual([server.calls.length, user.prompts()], [2, 2]);
  // The second call carried the second code, signed with the source keys.
  assert.deepEqual(
    server.calls.map((c) => [c.form.Action, c.form.SerialNumber, c.form.TokenCode, /Credential=([^/]+)\//.exec(c.authorization ?? "")?.[1]]),
    [
      ["AssumeRole", "arn:aws:iam::123456789012:mfa/u", "1000001", "AKSOURCE"],
      ["AssumeRole", "arn:aws:iam::123456789012:mfa/u", "1000002", "AKSOURCE"],
    ],
  );
});

test("a failed refresh rejects all 1,000 waiters with the service error; the next get() tries again", async () => {
  const user = mfaUser();
  const sts = new STS(configProvider(server.endpoint, {}), { credentials: staticCredentials({ accessKeyId: "AKSOURCE", secretAccessKey: "SK" }) });
  const credentials = createCredentials(
    assumeRoleProvider({ client: sts, roleArn: "arn:aws:iam::123456789012:role/r", serialNumber: "arn:aws:iam::123456789012:mfa/u", tokenProvider: user.tokenProvider, clock: () => now }),
    { clock: () => now },
  );
  const callsBefore = server.calls.length;
  failNext = true;
  const outcomes = await Promise.all(Array.from({ length: 1000 }, () => credentials.get().then(() => "ok", (e: unknown) => e)));
  failNext = false;
  const errors = new Set(outcomes);
  assert.equal(errors.size, 1);
  const [err] = errors;
  assert.ok(isSdkError(err, "AccessDenied"));
  assert.deepEqual([err.statusCode, err.operation], [403, "sts/AssumeRole"]);
  assert.deepEqual([server.calls.length - callsBefore, user.prompts()], [1, 1]);

  const v = await credentials.get();
  assert.equal(v.providerName, "AssumeRoleProvider");
  assert.deepEqual([server.calls.length - callsBefore, user.prompts()], [2, 2]);
});
