// Against Ceph RGW, which verifies SigV4 (header, presigned, payload hash): what we sign is accepted, a
// wrong secret is refused, presigned URLs work, and the pipeline handlers recover from a skewed clock.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { HttpRequest } from "@sessionkit/types";
import { rgw } from "@sessionkit/test-env";
import { ClockSkew } from "./ClockSkew.js";
import { formatUrl } from "./formatUrl.js";
import { SignatureV4, type SignatureV4Options } from "./SignatureV4.js";
import { fakeCredentials, fakeRequest } from "./test-support/fakeRequest.js";
import { errorCode, sendRaw } from "./test-support/sendRaw.js";
import { uriEscapePath } from "./uriEscape.js";
import { createV4ClockSkewHandler } from "./v4ClockSkewHandler.js";
import { createV4SignRequestHandler } from "./v4SignRequestHandler.js";
import { webSigningCrypto } from "./webSigningCrypto.js";

const server = rgw();
const info = server.value;
const endpoint = info === undefined ? new URL("http://127.0.0.1") : new URL(info.endpoint);
const bucket = `sigv4-${randomUUID().slice(0, 8)}`;

const s3 = (secretAccessKey = info?.secretAccessKey ?? "", extra: Partial<SignatureV4Options> = {}) =>
  new SignatureV4({
    service: "s3",
    region: "us-east-1",
    credentials: { accessKeyId: info?.accessKeyId ?? "", secretAccessKey },
    uriEscapePath: false,
    ...extra,
  });

// Path-style, as S3 clients address RGW.
const at = (method: string, path: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method,
  protocol: endpoint.protocol,
  hostname: endpoint.hostname,
  port: Number(endpoint.port),
  path,
  query: {},
  headers: {},
  ...extra,
});

