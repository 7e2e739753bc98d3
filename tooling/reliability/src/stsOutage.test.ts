// STS unavailable while assumed-role credentials refresh: still-valid credentials keep working, expired ones
// give a typed error, and the next call tries STS again.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { S3 } from "@sessionkit/client-s3";
import { STS } from "@sessionkit/client-sts";
import { assumeRoleProvider } from "@sessionkit/credential-provider-assume-role";
import { createCredentials } from "@sessionkit/credentials";
import { createNodeHttpTransport } from "@sessionkit/http";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";
import { assumeRoleOk, type FaultScript, FaultServer, LIST_BUCKETS_OK, stsError, xml } from "./FaultServer.js";
import { outcome, typedError } from "./outcome.js";
import { emptyHome, hermeticSession, recordingSleep } from "./testSession.js";

const MIN = 60_000;
const transport = createNodeHttpTransport();
const home = emptyHome();
after(() => {
  transport.destroy();
  home.remove();
});

/** STS + S3 on one endpoint (as Ceph RGW): AssumeRole answers numbered credentials valid for 15 min of `clock`. */
function stsAndS3(clock: () => number) {
  let up = true;
  let issued = 0;
  const signedWith: string[] = [];
  const script: FaultScript = (r) => {
    if (r.action === "AssumeRole") {
      if (!up) return stsError(503, "ServiceUnavailable");
      issued++;
      return assumeRoleOk(issued, new Date(clock() + 15 * MIN));
    }
    signedWith.push(/Credential=([^/]+)\//.exec(String(r.headers.authorization))?.[1] ?? "unsigned");
    return xml(LIST_BUCKETS_OK);
  };
  return {
    script,
    signedWith,
    setUp(value: boolean) {
      up = value;
    },
  };
}

test("session role profile (Go: no expiry window): valid credentials survive an STS outage, expired ones fail typed, the next call retries STS", async () => {
  let now = Date.parse("2026-11-27T12:00:00Z");
  const clock = () => now;
  const fake = stsAndS3(clock);
  const server = await FaultServer.start(fake.script);
  try {
    const aws = join(home.dir, "role-profile", ".aws");
    mkdirSync(aws, { recursive: true });
    writeFileSync(join(aws, "config"), "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/fault\nsource_profile = base\nregion = us-east-1\n");
    writeFileSync(join(aws, "credentials"), "[base]\naws_access_key_id = AKIABASEKEY000000001\naws_secret_access_key = baseSecret0000000000000000000000000000001\n");
    const backoff = recordingSleep();
    const session = newSessionWithOptions({
      env: {},
      homeDir: join(home.dir, "role-profile"),
      profile: "role",
      sharedConfigState: SharedConfigState.Enable,
      config: { endpoint: server.url, s3ForcePathStyle: true, clock, sleep: backoff.sleep, transport },
    });
    const s3 = new S3(session);

    await s3.listBuckets();
    assert.deepEqual([server.count("AssumeRole"), fake.signedWith], [1, ["ASIAFAULT0001"]]);

    // STS goes down; 10 minutes later the credentials are still valid: no refresh, calls keep working.
    fake.setUp(false);
    now += 10 * MIN;
    for (let i = 0; i < 3; i++) await s3.listBuckets();
    assert.equal(server.count("AssumeRole"), 1, "no refresh while valid");
    assert.deepEqual(fake.signedWith.slice(1), ["ASIAFAULT0001", "ASIAFAULT0001", "ASIAFAULT0001"]);

    // Past the expiration: the refresh fails after STS's own retries, typed; nothing is sent with expired keys.
    now += 6 * MIN;
    const s3Before = server.count(undefined);
    const err = typedError(await outcome(s3.listBuckets()), "listBuckets after expiry");
    assert.deepEqual([err.code, err.statusCode], ["ServiceUnavailable", 503]);
    assert.equal(server.count("AssumeRole"), 1 + 4, "one refresh = 1 attempt + 3 retries");
    assert.equal(server.count(undefined), s3Before, "no S3 request signed with expired credentials");

    // The failure is not cached: the next call tries STS again.
    typedError(await outcome(s3.listBuckets()), "second call during the outage");
    assert.equal(server.count("AssumeRole"), 1 + 4 + 4);

    // STS is back: the next call refreshes once and succeeds with new credentials.
    fake.setUp(true);
    await s3.listBuckets();
    assert.equal(server.count("AssumeRole"), 1 + 4 + 4 + 1);
    assert.equal(fake.signedWith.at(-1), "ASIAFAULT0002");
  } finally {
    await server.close();
  }
});

test("credentials with an expiry window (stscreds-style): a failed early refresh keeps the still-valid credentials in use", async () => {
  let now = Date.parse("2026-11-27T12:00:00Z");
  const clock = () => now;
  const fake = stsAndS3(clock);
  const server = await FaultServer.start(fake.script);
  try {
    const backoff = recordingSleep();
    const base = hermeticSession(server.url, home.dir, { clock, sleep: backoff.sleep, transport });
    const credentials = createCredentials(
      assumeRoleProvider({ client: () => new STS(base), roleArn: "arn:aws:iam::123456789012:role/fault", clock }),
      { clock, expiryWindowMs: 5 * MIN },
    );
    const s3 = new S3(hermeticSession(server.url, home.dir, { clock, sleep: backoff.sleep, transport, credentials }));

    await s3.listBuckets();
    assert.equal(server.count("AssumeRole"), 1);

    // 11 minutes in: inside the 5-minute window (refresh due at 10), 4 minutes before the real expiry.
    fake.setUp(false);
    now += 11 * MIN;
    const inWindow = await Promise.all(Array.from({ length: 8 }, () => outcome(s3.listBuckets())));
    assert.deepEqual(inWindow.map((o) => o.ok), Array(8).fill(true), "calls succeed with the still-valid credentials");
    assert.equal(server.count("AssumeRole"), 1 + 4, "8 concurrent calls share one refresh attempt (1 + 3 retries)");
    assert.ok(fake.signedWith.every((k) => k === "ASIAFAULT0001"));

    // The next call tries STS again (and still succeeds on the old credentials).
    await s3.listBuckets();
    assert.equal(server.count("AssumeRole"), 1 + 4 + 4);

    // Past the real expiry: a typed error, and no request signed with expired credentials.
    now += 5 * MIN;
    const s3Before = server.count(undefined);
    const err = typedError(await outcome(s3.listBuckets()), "after the real expiry");
    assert.deepEqual([err.code, err.statusCode], ["ServiceUnavailable", 503]);
    assert.equal(server.count(undefined), s3Before);

    // STS back: one refresh, new credentials.
    fake.setUp(true);
    await s3.listBuckets();
    assert.equal(fake.signedWith.at(-1), "ASIAFAULT0002");
    assert.equal(server.count("AssumeRole"), 1 + 4 + 4 + 4 + 1);
  } finally {
    await server.close();
  }
});
