// STS AssumeRole through the whole pipeline with a canned in-process transport (no sockets): build the form
// body, SigV4-sign, "send", parse the XML — ours vs @aws-sdk/client-sts with the same canned response.
// Not a test. Run: pnpm --filter @sessionkit/client-sts bench   (build first: pnpm turbo run build)
// Rounds are interleaved in shuffled order; the median round is reported.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bytesBody, defaultHandlers } from "@sessionkit/handlers";
import { STS } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const OPS = Number(process.env.OPS ?? 5_000);

// Real-shaped AWS response (the recording of the cross-SDK e2e_assume_role scenario, with a real-length token).
const XML = new TextEncoder().encode(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROARABCDEFGHIJKLMNOP:assume-role-provider-session</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/integration-test/assume-role-provider-session</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIARTESTID</AccessKeyId>
      <SecretAccessKey>TESTSECRETKEY</SecretAccessKey>
      <SessionToken>${"IQoJb3JpZ2luX2VjEXAMPLE".repeat(40)}</SessionToken>
      <Expiration>2021-08-05T19:58:02Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>c2e971c2-702d-4124-9b1f-1670febbea18</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>
`);
const HEADERS = { "content-type": "text/xml", "content-length": String(XML.byteLength), "x-amzn-requestid": "c2e971c2-702d-4124-9b1f-1670febbea18" };
const KEYS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const INPUT = { RoleArn: "arn:aws:iam::123456789012:role/integration-test", RoleSessionName: "bench", DurationSeconds: 900 };

const value = { ...KEYS, providerName: "Bench" };
const get = () => Promise.resolve(value);
const credentials = Object.assign(get, { get, providerName: "Bench", isExpired: () => false, expire() {}, expiresAt: () => undefined });
const config = {
  region: "us-east-1",
  credentials,
  maxRetries: -1,
  logLevel: 0,
  logger: { log() {} },
  s3ForcePathStyle: false,
  disableSSL: false,
  transport: { handle: () => Promise.resolve({ statusCode: 200, headers: { ...HEADERS }, body: bytesBody(XML) }) },
  stsRegionalEndpoints: "regional",
  s3UsEast1RegionalEndpoint: "legacy",
  disableParamValidation: false,
  clock: Date.now,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
const ours = new STS({ clientConfig: () => ({ config, handlers: defaultHandlers() }) });

const variants = [];
const check = await ours.assumeRole(INPUT);
if (check.Credentials?.AccessKeyId !== "ASIARTESTID") throw new Error("ours: unexpected output");
variants.push({ name: "sessionkit STS.assumeRole", op: () => ours.assumeRole(INPUT) });

// The peer, resolved from the workspace package that has it as a dev dependency.
try {
  const require = createRequire(join(repo, "tooling", "test-env", "package.json"));
  const { STSClient, AssumeRoleCommand } = require("@aws-sdk/client-sts");
  const peer = new STSClient({
    region: "us-east-1",
    credentials: KEYS,
    requestHandler: { handle: async () => ({ response: { statusCode: 200, headers: { ...HEADERS }, body: XML } }) },
  });
  const out = await peer.send(new AssumeRoleCommand(INPUT));
  if (out.Credentials?.AccessKeyId !== "ASIARTESTID") throw new Error("peer: unexpected output");
  variants.push({ name: "peer @aws-sdk/client-sts AssumeRoleCommand", op: () => peer.send(new AssumeRoleCommand(INPUT)), ops: Math.max(500, Math.floor(OPS / 10)) });
} catch (err) {
  console.log(`(skipping peer: ${err.message})`);
}

async function round(v, ops) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) await v.op();
  return Number(process.hrtime.bigint() - start) / 1000 / ops; // µs/op
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const shuffle = (xs) => xs.map((x) => [Math.random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

for (const v of variants) {
  v.samples = [];
  await round(v, Math.min(1000, v.ops ?? OPS)); // warm up
}
for (let r = 0; r < ROUNDS; r++) for (const v of shuffle(variants)) v.samples.push(await round(v, v.ops ?? OPS));
console.log(`node ${process.version}; ${ROUNDS} interleaved rounds; median µs/op (ops/s), concurrency 1`);
for (const v of variants) {
  const m = median(v.samples);
  console.log(`  ${v.name.padEnd(45)} ${m.toFixed(1).padStart(7)} µs/op (${Math.round(1e6 / m).toLocaleString("en")} ops/s)`);
}
if (variants.length === 2) console.log(`  peer/ours = ${(median(variants[1].samples) / median(variants[0].samples)).toFixed(1)}×`);
