import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isSdkError, SdkError } from "@sessionkit/errors";
import type { HttpRequest } from "@sessionkit/types";
import { formatUrl } from "./formatUrl.js";
import { nodeSigningCrypto } from "./nodeSigningCrypto.js";
import { SignatureV4 } from "./SignatureV4.js";
import { SigningKeyCache } from "./SigningKeyCache.js";
import { signHttpRequest } from "./signHttpRequest.js";
import { fakeCredentials } from "./test-support/fakeRequest.js";

// The worked examples of the S3 API Reference ("Signature Calculations for the Authorization Header" and
// "Authenticating Requests: Using Query Parameters"): S3 rules, which no conformance suite covers.
const docsKeys = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const docsDate = new Date("2013-05-24T00:00:00Z");
const s3 = () =>
  new SignatureV4({ service: "s3", region: "us-east-1", credentials: docsKeys, uriEscapePath: false, keyCache: new SigningKeyCache() });
const bucket = (method: string, path: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method,
  protocol: "https:",
  hostname: "examplebucket.s3.amazonaws.com",
  path,
  query: {},
  headers: { Host: "examplebucket.s3.amazonaws.com" },
  ...extra,
});

describe("S3 documentation examples", () => {
  test("GET object with a Range header", async () => {
    const req = bucket("GET", "/test.txt", { headers: { Host: "examplebucket.s3.amazonaws.com", Range: "bytes=0-9" } });
    const out = await s3().signWithDetails(req, { signingDate: docsDate });
    assert.equal(out.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    assert.equal(
      out.request.headers["x-amz-content-sha256"],
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    assert.equal(
      out.request.headers.authorization,
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  test("PUT object: the body's hash is sent and signed, `$` in the key is encoded once", async () => {
    const req = bucket("PUT", "/test%24file.text", {
      headers: {
        Host: "examplebucket.s3.amazonaws.com",
        Date: "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-storage-class": "REDUCED_REDUNDANCY",
      },
      body: "Welcome to Amazon S3.",
    });
    const out = await s3().signWithDetails(req, { signingDate: docsDate });
    assert.equal(out.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    assert.equal(
      out.request.headers["x-amz-content-sha256"],
      "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
    );
    // The same body as bytes signs the same.
    const bytes = await s3().signWithDetails({ ...req, body: new TextEncoder().encode("Welcome to Amazon S3.") }, { signingDate: docsDate });
    assert.equal(bytes.signature, out.signature);
  });

  test("GET ?lifecycle: a query key without value signs as `lifecycle=`", async () => {
    const out = await s3().signWithDetails(bucket("GET", "/", { query: { lifecycle: null } }), { signingDate: docsDate });
    assert.equal(out.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  test("GET ?max-keys=2&prefix=J", async () => {
    const out = await s3().signWithDetails(bucket("GET", "/", { query: { "max-keys": "2", prefix: "J" } }), { signingDate: docsDate });
    assert.equal(out.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });

  test("presigned GET for 24 h: UNSIGNED-PAYLOAD, signature in the query, a usable URL", async () => {
    const out = await s3().presignWithDetails(bucket("GET", "/test.txt"), { signingDate: docsDate, expiresIn: 86400 });
    assert.equal(out.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    assert.match(out.canonicalRequest, /\nUNSIGNED-PAYLOAD$/);
    assert.equal(out.request.headers.authorization, undefined);
    assert.equal(
      formatUrl(out.request),
      "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
    );
  });
});

const keys = { accessKeyId: "AKID", secretAccessKey: "secret-not-shown" };
const at = new Date("2026-11-27T13:00:00Z");
const plain = (extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: "GET",
  protocol: "https:",
  hostname: "svc.us-east-1.amazonaws.com",
  path: "/",
  query: {},
  headers: {},
  ...extra,
});

describe("signing behaviour", () => {
  test("the argument is not changed; re-signing a signed request equals signing it fresh", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: { ...keys, sessionToken: "tok" } });
    const req = plain({ headers: { "X-Custom": "a" } });
    const snapshot = structuredClone(req);
    const first = await signer.sign(req, { signingDate: at });
    assert.deepEqual(req, snapshot);
    const again = await signer.sign(first, { signingDate: at });
    assert.deepEqual(again.headers, first.headers);
    const later = await signer.sign(first, { signingDate: new Date(at.getTime() + 60_000) });
    assert.deepEqual(Object.keys(later.headers).sort(), Object.keys(first.headers).sort(), "no duplicate signing headers");
    assert.notEqual(later.headers.authorization, first.headers.authorization);
    const pre = await signer.presign(req, { signingDate: at });
    assert.deepEqual(await signer.presign(pre, { signingDate: at }), pre);
  });

  test("headers of other spellings are replaced, not duplicated", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const out = await signer.sign(plain({ headers: { Authorization: "old", "X-Amz-Date": "19990101T000000Z" } }), { signingDate: at });
    assert.deepEqual(Object.keys(out.headers).sort(), ["authorization", "x-amz-date"]);
    assert.equal(out.headers["x-amz-date"], "20261127T130000Z");
  });

  test("the session token is signed by default, or added after signing with signSessionToken: false", async () => {
    const credentials = { ...keys, sessionToken: "token-value" };
    const signed = await new SignatureV4({ service: "svc", region: "us-east-1", credentials }).signWithDetails(plain(), { signingDate: at });
    assert.match(signed.canonicalRequest, /\nx-amz-security-token:token-value\n/);
    assert.match(signed.request.headers.authorization ?? "", /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
    const after = await new SignatureV4({ service: "svc", region: "us-east-1", credentials, signSessionToken: false }).signWithDetails(plain(), {
      signingDate: at,
    });
    assert.doesNotMatch(after.canonicalRequest, /security-token/);
    assert.equal(after.request.headers["x-amz-security-token"], "token-value");
    const pre = await new SignatureV4({ service: "svc", region: "us-east-1", credentials }).presignWithDetails(plain(), { signingDate: at });
    assert.equal(pre.request.query["X-Amz-Security-Token"], "token-value");
    assert.match(pre.canonicalRequest, /X-Amz-Security-Token=token-value/);
  });

  test("S3 mode payload: UNSIGNED-PAYLOAD when asked, for streams, or as given in x-amz-content-sha256", async () => {
    const stream = (async function* () {
      yield new Uint8Array([1, 2, 3]);
    })();
    const base = { service: "s3", region: "us-east-1", credentials: keys, uriEscapePath: false };
    const put = (body: HttpRequest["body"], headers: Record<string, string> = {}) => plain({ method: "PUT", path: "/b/k", body, headers });
    const hashOf = async (signer: SignatureV4, req: HttpRequest) => (await signer.sign(req, { signingDate: at })).headers["x-amz-content-sha256"];
    assert.deepEqual(
      [
        await hashOf(new SignatureV4(base), put("abc")),
        await hashOf(new SignatureV4(base), put(stream)),
        await hashOf(new SignatureV4({ ...base, unsignedPayload: true }), put("abc")),
        await hashOf(new SignatureV4(base), put("abc", { "X-Amz-Content-Sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER" })),
        await hashOf(new SignatureV4(base), put(undefined)),
      ],
      [
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "UNSIGNED-PAYLOAD",
        "UNSIGNED-PAYLOAD",
        undefined, // kept under the caller's spelling
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ],
    );
    const given = await new SignatureV4(base).signWithDetails(put("abc", { "X-Amz-Content-Sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER" }), {
      signingDate: at,
    });
    assert.match(given.canonicalRequest, /\nSTREAMING-UNSIGNED-PAYLOAD-TRAILER$/);
    assert.equal(given.request.headers["X-Amz-Content-Sha256"], "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
  });

  test("other services do not send x-amz-content-sha256 unless applyChecksum", async () => {
    const out = await new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys }).sign(plain({ body: "x" }), { signingDate: at });
    assert.equal(out.headers["x-amz-content-sha256"], undefined);
    const on = await new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys, applyChecksum: true }).sign(plain({ body: "x" }), {
      signingDate: at,
    });
    assert.equal(on.headers["x-amz-content-sha256"], "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
  });

  test("host is signed from hostname and a non-default port when the request has no Host header", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const rows = await Promise.all(
      [
        plain({ protocol: "http:", hostname: "127.0.0.1", port: 7480 }),
        plain({ protocol: "https:", port: 443 }),
        plain({ protocol: "http", hostname: "localhost", port: 80 }),
        plain({ hostname: "::1", port: 8443 }),
      ].map(async (r) => /\nhost:([^\n]*)\n/.exec((await signer.signWithDetails(r, { signingDate: at })).canonicalRequest)?.[1]),
    );
    assert.deepEqual(rows, ["127.0.0.1:7480", "svc.us-east-1.amazonaws.com", "localhost", "[::1]:8443"]);
  });

  test("hop-by-hop and user-agent headers are not signed unless listed in signableHeaders", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const req = plain({ headers: { "User-Agent": "ua", Connection: "keep-alive", "Proxy-Authorization": "x", "X-Mine": "1" } });
    const signedHeaders = async (opts: Parameters<SignatureV4["sign"]>[1]) =>
      /SignedHeaders=([^,]*),/.exec((await signer.sign(req, { signingDate: at, ...opts })).headers.authorization ?? "")?.[1];
    assert.deepEqual(
      [
        await signedHeaders({}),
        await signedHeaders({ signableHeaders: new Set(["User-Agent"]) }),
        await signedHeaders({ unsignableHeaders: new Set(["x-mine"]) }),
      ],
      ["host;x-amz-date;x-mine", "host;user-agent;x-amz-date;x-mine", "host;x-amz-date"],
    );
  });

  test("presign moves x-amz-* headers into the query unless unhoistable", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const req = plain({ headers: { "x-amz-acl": "private", "x-amz-meta-a": "1", "Content-Type": "text/plain" } });
    const out = await signer.presign(req, { signingDate: at, unhoistableHeaders: new Set(["x-amz-meta-a"]) });
    assert.deepEqual(
      { headers: out.headers, acl: out.query["x-amz-acl"], signed: out.query["X-Amz-SignedHeaders"] },
      {
        headers: { "x-amz-meta-a": "1", "Content-Type": "text/plain" },
        acl: "private",
        signed: "content-type;host;x-amz-meta-a",
      },
    );
  });

  test("signingRegion and signingService override the signer's", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const out = await signer.sign(plain(), { signingDate: at, signingRegion: "eu-west-1", signingService: "other" });
    assert.match(out.headers.authorization ?? "", /Credential=AKID\/20261127\/eu-west-1\/other\/aws4_request,/);
  });

  test("signing time is the clock plus the clock offset; correctClockSkew sets the offset from a Date header", async () => {
    const now = Date.UTC(2026, 10, 27, 13, 0, 0);
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys, clock: () => now });
    assert.equal((await signer.sign(plain())).headers["x-amz-date"], "20261127T130000Z");
    assert.equal(signer.correctClockSkew("Fri, 27 Nov 2026 13:20:00 GMT"), 20 * 60_000);
    assert.equal((await signer.sign(plain())).headers["x-amz-date"], "20261127T132000Z");
    assert.equal(signer.correctClockSkew("garbage"), undefined);
    assert.equal(signer.clockOffset, 20 * 60_000);
    // smithy's DateInput: numbers are epoch seconds.
    assert.equal((await signer.sign(plain(), { signingDate: 1_440_938_160 })).headers["x-amz-date"], "20150830T123600Z");
  });

  test("credentials may be a Credentials object, a provider function or static keys", async () => {
    const cred = fakeCredentials({ ...keys });
    const forms = [cred, async () => keys, keys];
    const auths = await Promise.all(
      forms.map(async (credentials) => (await new SignatureV4({ service: "svc", region: "us-east-1", credentials }).sign(plain(), { signingDate: at })).headers.authorization),
    );
    assert.equal(new Set(auths).size, 1);
    assert.equal(cred.calls.length, 1, "a Credentials object is read with get()");
  });
});

