import assert from "node:assert/strict";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import { CoreHandlers, LogLevel } from "@sessionkit/handlers";
import { STS } from "./STS.js";
import { STSServiceError } from "./STSServiceError.js";
import { cannedTransport, keys, memoryLogger, testProvider } from "./testFixtures.js";

const NOW = Date.UTC(2021, 7, 5, 18, 58, 2);
const ROLE = "arn:aws:iam::123456789012:role/demo";

const ASSUME_ROLE_OK = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/demo/s</Arn></AssumedRoleUser>
    <Credentials><AccessKeyId>ASIATEMP</AccessKeyId><SecretAccessKey>TEMPSECRET</SecretAccessKey>
      <SessionToken>TEMPTOKEN</SessionToken><Expiration>2021-08-05T19:58:02Z</Expiration></Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

test("assumeRole runs the pipeline: form body, SigV4 for sts, parsed output", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK, headers: { "x-amzn-requestid": "req-1" } });
  const provider = testProvider({ transport, clock: () => NOW });
  const sts = new STS(provider);
  const out = await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s", DurationSeconds: 900 });

  assert.deepEqual(provider.names, ["sts"]);
  assert.equal(transport.requests.length, 1);
  const req = transport.requests[0];
  assert.equal(req?.method, "POST");
  assert.equal(req?.url, "https://sts.amazonaws.com/");
  assert.equal(req?.body, "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=s&DurationSeconds=900");
  assert.equal(req?.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(req?.headers["content-length"], String(req?.body.length));
  assert.equal(req?.headers["x-amz-date"], "20210805T185802Z");
  assert.match(
    req?.headers.authorization ?? "",
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20210805\/us-east-1\/sts\/aws4_request, SignedHeaders=[a-z0-9;-]*content-type;host;x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
  );
  assert.deepEqual(
    [sts.handlers.build.names(), sts.handlers.sign.names(), sts.handlers.unmarshal.names(), sts.handlers.unmarshalError.names(), sts.handlers.retry.names()],
    [
      ["core.SDKVersionUserAgentHandler", "awssdk.query.Build"],
      ["core.BuildContentLengthHandler", "v4.SignRequestHandler"],
      ["awssdk.query.Unmarshal"],
      ["awssdk.query.UnmarshalError"],
      ["v4.ClockSkewHandler"],
    ],
  );
  assert.deepEqual(out, {
    ResponseMetadata: { RequestId: "req-1" },
    AssumedRoleUser: { Arn: "arn:aws:sts::123456789012:assumed-role/demo/s", AssumedRoleId: "AROA:s" },
    Credentials: {
      AccessKeyId: "ASIATEMP",
      SecretAccessKey: "TEMPSECRET",
      SessionToken: "TEMPTOKEN",
      Expiration: new Date("2021-08-05T19:58:02Z"),
    },
  });
});

test("a session token is signed into x-amz-security-token", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const sts = new STS(testProvider({ transport, credentials: keys("ASIASOURCE", "S", "SOURCETOKEN") }));
  await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s" });
  assert.equal(transport.requests[0]?.headers["x-amz-security-token"], "SOURCETOKEN");
  assert.match(transport.requests[0]?.headers.authorization ?? "", /SignedHeaders=[^,]*x-amz-security-token/);
});

