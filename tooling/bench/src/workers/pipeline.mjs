// 4. Pipeline cost per call with a canned in-process transport: `node pipeline.mjs <rounds> <ours: s3,sts|->`.
// Each round runs a time-bounded batch of every (operation, contender) in a shuffled order. No forced gc()
// between batches: a full collection throws away V8's warm state and made every figure 2-3x slower.
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { checkAndWarm, interleavedBatches } from "./batches.mjs";
import { ASSUMED_KEY_ID, CANNED, OBJECT_1K, drain, respond } from "./canned.mjs";

const [roundsArg, oursArg] = process.argv.slice(2);
const withOurs = oursArg.split(",");
const rounds = Number(roundsArg);
const BATCH_MS = 30;
const credentials = { accessKeyId: "AKIDBENCH", secretAccessKey: "benchSecret" };
const region = "us-east-1";

// Peer: the documented way to plug a transport into v3 is a custom requestHandler.
const peerHandler = (op) => ({ handle: async () => ({ response: respond(op) }) });
const peerS3 = Object.fromEntries(
  ["getObject", "putObject", "listBuckets"].map((op) => [op, new S3Client({ region, credentials, requestHandler: peerHandler(op) })]),
);
const peerSts = new STSClient({ region, credentials, requestHandler: peerHandler("assumeRole") });

const ops = {
  "peer.getObject": async () => {
    const out = await peerS3.getObject.send(new GetObjectCommand({ Bucket: "bench", Key: "object-1k" }));
    return (await out.Body.transformToByteArray()).length;
  },
  "peer.putObject": async () => {
    const out = await peerS3.putObject.send(new PutObjectCommand({ Bucket: "bench", Key: "object-1k", Body: OBJECT_1K }));
    return out.ETag;
  },
  "peer.listBuckets": async () => (await peerS3.listBuckets.send(new ListBucketsCommand({}))).Buckets.length,
  "peer.assumeRole": async () =>
    (await peerSts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "bench-session" })))
      .Credentials.AccessKeyId,
  // Limit: the canned handler called directly and its body read; no client at all.
  "limit.getObject": async () => drain((await peerHandler("getObject").handle()).response.body),
};

let via;
async function loadOurs() {
  const { oursProvider } = await import("./oursProvider.mjs");
  // Ours: the transport is a config option (Go's HTTPClient); one client per canned operation, as for the peer.
  const provider = async (op) => {
    const p = await oursProvider({ region, credentials, transport: { handle: async () => respond(op) } });
    via = p.via;
    return p.provider;
  };
  if (withOurs.includes("s3")) {
    const { S3 } = await import("@sessionkit/client-s3");
    const s3 = {};
    for (const op of ["getObject", "putObject", "listBuckets"]) s3[op] = new S3(await provider(op));
    Object.assign(ops, {
      "ours.getObject": async () => (await (await s3.getObject.getObject({ Bucket: "bench", Key: "object-1k" })).Body.transformToByteArray()).length,
      "ours.putObject": async () => (await s3.putObject.putObject({ Bucket: "bench", Key: "object-1k", Body: OBJECT_1K })).ETag,
      "ours.listBuckets": async () => (await s3.listBuckets.listBuckets({})).Buckets.length,
    });
  }
  if (withOurs.includes("sts")) {
    const { STS } = await import("@sessionkit/client-sts");
    const sts = new STS(await provider("assumeRole"));
    ops["ours.assumeRole"] = async () =>
      (await sts.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "bench-session" })).Credentials.AccessKeyId;
  }
}
const oursErrors = {};
if (withOurs.includes("s3") || withOurs.includes("sts")) {
  try {
    await loadOurs();
  } catch (e) {
    // a package of ours that fails to load fails its rows, not the peer's
    const msg = `ours failed to load: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    const wanted = [...(withOurs.includes("s3") ? ["getObject", "putObject", "listBuckets"] : []), ...(withOurs.includes("sts") ? ["assumeRole"] : [])];
    for (const op of wanted) if (!(`ours.${op}` in ops)) oursErrors[`ours.${op}`] = msg;
  }
}

// Every contender must return the right answer before it is timed.
const expected = { getObject: CANNED.getObject.body.length, putObject: CANNED.putObject.headers.etag, listBuckets: 3, assumeRole: ASSUMED_KEY_ID };
const errors = {
  ...oursErrors,
  ...(await checkAndWarm(
    ops,
    (id, got) => {
      const want = expected[id.split(".")[1]];
      if (got !== want) throw new Error(`returned ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    },
    200,
  )),
};
const samples = await interleavedBatches(ops, rounds, BATCH_MS);
console.log(JSON.stringify({ samples, errors, via }));
