import assert from "node:assert/strict";
import { test } from "node:test";
import type { Operation } from "@sessionkit/types";
import { defaultHandlers } from "./defaultHandlers.js";
import { LogLevel, logLevelAtLeast, logLevelMatches } from "./LogLevel.js";
import { addDebugHandlers, SIGNING_LOGGER_CONTEXT_KEY } from "./logHandlers.js";
import { readText } from "./readBody.js";
import { newRequest } from "./SdkRequest.js";
import { sendRequest } from "./sendRequest.js";
import { type CannedReply, cannedTransport, memoryLogger, testConfig } from "./testFixtures.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";
const AssumeRole: Operation = { name: "AssumeRole", httpMethod: "POST", httpPath: "/" };

function call(level: number, replies: CannedReply[] = [{ status: 200, headers: { "x-amzn-requestid": "rid-1" }, body: `<SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${TOKEN}</SessionToken>` }]) {
  const logger = memoryLogger();
  const transport = cannedTransport(...replies);
  const handlers = defaultHandlers();
  addDebugHandlers(handlers);
  handlers.sign.pushBack((r) => {
    r.httpRequest.headers.authorization = "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=deadbeef";
    r.httpRequest.headers["x-amz-security-token"] = TOKEN;
  });
  let body = "";
  handlers.unmarshal.pushBack(async (r) => {
    body = await readText(r.httpResponse?.body);
  });
  const request = newRequest({
    operation: AssumeRole,
    params: {},
    clientInfo: { serviceName: "sts", apiVersion: "2011-06-15", endpoint: "https://sts.amazonaws.com", signingName: "sts", signingRegion: "us-east-1" },
    config: testConfig({ logLevel: level, logger, transport, sleep: async () => {} }),
    handlers,
    httpRequest: {
      method: "POST",
      protocol: "https:",
      hostname: "sts.amazonaws.com",
      path: "/",
      query: {},
      headers: { host: "sts.amazonaws.com" },
      body: "Action=AssumeRole&TokenCode=123456",
    },
  });
  return { logger, done: sendRequest(request).catch(() => {}), body: () => body };
}

test("LogLevel flags and helpers follow Go", () => {
  assert.deepEqual(
    [LogLevel.Off, LogLevel.Debug, LogLevel.DebugWithSigning, LogLevel.DebugWithHTTPBody, LogLevel.DebugWithRequestRetries, LogLevel.DebugWithRequestErrors],
    [0, 0x1000, 0x1001, 0x1002, 0x1004, 0x1008],
  );
  assert.equal(logLevelMatches(LogLevel.DebugWithHTTPBody, LogLevel.Debug), true);
  assert.equal(logLevelMatches(LogLevel.Debug, LogLevel.DebugWithHTTPBody), false);
  assert.equal(logLevelMatches(LogLevel.DebugWithHTTPBody | LogLevel.DebugWithRequestErrors, LogLevel.DebugWithRequestErrors), true);
  assert.equal(logLevelAtLeast(LogLevel.DebugWithSigning, LogLevel.Debug), true);
  assert.equal(logLevelAtLeast(undefined, LogLevel.Debug), false);
});

test("LogOff logs nothing", async () => {
  const c = call(LogLevel.Off);
  await c.done;
  assert.deepEqual(c.logger.lines, []);
});

test("Debug dumps request and response headers in Go's format, redacted, without bodies", async () => {
  const c = call(LogLevel.Debug);
  await c.done;
  assert.equal(c.logger.lines.length, 2);
  const [req, res] = c.logger.lines as [string, string];
  assert.match(req, /^DEBUG: Request sts\/AssumeRole Details:\n---\[ REQUEST POST-SIGN \]-+\nPOST \/ HTTP\/1\.1\n/);
  assert.match(req, /authorization: AWS4-HMAC-SHA256 Credential=AKID\/20261127\/us-east-1\/sts\/aws4_request, SignedHeaders=host, Signature=\[REDACTED\]/);
  assert.match(req, /x-amz-security-token: \[REDACTED\]/);
  assert.doesNotMatch(req, /Action=AssumeRole/);
  assert.match(res, /^DEBUG: Response sts\/AssumeRole Details:\n---\[ RESPONSE \]-+\nHTTP\/1\.1 200\nx-amzn-requestid: rid-1\n/);
  assert.doesNotMatch(res, /SecretAccessKey/);
});