test("endpoint and signing region: legacy global, regional, late regions, configured endpoint", async () => {
  const cases: Array<[string, "legacy" | "regional", string | undefined, string, string]> = [
    ["eu-west-1", "legacy", undefined, "https://sts.amazonaws.com/", "us-east-1"],
    ["eu-west-1", "regional", undefined, "https://sts.eu-west-1.amazonaws.com/", "eu-west-1"],
    ["ap-east-1", "legacy", undefined, "https://sts.ap-east-1.amazonaws.com/", "ap-east-1"],
    ["us-east-2", "legacy", "http://127.0.0.1:9000", "http://127.0.0.1:9000/", "us-east-2"],
    ["us-east-2", "legacy", "sts.example.test", "https://sts.example.test/", "us-east-2"],
  ];
  const seen: Array<[string, string]> = [];
  for (const [region, mode, endpoint] of cases) {
    const transport = cannedTransport({ body: ASSUME_ROLE_OK });
    const sts = new STS(testProvider({ transport, region, stsRegionalEndpoints: mode }, endpoint));
    await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s" });
    const auth = transport.requests[0]?.headers.authorization ?? "";
    seen.push([transport.requests[0]?.url ?? "", /Credential=[^/]+\/\d+\/([^/]+)\/sts\//.exec(auth)?.[1] ?? ""]);
  }
  assert.deepEqual(
    seen,
    cases.map(([, , , url, signingRegion]) => [url, signingRegion]),
  );
});

test("overrides given to the constructor reach clientConfig (region → endpoint)", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const sts = new STS(testProvider({ transport }), { region: "eu-central-2", stsRegionalEndpoints: "regional" });
  assert.equal(sts.clientInfo.endpoint, "https://sts.eu-central-2.amazonaws.com");
  assert.equal(sts.clientInfo.signingRegion, "eu-central-2");
});

test("typed errors from both error shapes carry code, status, request id and operation", async () => {
  const transport = cannedTransport(
    {
      status: 403,
      headers: { "x-amz-request-id": "tx-rgw" },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message></Message><RequestId>tx-rgw</RequestId><HostId>h</HostId></Error>',
    },
    {
      status: 400,
      headers: { "x-amzn-requestid": "aws-1" },
      body: "<ErrorResponse><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>bad policy</Message></Error><RequestId>aws-1</RequestId></ErrorResponse>",
    },
  );
  const sts = new STS(testProvider({ transport }));
  const errors: unknown[] = [];
  for (let i = 0; i < 2; i++) await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s" }).catch((e: unknown) => errors.push(e));
  assert.deepEqual(
    errors.map((e) => {
      assert.ok(e instanceof STSServiceError);
      return [e.code, e.statusCode, e.requestId, e.operation, e.errorType, e.message];
    }),
    [
      ["AccessDenied", 403, "tx-rgw", "sts/AssumeRole", undefined, "AccessDenied: status code: 403, request id: tx-rgw"],
      ["MalformedPolicyDocument", 400, "aws-1", "sts/AssumeRole", "Sender", "MalformedPolicyDocument: bad policy\n\tstatus code: 400, request id: aws-1"],
    ],
  );
  // 4xx errors are not retried.
  assert.equal(transport.requests.length, 2);
});

test("503 is retried, then succeeds; ExpiredTokenException expires the credentials and retries once", async () => {
  const retry = cannedTransport({ status: 503, body: "" }, { body: ASSUME_ROLE_OK });
  const out = await new STS(testProvider({ transport: retry })).assumeRole({ RoleArn: ROLE, RoleSessionName: "s" });
  assert.equal(out.Credentials?.AccessKeyId, "ASIATEMP");
  assert.equal(retry.requests.length, 2);

  let expired = 0;
  const credentials = Object.assign(keys("AK", "SK"), { expire: () => void expired++ });
  const expiredToken = cannedTransport({
    status: 400,
    body: "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredTokenException</Code><Message>expired</Message></Error><RequestId>x</RequestId></ErrorResponse>",
  });
  const err = await new STS(testProvider({ transport: expiredToken, credentials }))
    .getSessionToken()
    .catch((e: unknown) => e);
  assert.ok(isSdkError(err, "ExpiredTokenException"));
  assert.deepEqual([expiredToken.requests.length, expired], [2, 1]);
});

test("getSessionToken and getCallerIdentity send their own bodies and parse their results", async () => {
  const transport = cannedTransport(
    {
      body: "<GetSessionTokenResponse><GetSessionTokenResult><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></GetSessionTokenResult></GetSessionTokenResponse>",
      headers: { "x-amzn-requestid": "from-header" },
    },
    {
      body: "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/u</Arn><UserId>AIDA</UserId><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
    },
  );
  const sts = new STS(testProvider({ transport }));
  const token = await sts.getSessionToken({ DurationSeconds: 3600, SerialNumber: "arn:aws:iam::1:mfa/u", TokenCode: "123456" });
  const who = await sts.getCallerIdentity();
  assert.deepEqual(
    transport.requests.map((r) => r.body),
    [
      "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=3600&SerialNumber=arn%3Aaws%3Aiam%3A%3A1%3Amfa%2Fu&TokenCode=123456",
      "Action=GetCallerIdentity&Version=2011-06-15",
    ],
  );
  assert.deepEqual(token.ResponseMetadata, { RequestId: "from-header" });
  assert.equal(token.Credentials?.Expiration.toISOString(), "2030-01-01T00:00:00.000Z");
  assert.deepEqual(who, { ResponseMetadata: {}, Arn: "arn:aws:iam::1:user/u", UserId: "AIDA", Account: "1" });
});

test("parameter validation (when the validate handler is installed) lists every problem, sends nothing", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const sts = new STS(testProvider({ transport }));
  sts.handlers.validate.pushBackNamed(CoreHandlers.ValidateParametersHandler);
  const err = await sts
    .assumeRole({ RoleArn: "arn:short", DurationSeconds: 60, TokenCode: "1" } as never)
    .catch((e: unknown) => e);
  assert.ok(isSdkError(err, "InvalidParameter"));
  assert.equal(
    err.message,
    "InvalidParameter: 3 validation error(s) found.\n- missing required field, AssumeRoleInput.RoleSessionName.\n- minimum field size of 20, AssumeRoleInput.RoleArn.\n- minimum field value of 900, AssumeRoleInput.DurationSeconds.",
  );
  assert.equal(err.operation, "sts/AssumeRole");
  assert.equal(transport.requests.length, 0);
});