describe("errors", () => {
  const code = (c: string) => (err: unknown) => isSdkError(err, c) && !/secret-not-shown|tok-secret/.test(String((err as Error).message));

  test("presign expiry outside 1 s … 7 days is InvalidPresignExpireError", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    for (const expiresIn of [0, -1, 1.5, 604_801, Number.NaN]) {
      await assert.rejects(signer.presign(plain(), { expiresIn }), code("InvalidPresignExpireError"));
    }
    assert.ok(await signer.presign(plain(), { expiresIn: 604_800 }));
  });

  test("a presign expiry of the wrong type says its type (\"got 600\" read as if 600 were fine; a null-prototype object was a bare TypeError); null is the default", async () => {
    const signer = new SignatureV4({ service: "svc", region: "us-east-1", credentials: keys });
    const got: string[] = [];
    for (const expiresIn of ["600", "", 1.5, null, true, 10n, {}, Object.create(null), Symbol("s")]) {
      await signer.presign(plain(), { expiresIn: expiresIn as number }).then(
        () => got.push("signed"),
        (e: { code: string; message: string }) => got.push(`${e.code}: ${e.message.replace(/.*, got /, "got ")}`),
      );
    }
    const bad = (what: string) => `InvalidPresignExpireError: got ${what}`;
    assert.deepEqual(got, [
      bad('"600" (string)'),
      bad('"" (string)'),
      bad("1.5"),
      "signed",
      bad("boolean"),
      bad("bigint"),
      bad("object"),
      bad("object"),
      bad("symbol"),
    ]);
  });

  test("malformed credentials reject with InvalidCredentials, naming the source but no secret", async () => {
    const bad = { accessKeyId: "AKID", secretAccessKey: 42 } as unknown as typeof keys;
    await assert.rejects(new SignatureV4({ service: "svc", region: "r", credentials: bad }).sign(plain()), code("InvalidCredentials"));
    await assert.rejects(
      new SignatureV4({ service: "svc", region: "r", credentials: async () => ({ accessKeyId: "A" }) as unknown as typeof keys }).sign(plain()),
      (err: unknown) => code("InvalidCredentials")(err) && /credentials provider function/.test(String(err)),
    );
  });

  test("a provider failure: sdk errors pass through, others become CredentialsError with the cause", async () => {
    const sdk = new SdkError("NoCredentialProviders", "no valid providers in chain");
    await assert.rejects(
      new SignatureV4({ service: "svc", region: "r", credentials: fakeCredentials(keys, "Chain", sdk) }).sign(plain()),
      (err: unknown) => err === sdk,
    );
    const type = new TypeError("boom tok-secret");
    await assert.rejects(
      new SignatureV4({
        service: "svc",
        region: "r",
        credentials: () => {
          throw type;
        },
      }).sign(plain()),
      (err: unknown) => code("CredentialsError")(err) && (err as Error).cause === type,
    );
  });

  test("an invalid signing date is InvalidSigningDate", async () => {
    const signer = new SignatureV4({ service: "svc", region: "r", credentials: keys });
    await assert.rejects(signer.sign(plain(), { signingDate: "not a date" }), code("InvalidSigningDate"));
  });
});

test("signHttpRequest reports a bad signing time as a rejection, not a throw", async () => {
  const result = signHttpRequest(plain(), {
    credentials: keys,
    region: "r",
    service: "svc",
    time: Number.NaN,
    uriEscapePath: true,
    normalizePath: true,
    applyChecksum: false,
    unsignedPayload: false,
    signSessionToken: true,
    crypto: nodeSigningCrypto,
    keyCache: new SigningKeyCache(),
  });
  assert.ok(result instanceof Promise);
  await assert.rejects(result, (err: unknown) => isSdkError(err, "InvalidSigningDate"));
});
