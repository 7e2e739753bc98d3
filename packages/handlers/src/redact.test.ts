import assert from "node:assert/strict";
import { test } from "node:test";
import { REDACTED, redactHeaders, redactQuery, redactText } from "./redact.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJGMEQCIDs+token==";
const SIG = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

test("Authorization keeps its credential scope but loses the signature; token headers are replaced", () => {
  const out = redactHeaders({
    Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`,
    "X-Amz-Security-Token": TOKEN,
    "x-amz-server-side-encryption-customer-key": "c2VjcmV0a2V5",
    "x-amz-date": "20261127T000000Z",
  });
  assert.deepEqual(out, {
    Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${REDACTED}`,
    "X-Amz-Security-Token": REDACTED,
    "x-amz-server-side-encryption-customer-key": REDACTED,
    "x-amz-date": "20261127T000000Z",
  });
});

test("presigned query values are replaced, other parameters kept", () => {
  assert.deepEqual(redactQuery({ "X-Amz-Signature": SIG, "X-Amz-Security-Token": TOKEN, "X-Amz-Credential": "AKID/x", uploads: null }), {
    "X-Amz-Signature": REDACTED,
    "X-Amz-Security-Token": REDACTED,
    "X-Amz-Credential": "AKID/x",
    uploads: null,
  });
});

test("redactText removes every secret form a log line can carry and leaves the rest", () => {
  const cases: Array<[string, string]> = [
    // STS AssumeRole XML response
    [
      `<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${TOKEN}</SessionToken></Credentials>`,
      `<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>${REDACTED}</SecretAccessKey><SessionToken>${REDACTED}</SessionToken></Credentials>`,
    ],
    // JSON (credential_process, ECS/IMDS, JSON protocols)
    [
      `{"AccessKeyId":"ASIA1","SecretAccessKey": "${SECRET}","SessionToken":"${TOKEN}","Token":"t0k"}`,
      `{"AccessKeyId":"ASIA1","SecretAccessKey": "${REDACTED}","SessionToken":"${REDACTED}","Token":"${REDACTED}"}`,
    ],
    // form body of AssumeRole with MFA
    [
      "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&SerialNumber=arn%3Amfa&TokenCode=123456&Version=2011-06-15",
      `Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&SerialNumber=arn%3Amfa&TokenCode=${REDACTED}&Version=2011-06-15`,
    ],
    // presigned URL
    [
      `GET /b/k?X-Amz-Credential=AKID%2F1&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=${SIG} HTTP/1.1`,
      `GET /b/k?X-Amz-Credential=AKID%2F1&X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED} HTTP/1.1`,
    ],
    // header dump lines
    [`X-Amz-Security-Token: ${TOKEN}\nHost: s3`, `X-Amz-Security-Token: ${REDACTED}\nHost: s3`],
    // INI text
    [
      `[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET}\naws_session_token=${TOKEN}\n`,
      `[default]\naws_access_key_id = AKID\naws_secret_access_key = ${REDACTED}\naws_session_token=${REDACTED}\n`,
    ],
    ["nothing secret here: SignedHeaders=host", "nothing secret here: SignedHeaders=host"],
  ];
  for (const [input, expected] of cases) assert.equal(redactText(input), expected);
  for (const [input] of cases) {
    const out = redactText(input);
    assert.ok(!out.includes(SECRET) && !out.includes(TOKEN) && !out.includes(SIG) && !out.includes("123456"), out);
  }
});
