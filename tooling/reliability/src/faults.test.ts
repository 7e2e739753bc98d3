// Fault injection: every failure a network or a server can produce, against the real pipeline (session →
// client → handlers → signer → Node transport) and a loopback server that misbehaves on purpose.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { S3 } from "@sessionkit/client-s3";
import { STS } from "@sessionkit/client-sts";
import { SdkError } from "@sessionkit/errors";
import type { Transport } from "@sessionkit/types";
import { createHttp1Transport, createNodeHttpTransport } from "@sessionkit/http";
import {
  type FaultAction,
  type FaultScript,
  FaultServer,
  LIST_BUCKETS_OK,
  type RecordedRequest,
  s3Error,
  stsError,
  xml,
} from "./FaultServer.js";
import { outcome, typedError } from "./outcome.js";
import { emptyHome, hermeticSession, recordingSleep } from "./testSession.js";

const home = emptyHome();
// Every fault runs against both Node transports (the default socket one first). One transport of each kind for
// the file, destroyed at the end, so stalled sockets cannot keep the process alive.
const TRANSPORTS = { Http1Transport: createHttp1Transport(), NodeHttpTransport: createNodeHttpTransport() };
let transport: Transport = TRANSPORTS.Http1Transport;
after(() => {
  for (const t of Object.values(TRANSPORTS)) t.destroy();
  home.remove();
});

