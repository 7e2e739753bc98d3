// The aws-c-auth SigV4 suite (38 cases × header and query) and smithy-rs's two double-encoding cases,
// read from the shared conformance folder (never copied into the repo), with both crypto implementations.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import { nodeSigningCrypto } from "./nodeSigningCrypto.js";
import { SignatureV4 } from "./SignatureV4.js";
import type { SigningCrypto } from "./SigningCrypto.js";
import { SigningKeyCache } from "./SigningKeyCache.js";
import { comparable, comparableFromText, parseRequestText, toHttpRequest } from "./test-support/requestText.js";
import { webSigningCrypto } from "./webSigningCrypto.js";

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

const conf = conformanceDir();
const CRT = "aws-c-auth/tests/aws-signing-test-suite/v4";
const SMITHY = "smithy-rs/aws/rust-runtime/aws-sigv4/aws-signing-test-suite/v4";
const crtCases = conf.skip === false ? readdirSync(join(conf.value, CRT)).sort() : [];
const read = (...parts: string[]): string => readFileSync(join(conf.value ?? "", ...parts), "utf8");

const cryptos: [string, SigningCrypto][] = [
  ["node:crypto", nodeSigningCrypto],
  ["WebCrypto", webSigningCrypto],
];

test("the aws-c-auth suite has its 38 cases", { skip: conf.skip }, () => {
  assert.equal(crtCases.length, 38);
  for (const c of crtCases) assert.ok(existsSync(join(conf.value ?? "", CRT, c, "context.json")), c);
});

for (const [cryptoName, crypto] of cryptos) {
  describe(`aws-c-auth SigV4 suite (${cryptoName})`, { skip: conf.skip }, () => {
    for (const name of crtCases) {
      const dir = join(CRT, name);
      for (const mode of ["header", "query"] as const) {
        test(`${name} [${mode}]`, async () => {
          const ctx = JSON.parse(read(dir, "context.json")) as Context;
          const signer = new SignatureV4({
            service: ctx.service,
            region: ctx.region,
            credentials: {
              accessKeyId: ctx.credentials.access_key_id,
              secretAccessKey: ctx.credentials.secret_access_key,
              ...(ctx.credentials.token === undefined ? {} : { sessionToken: ctx.credentials.token }),
            },
            // The CRT harness always double-encodes; `normalize` alone switches path normalisation.
            uriEscapePath: true,
            normalizePath: ctx.normalize,
            applyChecksum: ctx.sign_body,
            signSessionToken: ctx.omit_session_token !== true,
            crypto,
            keyCache: new SigningKeyCache(),
          });
          const request = toHttpRequest(parseRequestText(read(dir, "request.txt")));
          const before = structuredClone(request);
          const signingDate = new Date(ctx.timestamp);
          const out =
            mode === "header"
              ? await signer.signWithDetails(request, { signingDate })
              : await signer.presignWithDetails(request, { signingDate, expiresIn: ctx.expiration_in_seconds });
          assert.equal(out.canonicalRequest, read(dir, `${mode}-canonical-request.txt`), "canonical request");
          assert.equal(out.stringToSign, read(dir, `${mode}-string-to-sign.txt`), "string to sign");
          assert.equal(out.signature, read(dir, `${mode}-signature.txt`), "signature");
          assert.deepEqual(
            comparable(out.request),
            comparableFromText(parseRequestText(read(dir, `${mode}-signed-request.txt`))),
            "signed request",
          );
          assert.deepEqual(request, before, "the argument is left alone");
        });
      }
    }
  });

  describe(`smithy-rs double-encoding cases (${cryptoName})`, { skip: conf.skip }, () => {
    test("double-encode-path: `@` and an encoded `=` are encoded again", async () => {
      const dir = join(SMITHY, "double-encode-path");
      const request = toHttpRequest(parseRequestText(read(dir, "request.txt")));
      const credentials = { accessKeyId: "ANOTREAL", secretAccessKey: "notrealrnrELgWzOk3IfjzDKtFBhDby" };
      const signer = new SignatureV4({ service: "service", region: "us-east-1", credentials, crypto });
      // The canonical request file was produced at its own time (README §6); the signed request at 2015-08-30.
      const canonical = await signer.signWithDetails(request, { signingDate: new Date("2021-05-11T15:40:45Z") });
      assert.equal(canonical.canonicalRequest, read(dir, "header-canonical-request.txt"));
      const signed = await signer.signWithDetails(request, { signingDate: new Date("2015-08-30T12:36:00Z") });
      assert.match(signed.signature, /^57d15767/);
      assert.deepEqual(comparable(signed.request), comparableFromText(parseRequestText(read(dir, "header-signed-request.txt"))));
    });

    test("double-url-encode: `%3A` in a Lambda ARN path becomes `%253A`", async () => {
      const dir = join(SMITHY, "double-url-encode");
      const request = toHttpRequest(parseRequestText(read(dir, "request.txt")));
      const signer = new SignatureV4({
        service: "lambda",
        region: "us-east-2",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
        crypto,
      });
      const out = await signer.signWithDetails(request, { signingDate: new Date("2021-05-11T15:40:45Z") });
      assert.equal(out.canonicalRequest, read(dir, "header-canonical-request.txt"));
      // This file alone ends with a newline (README §6).
      assert.equal(out.stringToSign, read(dir, "header-string-to-sign.txt").replace(/\n$/, ""));
      assert.deepEqual(comparable(out.request), comparableFromText(parseRequestText(read(dir, "header-signed-request.txt"))));
    });
  });
}