test("DebugWithHTTPBody logs bodies redacted, and the unmarshal handler still reads the whole body", async () => {
  const c = call(LogLevel.DebugWithHTTPBody);
  await c.done;
  const all = c.logger.lines.join("\n");
  assert.match(all, /Action=AssumeRole&TokenCode=\[REDACTED\]/);
  assert.match(all, /<SecretAccessKey>\[REDACTED\]<\/SecretAccessKey><SessionToken>\[REDACTED\]<\/SessionToken>/);
  for (const secret of [SECRET, TOKEN, "123456", "deadbeef"]) assert.ok(!all.includes(secret), secret);
  assert.equal(c.body(), `<SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${TOKEN}</SessionToken>`);
});

test("DebugWithRequestRetries and DebugWithRequestErrors log retries and failed attempts", async () => {
  const c = call(LogLevel.DebugWithRequestRetries | LogLevel.DebugWithRequestErrors, [{ status: 500, headers: {}, body: "" }, { status: 200, headers: {}, body: "" }]);
  await c.done;
  const interesting = c.logger.lines.filter((l) => !l.includes("Details:"));
  assert.equal(interesting.length, 2);
  assert.match(interesting[0] ?? "", /^DEBUG: Validate Response sts\/AssumeRole failed, attempt 0, error UnknownError: unknown error, status code: 500$/);
  assert.match(interesting[1] ?? "", /^DEBUG: Retrying Request sts\/AssumeRole, attempt 1 after \d+ ms$/);
});

test("addDebugHandlers puts Go's debug handlers around send and before completeAttempt, once", () => {
  const h = defaultHandlers();
  h.send.pushFrontNamed({ name: "user.front", fn: () => {} });
  addDebugHandlers(h);
  addDebugHandlers(h);
  assert.deepEqual(
    [h.send.names(), h.completeAttempt.names()],
    [["awssdk.client.LogRequest", "user.front", "core.SendHandler", "awssdk.client.LogResponse"], ["awssdk.client.LogAttemptError"]],
  );
});

test("without the debug handlers nothing is dumped; retries are still logged (names and numbers only)", async () => {
  const logger = memoryLogger();
  const handlers = defaultHandlers();
  const request = newRequest({
    operation: AssumeRole,
    params: {},
    clientInfo: { serviceName: "sts", apiVersion: "2011-06-15", endpoint: "https://sts.amazonaws.com", signingName: "sts", signingRegion: "us-east-1" },
    config: testConfig({ logLevel: LogLevel.DebugWithHTTPBody | LogLevel.DebugWithRequestRetries | LogLevel.DebugWithRequestErrors, logger, transport: cannedTransport({ status: 500 }, { status: 200 }), sleep: async () => {} }),
    handlers,
    httpRequest: { method: "POST", protocol: "https:", hostname: "sts.amazonaws.com", path: "/", query: {}, headers: {} },
  });
  await sendRequest(request);
  assert.deepEqual(logger.lines.map((l) => l.replace(/\d+ ms$/, "N ms")), ["DEBUG: Retrying Request sts/AssumeRole, attempt 1 after N ms"]);
});