test("LogDebugWithHTTPBody logs request and response without secrets, tokens or MFA codes", async () => {
  const logger = memoryLogger();
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const sts = new STS(
    testProvider({ transport, logger, logLevel: LogLevel.DebugWithHTTPBody, credentials: keys("ASIASOURCE", "SOURCESECRET", "SOURCETOKEN") }),
  );
  const out = await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s", SerialNumber: "arn:aws:iam::1:mfa/u", TokenCode: "7654321" });
  assert.equal(out.Credentials?.SecretAccessKey, "TEMPSECRET");
  const log = logger.lines.join("\n");
  assert.match(log, /DEBUG: Request sts\/AssumeRole Details:/);
  assert.match(log, /DEBUG: Response sts\/AssumeRole Details:/);
  assert.match(log, /<AccessKeyId>ASIATEMP<\/AccessKeyId>/);
  assert.match(log, /TokenCode=\[REDACTED\]/);
  for (const secret of ["TEMPSECRET", "TEMPTOKEN", "SOURCESECRET", "SOURCETOKEN", "7654321"]) {
    assert.equal(log.includes(secret), false, `log shows ${secret}`);
  }
});

test("an aborted call rejects with RequestCanceled", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const sts = new STS(testProvider({ transport }));
  const controller = new AbortController();
  controller.abort();
  const err = await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s" }, { signal: controller.signal }).catch((e: unknown) => e);
  assert.ok(isSdkError(err, "RequestCanceled"));
  assert.equal(transport.requests.length, 0);
});

test("no region and no endpoint: MissingRegion before anything is sent", async () => {
  const transport = cannedTransport({ body: ASSUME_ROLE_OK });
  const err = await new STS(testProvider({ transport, region: "" }))
    .assumeRole({ RoleArn: ROLE, RoleSessionName: "s" })
    .catch((e: unknown) => e);
  assert.ok(isSdkError(err, "MissingRegion"));
  assert.equal(transport.requests.length, 0);
});

test("a region that would change the endpoint's host is InvalidRegion before anything is sent (Go's endpoint rules)", async () => {
  const outcomes: string[] = [];
  for (const region of ["eu-west-3", "us-east-1.evil.com#", "eu-west-3/x"]) {
    const transport = cannedTransport({ body: ASSUME_ROLE_OK });
    const sts = new STS(testProvider({ transport, region, clock: () => NOW }));
    outcomes.push(
      await sts.assumeRole({ RoleArn: ROLE, RoleSessionName: "s" }).then(
        () => `sent to ${transport.requests.map((r) => r.url).join()}`,
        (e: Error) => `${e.message} (${transport.requests.length} sent)`,
      ),
    );
  }
  assert.deepEqual(outcomes, [
    "sent to https://sts.amazonaws.com/",
    'InvalidRegion: invalid region "us-east-1.evil.com#" (0 sent)',
    'InvalidRegion: invalid region "eu-west-3/x" (0 sent)',
  ]);
});
