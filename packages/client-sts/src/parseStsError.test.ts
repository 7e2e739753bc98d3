import assert from "node:assert/strict";
import { test } from "node:test";
import { parseStsError } from "./parseStsError.js";
import { STSServiceError, StsErrorCode } from "./STSServiceError.js";

const summary = (e: STSServiceError) => ({
  name: e.name,
  code: e.code,
  message: e.message,
  statusCode: e.statusCode,
  requestId: e.requestId,
  operation: e.operation,
  errorType: e.errorType,
});

test("the Query protocol's ErrorResponse (AWS)", () => {
  const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>ExpiredTokenException</Code>
    <Message>The security token included in the request is expired</Message>
  </Error>
  <RequestId>a1b2c3d4-1111-2222-3333-444455556666</RequestId>
</ErrorResponse>`;
  const err = parseStsError(body, { statusCode: 400, requestId: "from-header", operation: "sts/AssumeRole" });
  assert.ok(err instanceof STSServiceError);
  assert.deepEqual(summary(err), {
    name: "STSServiceError",
    code: StsErrorCode.ExpiredTokenException,
    message:
      "ExpiredTokenException: The security token included in the request is expired\n\tstatus code: 400, request id: a1b2c3d4-1111-2222-3333-444455556666",
    statusCode: 400,
    requestId: "a1b2c3d4-1111-2222-3333-444455556666",
    operation: "sts/AssumeRole",
    errorType: "Sender",
  });
});

test("the S3-shaped error RGW answers STS calls with (empty Message)", () => {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message></Message>' +
    "<RequestId>tx000007290dc6cbead3c44-006b098b9b-1008-default</RequestId><HostId>1008-default-default</HostId></Error>";
  assert.deepEqual(summary(parseStsError(new TextEncoder().encode(body), { statusCode: 403 })), {
    name: "STSServiceError",
    code: "AccessDenied",
    message: "AccessDenied: status code: 403, request id: tx000007290dc6cbead3c44-006b098b9b-1008-default",
    statusCode: 403,
    requestId: "tx000007290dc6cbead3c44-006b098b9b-1008-default",
    operation: undefined,
    errorType: undefined,
  });
});

test("codes for the other documented STS errors come through unchanged", () => {
  const codes = [
    "RegionDisabledException",
    "MalformedPolicyDocument",
    "PackedPolicyTooLarge",
    "InvalidIdentityToken",
    "IDPRejectedClaim",
    "InvalidArgument",
    "NoSuchEntity",
  ];
  assert.deepEqual(
    codes.map(
      (c) =>
        parseStsError(`<ErrorResponse><Error><Type>Sender</Type><Code>${c}</Code><Message>m</Message></Error></ErrorResponse>`, {
          statusCode: 400,
          requestId: "hdr",
        }).code,
    ),
    codes,
  );
  // Without a RequestId in the body, the header's id is kept.
  assert.equal(parseStsError("<Error><Code>NoSuchEntity</Code></Error>", { statusCode: 404, requestId: "hdr" }).requestId, "hdr");
});

test("ServiceUnavailableException, empty and non-XML bodies", () => {
  assert.deepEqual(
    [
      parseStsError("<ServiceUnavailableException/>", { statusCode: 503 }),
      parseStsError("", { statusCode: 503, requestId: "r1" }),
      parseStsError("<html><body>Bad Gateway</body></html>", { statusCode: 502 }),
      parseStsError("<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>", { statusCode: 500 }),
    ].map((e) => [e.code, e.message, e.statusCode]),
    [
      ["ServiceUnavailableException", "ServiceUnavailableException: service is unavailable\n\tstatus code: 503", 503],
      ["SerializationError", "SerializationError: failed to decode query XML error response\n\tstatus code: 503, request id: r1", 503],
      ["SerializationError", "SerializationError: failed to decode query XML error response\n\tstatus code: 502", 502],
      ["SerializationError", "SerializationError: failed to decode query XML error response\n\tstatus code: 500", 500],
    ],
  );
});