test("addDebugHandlers gives the signer its signing logger first in sign; the logger writes the signer's format", async () => {
  const h = defaultHandlers();
  addDebugHandlers(h);
  addDebugHandlers(h);
  assert.deepEqual(h.sign.names(), ["awssdk.v4.LogSigning", "core.BuildContentLengthHandler"]);
  const seen: unknown[] = [];
  h.sign.pushBack((r) => {
    const log = r.context.get(SIGNING_LOGGER_CONTEXT_KEY) as (r: unknown, d: { canonicalRequest: string; stringToSign: string }, t?: string) => void;
    seen.push(typeof log);
    log(r, { canonicalRequest: `GET\n/\n\nx-amz-security-token:${TOKEN}\n\nx-amz-security-token\nUNSIGNED-PAYLOAD`, stringToSign: "AWS4-HMAC-SHA256\nSTS" }, TOKEN);
  });
  const logger = memoryLogger();
  const request = newRequest({
    operation: AssumeRole,
    params: {},
    clientInfo: { serviceName: "sts", apiVersion: "2011-06-15", endpoint: "https://sts.amazonaws.com", signingName: "sts", signingRegion: "us-east-1" },
    config: testConfig({ logLevel: LogLevel.DebugWithSigning, logger, transport: cannedTransport({ status: 200 }), sleep: async () => {} }),
    handlers: h,
    httpRequest: { method: "GET", protocol: "https:", hostname: "sts.amazonaws.com", path: "/", query: {}, headers: {} },
  });
  await sendRequest(request);
  assert.deepEqual(seen, ["function"]);
  const rule = (t: string) => `---[ ${t} ]`.padEnd(53, "-");
  assert.equal(
    logger.lines[0],
    `DEBUG: Request Signature:\n${rule("CANONICAL STRING ")}\nGET\n/\n\nx-amz-security-token:<redacted>\n\nx-amz-security-token\nUNSIGNED-PAYLOAD\n${rule("STRING TO SIGN")}\nAWS4-HMAC-SHA256\nSTS\n${"-".repeat(53)}`,
  );
});

test("the signing log hides every secret the canonical request holds: SSE-C keys, a token in the query", async () => {
  const h = defaultHandlers();
  addDebugHandlers(h);
  const token = "FwoG+EXAMPLE/TOKEN=";
  const keys = ["c3NlLWMga2V5LW9uZQ==", "c3NlLWMga2V5LXR3bw=="];
  h.sign.pushBack((r) => {
    const log = r.context.get(SIGNING_LOGGER_CONTEXT_KEY) as (r: unknown, d: { canonicalRequest: string; stringToSign: string }, t?: string) => void;
    const canonicalRequest = [
      "GET",
      "/b/k",
      `X-Amz-Security-Token=${encodeURIComponent(token)}&versionId=3`,
      "host:b.s3.amazonaws.com",
      `x-amz-copy-source-server-side-encryption-customer-key:${keys[0]}`,
      `x-amz-server-side-encryption-customer-key:${keys[1]}`,
      "x-amz-server-side-encryption-customer-key-md5:bWQ1",
      "",
      "host;x-amz-copy-source-server-side-encryption-customer-key;x-amz-server-side-encryption-customer-key;x-amz-server-side-encryption-customer-key-md5",
      "UNSIGNED-PAYLOAD",
    ].join("\n");
    log(r, { canonicalRequest, stringToSign: "AWS4-HMAC-SHA256\nS3" }, token);
  });
  const logger = memoryLogger();
  await sendRequest(
    newRequest({
      operation: AssumeRole,
      params: {},
      clientInfo: { serviceName: "s3", apiVersion: "2006-03-01", endpoint: "https://s3.amazonaws.com", signingName: "s3", signingRegion: "us-east-1" },
      config: testConfig({ logLevel: LogLevel.DebugWithSigning, logger, transport: cannedTransport({ status: 200 }), sleep: async () => {} }),
      handlers: h,
      httpRequest: { method: "GET", protocol: "https:", hostname: "b.s3.amazonaws.com", path: "/b/k", query: {}, headers: {} },
    }),
  );
  const lines = (logger.lines[0] ?? "").split("\n");
  assert.deepEqual(
    [...keys, token, encodeURIComponent(token)].filter((secret) => logger.lines.join("\n").includes(secret)),
    [],
  );
  // What is not secret stays readable.
  assert.deepEqual(lines.slice(2, 5), ["GET", "/b/k", "X-Amz-Security-Token=[REDACTED]&versionId=3"]);
  assert.ok(lines.includes("x-amz-server-side-encryption-customer-key-md5:bWQ1"), lines.join("\n"));
});