/** Runs `fn` with a fault server that follows `script`, and closes it afterwards. */
async function withServer<T>(script: FaultScript, fn: (server: FaultServer) => Promise<T>): Promise<T> {
  const server = await FaultServer.start(script);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** The first `n` requests get `fault`, the rest `then`. */
function firstN(n: number, fault: FaultAction, then: FaultAction): FaultScript {
  return (r: RecordedRequest) => (r.index < n ? fault : then);
}

const OK = xml(LIST_BUCKETS_OK);
const GET_OK = { kind: "respond", status: 200, headers: { "content-type": "text/plain" }, body: "hello, fault" } as const;

function s3For(server: FaultServer, extra: Parameters<typeof hermeticSession>[2] = {}) {
  const backoff = recordingSleep();
  const session = hermeticSession(server.url, home.dir, { transport, sleep: backoff.sleep, ...extra });
  return { s3: new S3(session), delays: backoff.delays, session };
}

/** Go's RetryRules: attempt i waits 2^i × jitter(base), jitter uniform in [base, 2·base). */
function assertBackoff(delays: number[], base: number, extra = 0): void {
  delays.forEach((d, i) => {
    const lo = 2 ** i * base + extra;
    const hi = 2 ** i * 2 * base + extra;
    assert.ok(d >= lo && d < hi, `backoff ${i} = ${d} ms, expected [${lo}, ${hi})`);
  });
}

/** Fails the test instead of hanging it: a call that neither resolves nor rejects in `ms` is a bug. */
function noHang<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HANG: ${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

/** `n` broken answers, then a good one: the call succeeds on attempt n + 1. */
async function survives(fault: FaultAction, n: number, extra: Parameters<typeof hermeticSession>[2] = {}): Promise<void> {
  await withServer(firstN(n, fault, OK), async (server) => {
    const { s3 } = s3For(server, extra);
    assert.equal((await noHang(s3.listBuckets(), 10_000, "listBuckets")).Buckets.length, 1);
    assert.equal(server.requests.length, n + 1);
  });
}

for (const [name, each] of Object.entries(TRANSPORTS)) {
  describe(`over ${name}`, () => {
    before(() => {
      transport = each;
    });

    describe("5xx and throttling: retried with backoff up to the configured maximum, then a typed error", () => {
      for (const maxRetries of [0, 1, 3, 5]) {
        test(`500 InternalError on every attempt, maxRetries ${maxRetries}: ${maxRetries + 1} attempts, then S3ServiceError`, async () => {
          await withServer(() => s3Error(500, "InternalError"), async (server) => {
            const { s3, delays } = s3For(server, { maxRetries });
            const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
            assert.deepEqual(
              { code: err.code, statusCode: err.statusCode, operation: err.operation, requestId: err.requestId },
              { code: "InternalError", statusCode: 500, operation: "s3/ListBuckets", requestId: "req-InternalError" },
            );
            assert.equal(server.requests.length, maxRetries + 1);
            assert.equal(delays.length, maxRetries);
            assertBackoff(delays, 30);
          });
        });
      }

      test("503 SlowDown (throttling): throttle backoff from 500 ms, 4 attempts, then S3ServiceError SlowDown", async () => {
        await withServer(() => s3Error(503, "SlowDown"), async (server) => {
          const { s3, delays } = s3For(server);
          const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.deepEqual([err.code, err.statusCode], ["SlowDown", 503]);
          assert.equal(server.requests.length, 4);
          assertBackoff(delays, 500);
        });
      });

      test("503 with Retry-After: 2 adds 2 s to every throttle backoff", async () => {
        await withServer(() => s3Error(503, "SlowDown", { "retry-after": "2" }), async (server) => {
          const { s3, delays } = s3For(server, { maxRetries: 2 });
          typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.equal(delays.length, 2);
          assertBackoff(delays, 500, 2000);
        });
      });

      test("429, 502, 503, 504 and 500 once each, then 200: the call succeeds after 6 attempts", async () => {
        const faults = [
          s3Error(429, "TooManyRequests"),
          s3Error(502, "BadGateway"),
          s3Error(503, "ServiceUnavailable"),
          s3Error(504, "GatewayTimeout"),
          s3Error(500, "InternalError"),
        ];
        await withServer((r) => faults[r.index] ?? OK, async (server) => {
          const { s3, delays } = s3For(server, { maxRetries: 5 });
          const out = await s3.listBuckets();
          assert.deepEqual(out.Buckets.map((b) => b.Name), ["fault-bucket"]);
          assert.equal(server.requests.length, 6);
          assert.equal(delays.length, 5);
        });
      });

      test("501 NotImplemented and 400/403 are not retried: one attempt", async () => {
        for (const [status, code] of [[501, "NotImplemented"], [400, "InvalidArgument"], [403, "AccessDenied"]] as const) {
          await withServer(() => s3Error(status, code), async (server) => {
            const { s3, delays } = s3For(server);
            const err = typedError(await outcome(s3.listBuckets()), `${status}`);
            assert.deepEqual([err.code, err.statusCode, server.requests.length, delays.length], [code, status, 1, 0]);
          });
        }
      });

      test("STS Throttling (Query error document): throttle backoff, then STSServiceError Throttling", async () => {
        await withServer(() => stsError(400, "Throttling"), async (server) => {
          const backoff = recordingSleep();
          const sts = new STS(hermeticSession(server.url, home.dir, { transport, sleep: backoff.sleep, maxRetries: 2 }));
          const err = typedError(await outcome(sts.getSessionToken()), "getSessionToken");
          assert.deepEqual([err.code, err.statusCode, err.operation], ["Throttling", 400, "sts/GetSessionToken"]);
          assert.equal(server.count("GetSessionToken"), 3);
          assertBackoff(backoff.delays, 500);
        });
      });
    });

    describe("connection resets", () => {
      test("reset before any response byte, every time: RequestError after maxRetries + 1 attempts", async () => {
        await withServer(() => ({ kind: "reset" }), async (server) => {
          const { s3, delays } = s3For(server, { maxRetries: 2 });
          const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.deepEqual([err.code, err.retryable, server.requests.length, delays.length], ["RequestError", true, 3, 2]);
          assertBackoff(delays, 30);
        });
      });

      test("reset before the response twice, then 200: success on the 3rd attempt", async () => {
        await survives({ kind: "reset" }, 2);
      });

      test("reset in the middle of the body (ListBuckets, read by the SDK): retried, then success", async () => {
        await survives({ kind: "resetDuringBody", declared: 400, sent: 50 }, 2);
      });

      test("reset in the middle of the body on every attempt: a typed, retryable error after 4 attempts", async () => {
        await withServer(() => ({ kind: "resetDuringBody", declared: 400, sent: 50 }), async (server) => {
          const { s3 } = s3For(server);
          const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.deepEqual([err.code, err.retryable, server.requests.length], ["RequestError", true, 4]);
        });
      });

      test("reset in the middle of a GetObject body (streamed to the caller): reading it rejects with RequestError", async () => {
        await withServer(() => ({ kind: "resetDuringBody", declared: 1000, sent: 100 }), async (server) => {
          const { s3 } = s3For(server);
          const out = await s3.getObject({ Bucket: "b", Key: "k" });
          const err = typedError(await outcome(out.Body.transformToString()), "Body.transformToString");
          assert.equal(err.code, "RequestError");
        });
      });
    });

    describe("stalls: the per-attempt timeout", () => {
      test("no response headers at all: ResponseTimeout per attempt, 3 attempts, then a typed error in bounded time", async () => {
        await withServer(() => ({ kind: "stall" }), async (server) => {
          const { s3, delays } = s3For(server, { maxRetries: 2, attemptTimeoutMs: 200 });
          const started = performance.now();
          const err = typedError(await noHang(outcome(s3.listBuckets()), 10_000, "listBuckets"), "listBuckets");
          const elapsed = performance.now() - started;
          assert.deepEqual([err.code, err.retryable, server.requests.length, delays.length], ["ResponseTimeout", true, 3, 2]);
          assert.ok(elapsed >= 3 * 200 && elapsed < 3 * 200 + 2000, `took ${elapsed.toFixed(0)} ms`);
        });
      });

      test("one stalled attempt, then 200: success on the 2nd attempt", async () => {
        await survives({ kind: "stall" }, 1, { attemptTimeoutMs: 200 });
      });

      test("headers, then the body stalls half-way: a typed timeout, not a hang", async () => {
        await withServer(() => ({ kind: "stallDuringBody", declared: 400, sent: 50 }), async (server) => {
          const { s3 } = s3For(server, { maxRetries: 1, attemptTimeoutMs: 200 });
          const err = typedError(await noHang(outcome(s3.listBuckets()), 10_000, "listBuckets"), "listBuckets");
          assert.deepEqual([err.code, err.retryable, server.requests.length], ["ResponseTimeout", true, 2]);
        });
      });

      test("a GetObject body that stalls half-way: reading it rejects with ResponseTimeout", async () => {
        await withServer(() => ({ kind: "stallDuringBody", declared: 1000, sent: 100 }), async (server) => {
          const { s3 } = s3For(server, { attemptTimeoutMs: 200 });
          const out = await noHang(s3.getObject({ Bucket: "b", Key: "k" }), 10_000, "getObject");
          const err = typedError(await noHang(outcome(out.Body.transformToString()), 10_000, "Body"), "Body.transformToString");
          assert.equal(err.code, "ResponseTimeout");
        });
      });
    });

    describe("truncated bodies: a content-length mismatch is an error, never a success", () => {
      test("ListBuckets body shorter than content-length (clean FIN): retried, then a typed error", async () => {
        await withServer(() => ({ kind: "truncate", declared: 400, sent: 120 }), async (server) => {
          const { s3 } = s3For(server, { maxRetries: 2 });
          const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.ok(["ResponseLengthMismatch", "RequestError"].includes(err.code), err.code);
          assert.equal(err.retryable, true);
          assert.equal(server.requests.length, 3);
        });
      });

      test("truncated once, then whole: success", async () => {
        await survives({ kind: "truncate", declared: 400, sent: 120 }, 1);
      });

      test("GetObject body shorter than content-length: reading it rejects, no partial data returned as success", async () => {
        await withServer(() => ({ kind: "truncate", declared: 1000, sent: 999 }), async (server) => {
          const { s3 } = s3For(server);
          const out = await s3.getObject({ Bucket: "b", Key: "k" });
          const err = typedError(await outcome(out.Body.transformToByteArray()), "Body.transformToByteArray");
          assert.ok(["ResponseLengthMismatch", "RequestError"].includes(err.code), err.code);
        });
      });

      test("a whole GetObject body still reads fine through the same checks", async () => {
        await withServer(() => GET_OK, async (server) => {
          const { s3 } = s3For(server);
          const out = await s3.getObject({ Bucket: "b", Key: "k" });
          assert.equal(await out.Body.transformToString(), "hello, fault");
        });
      });
    });

    describe("error bodies that are not XML", () => {
      const bodies: [string, number, string, string][] = [
        ["HTML from a proxy", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"],
        ["plain text", 403, "text/plain", "Forbidden by policy"],
        ["JSON", 400, "application/json", '{"message":"bad"}'],
        ["binary garbage", 500, "application/octet-stream", "\u0000\u0001\u00ff<Error><Code>"],
        ["empty", 404, "text/plain", ""],
      ];
      for (const [name, status, type, body] of bodies) {
        test(`S3, ${name} (${status}): a typed S3ServiceError with the status`, async () => {
          await withServer(() => ({ kind: "respond", status, headers: { "content-type": type }, body }), async (server) => {
            const { s3 } = s3For(server, { maxRetries: 1 });
            const err = typedError(await outcome(s3.listBuckets()), name);
            assert.equal(err.statusCode, status);
            assert.equal(err.constructor.name, "S3ServiceError");
            assert.ok(err.code.length > 0 && !err.code.includes(" "), `code ${JSON.stringify(err.code)}`);
          });
        });
        test(`STS, ${name} (${status}): a typed error with the status`, async () => {
          await withServer(() => ({ kind: "respond", status, headers: { "content-type": type }, body }), async (server) => {
            const backoff = recordingSleep();
            const sts = new STS(hermeticSession(server.url, home.dir, { transport, sleep: backoff.sleep, maxRetries: 1 }));
            const err = typedError(await outcome(sts.getSessionToken()), name);
            assert.equal(err.statusCode, status);
          });
        });
      }

      test("a 200 whose body is not XML: a typed SerializationError, not a success with empty data", async () => {
        await withServer(() => ({ kind: "respond", status: 200, headers: { "content-type": "text/html" }, body: "<html>hi" }), async (server) => {
          const backoff = recordingSleep();
          const sts = new STS(hermeticSession(server.url, home.dir, { transport, sleep: backoff.sleep }));
          const err = typedError(await outcome(sts.getSessionToken()), "getSessionToken");
          assert.equal(err.code, "SerializationError");
          const { s3 } = s3For(server);
          typedError(await outcome(s3.listBuckets()), "listBuckets");
        });
      });
    });

    /** `20261127T141500Z` → ms since the epoch. */
    function amzDate(value: string | string[] | undefined): number {
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value));
      assert.ok(m, `x-amz-date ${String(value)}`);
      const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
      return Date.UTC(y, mo - 1, d, h, mi, s);
    }

    describe("RequestTimeTooSkewed: the offset is learned from the Date header, exactly one retry", () => {
      // A server that, like S3, refuses signatures more than 15 minutes away from its own clock.
      const strict: FaultScript = (r) =>
        Math.abs(amzDate(r.headers["x-amz-date"]) - Date.now()) > 15 * 60_000 ? s3Error(403, "RequestTimeTooSkewed") : OK;

      test("local clock 1 h slow: 2 attempts, the 2nd signed within seconds of the server; the next call needs 1", async () => {
        await withServer(strict, async (server) => {
          const { s3, delays } = s3For(server, { clock: () => Date.now() - 3_600_000 });
          assert.equal((await s3.listBuckets()).Buckets.length, 1);
          assert.equal(server.requests.length, 2);
          const [first, second] = server.requests.map((r) => amzDate(r.headers["x-amz-date"]) - r.wall);
          assert.ok(Math.abs((first ?? 0) + 3_600_000) < 60_000, `1st attempt off by ${first} ms`);
          assert.ok(Math.abs(second ?? Infinity) < 60_000, `2nd attempt off by ${second} ms`);
          assert.equal(delays.length, 1);
          await s3.listBuckets();
          assert.equal(server.requests.length, 3, "the learned offset is reused: no second skew error");
        });
      });

      test("a server that keeps answering RequestTimeTooSkewed: exactly one skew retry, then a typed error", async () => {
        await withServer(() => s3Error(403, "RequestTimeTooSkewed"), async (server) => {
          const { s3 } = s3For(server, { clock: () => Date.now() + 7_200_000 });
          const err = typedError(await outcome(s3.listBuckets()), "listBuckets");
          assert.deepEqual([err.code, err.statusCode, server.requests.length], ["RequestTimeTooSkewed", 403, 2]);
        });
      });

      test("STS with a clock 1 h fast: corrected the same way (2 attempts, then success)", async () => {
        const stsStrict: FaultScript = (r) =>
          Math.abs(amzDate(r.headers["x-amz-date"]) - Date.now()) > 15 * 60_000
            ? stsError(400, "RequestExpired")
            : xml(
                "<GetSessionTokenResponse><GetSessionTokenResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></GetSessionTokenResult></GetSessionTokenResponse>",
              );
        await withServer(stsStrict, async (server) => {
          const backoff = recordingSleep();
          const sts = new STS(hermeticSession(server.url, home.dir, { transport, sleep: backoff.sleep, clock: () => Date.now() + 3_600_000 }));
          const out = await sts.getSessionToken();
          assert.equal(out.Credentials?.AccessKeyId, "ASIA1");
          assert.equal(server.count("GetSessionToken"), 2);
        });
      });
    });

    describe("no sockets are leaked by failed attempts", () => {
      let server: FaultServer;
      before(async () => {
        let n = 0;
        // Rotate through every fault, then answer normally.
        const faults: FaultAction[] = [
          { kind: "reset" },
          { kind: "resetDuringBody", declared: 400, sent: 50 },
          { kind: "truncate", declared: 400, sent: 50 },
          s3Error(500, "InternalError"),
          s3Error(503, "SlowDown"),
        ];
        server = await FaultServer.start(() => faults[n++ % 10] ?? OK);
      });
      after(() => server.close());

      test("200 concurrent calls through rotating faults (half the answers broken): all succeed, the pool stays bounded", async () => {
        // Half of all answers fail, in no fixed order per call: 25 retries make a call's failure odds 2^-26.
        const { s3 } = s3For(server, { maxRetries: 25 });
        const results = await Promise.all(Array.from({ length: 200 }, () => outcome(s3.listBuckets())));
        const untyped = results.filter((r) => !r.ok && !(r.error instanceof SdkError));
        assert.equal(untyped.length, 0);
        assert.equal(results.filter((r) => r.ok).length, 200);
        assert.ok(server.openSockets <= 50, `open sockets: ${server.openSockets}`);
      });
    });
  });
}
