import assert from "node:assert/strict";
import { test } from "node:test";
import { isSdkError, SdkError } from "@sessionkit/errors";
import { ClockSkew } from "./ClockSkew.js";
import { SignatureV4 } from "./SignatureV4.js";
import { SigningKeyCache } from "./SigningKeyCache.js";
import { fakeCredentials, fakeRequest } from "./test-support/fakeRequest.js";
import {
  createV4SignRequestHandler,
  SIGNING_LOGGER_CONTEXT_KEY,
  type SigningLogger,
  UNSIGNED_PAYLOAD_CONTEXT_KEY,
  v4SignRequestHandler,
} from "./v4SignRequestHandler.js";

const keys = { accessKeyId: "AKID", secretAccessKey: "secret-not-shown" };
const NOW = Date.UTC(2026, 10, 27, 13, 0, 0);

test("it is Go's named sign handler", () => {
  assert.equal(v4SignRequestHandler.name, "v4.SignRequestHandler");
  assert.equal(createV4SignRequestHandler().name, "v4.SignRequestHandler");
});

test("signs httpRequest in place like SignatureV4 would, in S3 mode for signingName s3, and sets signedAt", async () => {
  const credentials = fakeCredentials({ ...keys, sessionToken: "tok" });
  const request = fakeRequest({ credentials, now: () => NOW });
  const { fn } = createV4SignRequestHandler({ clockSkew: new ClockSkew(), keyCache: new SigningKeyCache() });
  await fn(request);
  const expected = await new SignatureV4({
    service: "s3",
    region: "us-east-1",
    credentials: { ...keys, sessionToken: "tok" },
    uriEscapePath: false,
  }).sign(
    { method: "GET", protocol: "https:", hostname: "s3.us-east-1.amazonaws.com", path: "/bucket/key.txt", query: {}, headers: {} },
    { signingDate: new Date(NOW) },
  );
  assert.deepEqual(request.httpRequest.headers, expected.headers);
  assert.equal(request.httpRequest.headers["x-amz-content-sha256"], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(request.signedAt, NOW);
  assert.equal(credentials.calls.length, 1);
  assert.equal(credentials.calls[0]?.signal, undefined, "cached credentials: the request's signal is not even read");
});

test("credentials that must be refreshed get the request's AbortSignal, so an abort ends the wait", async () => {
  const credentials = Object.assign(fakeCredentials(keys), { isExpired: () => true });
  const request = fakeRequest({ credentials, now: () => NOW });
  await v4SignRequestHandler.fn(request);
  assert.equal(credentials.calls.length, 1);
  assert.equal(credentials.calls[0]?.signal, request.signal);
});

test("other services: double-encoded path, no x-amz-content-sha256; empty signingRegion falls back to config.region", async () => {
  const request = fakeRequest({
    credentials: fakeCredentials(keys),
    signingName: "sts",
    signingRegion: "",
    region: "eu-west-1",
    endpoint: "https://sts.eu-west-1.amazonaws.com",
  });
  request.httpRequest.path = "/a%3Db";
  await createV4SignRequestHandler().fn(request);
  assert.equal(request.httpRequest.headers["x-amz-content-sha256"], undefined);
  assert.match(request.httpRequest.headers.authorization ?? "", /Credential=AKID\/20261127\/eu-west-1\/sts\/aws4_request, SignedHeaders=host;x-amz-date,/);
  assert.deepEqual(request.logged, [], "nothing is logged below LogDebugWithSigning");
});

test("sigv4.unsignedPayload in the request context signs UNSIGNED-PAYLOAD", async () => {
  const request = fakeRequest({ credentials: fakeCredentials(keys) });
  request.httpRequest.method = "PUT";
  request.httpRequest.body = "data";
  request.context.set(UNSIGNED_PAYLOAD_CONTEXT_KEY, true);
  await v4SignRequestHandler.fn(request);
  assert.equal(request.httpRequest.headers["x-amz-content-sha256"], "UNSIGNED-PAYLOAD");
});

test("anonymous credentials leave the request unsigned without asking for a value", async () => {
  const anonymous = fakeCredentials({ accessKeyId: "", secretAccessKey: "" }, "AnonymousCredentials");
  const emptyKey = fakeCredentials({ accessKeyId: "", secretAccessKey: "" }, "SomethingElse");
  const a = fakeRequest({ credentials: anonymous });
  const b = fakeRequest({ credentials: emptyKey });
  await v4SignRequestHandler.fn(a);
  await v4SignRequestHandler.fn(b);
  assert.deepEqual(
    [a.httpRequest.headers, anonymous.calls.length, a.signedAt, b.httpRequest.headers, emptyKey.calls.length],
    [{}, 0, undefined, {}, 1],
  );
});

test("the learned clock skew of the endpoint is added to the signing time; signedAt stays local", async () => {
  const skew = new ClockSkew();
  skew.set("https://s3.us-east-1.amazonaws.com", 30 * 60_000);
  const request = fakeRequest({ credentials: fakeCredentials(keys), now: () => NOW });
  const other = fakeRequest({ credentials: fakeCredentials(keys), now: () => NOW, endpoint: "https://s3.eu-west-1.amazonaws.com" });
  const handler = createV4SignRequestHandler({ clockSkew: skew });
  await handler.fn(request);
  await handler.fn(other);
  assert.deepEqual(
    [request.httpRequest.headers["x-amz-date"], request.signedAt, other.httpRequest.headers["x-amz-date"]],
    ["20261127T133000Z", NOW, "20261127T130000Z"],
  );
});

test("a retry re-signs the same httpRequest: one set of signing headers, the new time", async () => {
  let now = NOW;
  const request = fakeRequest({ credentials: fakeCredentials({ ...keys, sessionToken: "tok" }), now: () => now });
  await v4SignRequestHandler.fn(request);
  const first = { ...request.httpRequest.headers };
  now += 90_000;
  await v4SignRequestHandler.fn(request);
  assert.deepEqual(Object.keys(request.httpRequest.headers).sort(), Object.keys(first).sort());
  assert.deepEqual([first["x-amz-date"], request.httpRequest.headers["x-amz-date"]], ["20261127T130000Z", "20261127T130130Z"]);
  assert.equal(request.signedAt, now);
});

test("credential failures reach the caller typed: sdk errors as they are, others wrapped", async () => {
  const sdk = new SdkError("ExpiredToken", "the token expired");
  await assert.rejects(async () => v4SignRequestHandler.fn(fakeRequest({ credentials: fakeCredentials(keys, "P", sdk) })), (e: unknown) => e === sdk);
  const plain = new Error("socket hang up");
  await assert.rejects(
    async () => v4SignRequestHandler.fn(fakeRequest({ credentials: fakeCredentials(keys, "Remote", plain) })),
    (e: unknown) => isSdkError(e, "CredentialsError") && (e as Error).cause === plain && /Remote/.test((e as Error).message),
  );
});

test("LogDebugWithSigning hands what was signed to the signing logger on the request; without one nothing is logged", async () => {
  const calls: [boolean, string, string, string | undefined][] = [];
  const logger: SigningLogger = (r, details, token) =>
    calls.push([r === hooked, details.canonicalRequest.split("\n").slice(0, 2).join(" "), details.stringToSign.split("\n")[0] ?? "", token]);
  const hooked = fakeRequest({ credentials: fakeCredentials({ ...keys, sessionToken: "tok" }), now: () => NOW, logLevel: 0x1001 });
  hooked.context.set(SIGNING_LOGGER_CONTEXT_KEY, logger);
  await v4SignRequestHandler.fn(hooked);
  assert.deepEqual(calls, [[true, "GET /bucket/key.txt", "AWS4-HMAC-SHA256", "tok"]]);
  assert.deepEqual(hooked.logged, [], "the signer writes nothing itself: the logger (the debug handlers') does");

  const quiet = fakeRequest({ credentials: fakeCredentials(keys), now: () => NOW, logLevel: 0x1000 });
  quiet.context.set(SIGNING_LOGGER_CONTEXT_KEY, logger);
  await v4SignRequestHandler.fn(quiet);
  const none = fakeRequest({ credentials: fakeCredentials(keys), now: () => NOW, logLevel: 0x1001 });
  await v4SignRequestHandler.fn(none);
  assert.deepEqual([calls.length, none.logged], [1, []], "below LogDebugWithSigning, or with no logger, nothing is logged");
  assert.ok(none.httpRequest.headers.authorization, "and the request is signed all the same");
});