describe("Ceph RGW accepts our signatures", () => {
  before(async () => {
    if (server.skip) return;
    const res = await sendRaw(await s3().sign(at("PUT", `/${bucket}`)));
    assert.equal(res.statusCode, 200, res.body);
  });

  test("ListBuckets (GET /) signed with the Authorization header", { skip: server.skip }, async () => {
    const res = await sendRaw(await s3().sign(at("GET", "/")));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, new RegExp(`<Name>${bucket}</Name>`));
  });

  test("PUT object with a body (its SHA-256 signed), then GET it back", { skip: server.skip }, async () => {
    const body = "hello from @sessionkit/signature-v4\n".repeat(50);
    const put = await sendRaw(
      await s3().sign(at("PUT", `/${bucket}/greeting.txt`, { body, headers: { "content-type": "text/plain" } })),
    );
    assert.equal(put.statusCode, 200, put.body);
    const get = await sendRaw(await s3().sign(at("GET", `/${bucket}/greeting.txt`)));
    assert.deepEqual([get.statusCode, get.body], [200, body]);
  });

  test("keys with spaces, +, =, unicode and reserved characters (S3 single encoding)", { skip: server.skip }, async () => {
    for (const key of ["a b+c=d.txt", "ünï/cødé ሴ.txt", "(weird)!*'@$;,.txt"]) {
      const path = `/${bucket}/${uriEscapePath(key)}`;
      const put = await sendRaw(await s3().sign(at("PUT", path, { body: new TextEncoder().encode(key) })));
      assert.equal(put.statusCode, 200, `${key}: ${put.body}`);
      const get = await sendRaw(await s3().sign(at("GET", path)));
      assert.deepEqual([get.statusCode, get.body], [200, key]);
    }
  });

  test("a path a lax serializer left half-encoded (encodeURIComponent keeps !'()*) is signed as RGW reads it", { skip: server.skip }, async () => {
    const key = "lax!'()*~ x.txt";
    const path = `/${bucket}/${encodeURIComponent(key)}`;
    assert.match(path, /lax!'\(\)\*~%20x/);
    const put = await sendRaw(await s3().sign(at("PUT", path, { body: "lax" })));
    assert.equal(put.statusCode, 200, put.body);
    const get = await sendRaw(await s3().sign(at("GET", `/${bucket}/${uriEscapePath(key)}`)));
    assert.deepEqual([get.statusCode, get.body], [200, "lax"]);
  });

  test("UNSIGNED-PAYLOAD and a query string (ListObjectsV2 with prefix)", { skip: server.skip }, async () => {
    const unsigned = s3(undefined, { unsignedPayload: true });
    const put = await sendRaw(await unsigned.sign(at("PUT", `/${bucket}/unsigned.txt`, { body: "not hashed" })));
    assert.equal(put.statusCode, 200, put.body);
    const list = await sendRaw(await s3().sign(at("GET", `/${bucket}`, { query: { "list-type": "2", prefix: "uns" } })));
    assert.equal(list.statusCode, 200, list.body);
    assert.match(list.body, /<Key>unsigned.txt<\/Key>/);
  });

  test("the WebCrypto implementation is accepted too", { skip: server.skip }, async () => {
    const signer = s3(undefined, { crypto: webSigningCrypto });
    const res = await sendRaw(await signer.sign(at("GET", `/${bucket}/greeting.txt`)));
    assert.equal(res.statusCode, 200, res.body);
  });

  test("a wrong secret is rejected with 403", { skip: server.skip }, async () => {
    const res = await sendRaw(await s3(`${info?.secretAccessKey ?? ""}x`).sign(at("GET", "/")));
    assert.equal(res.statusCode, 403);
    assert.ok(["AccessDenied", "SignatureDoesNotMatch"].includes(errorCode(res.body) ?? ""), res.body);
  });

  test("a payload that does not match its signed hash is rejected", { skip: server.skip }, async () => {
    const signed = await s3().sign(at("PUT", `/${bucket}/tampered.txt`, { body: "original" }));
    const res = await sendRaw({ ...signed, body: "tampered" });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(errorCode(res.body), "XAmzContentSHA256Mismatch");
  });

  test("a presigned GET URL works with plain fetch; one from a wrong secret gets 403", { skip: server.skip }, async () => {
    const url = formatUrl(await s3().presign(at("GET", `/${bucket}/greeting.txt`), { expiresIn: 300 }));
    const ok = await fetch(url);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /^hello from @sessionkit\/signature-v4/);
    const bad = await fetch(formatUrl(await s3("wrong").presign(at("GET", `/${bucket}/greeting.txt`), { expiresIn: 300 })));
    assert.equal(bad.status, 403);
    await bad.arrayBuffer();
  });

  test("pipeline: v4SignRequestHandler signs, a 30-minute-slow clock gets RequestTimeTooSkewed, v4ClockSkewHandler fixes it", { skip: server.skip }, async () => {
    const skew = new ClockSkew();
    const sign = createV4SignRequestHandler({ clockSkew: skew });
    const check = createV4ClockSkewHandler({ clockSkew: skew });
    const request = fakeRequest({
      credentials: fakeCredentials({ accessKeyId: info?.accessKeyId ?? "", secretAccessKey: info?.secretAccessKey ?? "" }),
      endpoint: info?.endpoint ?? "",
      now: () => Date.now() - 30 * 60_000,
      httpRequest: at("PUT", `/${bucket}/via-handler.txt`, { body: "signed by the handler" }),
    });
    await sign.fn(request);
    const first = await sendRaw(request.httpRequest);
    assert.deepEqual([first.statusCode, errorCode(first.body)], [403, "RequestTimeTooSkewed"]);
    // What the handlers engineer's unmarshalError phase would set.
    request.error = new SdkError("RequestTimeTooSkewed", "the difference between the request time and the current time is too large", {
      statusCode: first.statusCode,
    });
    request.httpResponse = { statusCode: first.statusCode, headers: first.headers, body: (async function* () {})() };
    check.fn(request);
    assert.equal(request.retryable, true);
    assert.ok(Math.abs(skew.offset(info?.endpoint ?? "") - 30 * 60_000) < 5_000, `offset ${skew.offset(info?.endpoint ?? "")}`);
    await sign.fn(request);
    const second = await sendRaw(request.httpRequest);
    assert.equal(second.statusCode, 200, second.body);
  });
});
