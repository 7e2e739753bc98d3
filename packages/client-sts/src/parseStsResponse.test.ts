import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import { parseAssumeRoleResponse, parseGetCallerIdentityResponse, parseGetSessionTokenResponse } from "./parseStsResponse.js";

const dir = conformanceDir();

interface TrafficEvent {
  action: { Data?: { data: { Utf8: string }; direction: string } };
}

function recordedResponseBody(scenario: string): string {
  const file = join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-config/test-data/profile-provider", scenario, "http-traffic.json");
  const traffic = JSON.parse(readFileSync(file, "utf8")) as { events: TrafficEvent[] };
  return traffic.events
    .map((e) => e.action.Data)
    .filter((d) => d?.direction === "Response")
    .map((d) => d?.data.Utf8 ?? "")
    .join("");
}

test("AssumeRole: the AWS response recorded in profile-provider/e2e_assume_role", { skip: dir.skip }, () => {
  const out = parseAssumeRoleResponse(recordedResponseBody("e2e_assume_role"));
  assert.deepEqual(out, {
    ResponseMetadata: { RequestId: "c2e971c2-702d-4124-9b1f-1670febbea18" },
    Credentials: {
      AccessKeyId: "ASIARTESTID",
      SecretAccessKey: "TESTSECRETKEY",
      SessionToken: "TESTSESSIONTOKEN",
      Expiration: new Date(1628193482 * 1000),
    },
    AssumedRoleUser: {
      Arn: "arn:aws:sts::123456789012:assumed-role/integration-test/assume-role-provider-session",
      AssumedRoleId: "AROARABCDEFGHIJKLMNOP:assume-role-provider-session",
    },
  });
});

// The shape Ceph RGW 16.2 answers with (captured from the test server; keys replaced): no prolog, no
// namespace, no ResponseMetadata, nanosecond Expiration, `AssumeRoleId` instead of `AssumedRoleId`.
const RGW_ASSUME_ROLE =
  "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>190akKXNozjXg7uquOF</AccessKeyId>" +
  "<Expiration>2026-11-27T14:09:35.406890100Z</Expiration><SecretAccessKey>SECRETSECRET</SecretAccessKey>" +
  "<SessionToken>H8PeRx+/==</SessionToken></Credentials><AssumedRoleUser><Arn>arn:aws:sts:::assumed-role/S3Access/capture</Arn>" +
  "<AssumeRoleId>3cc81dfb-3984-4054-abd8-28e14edf32bc:capture</AssumeRoleId></AssumedRoleUser>" +
  "<PackedPolicySize>0</PackedPolicySize></AssumeRoleResult></AssumeRoleResponse>";

test("AssumeRole: RGW's shape, nanosecond Expiration and its AssumeRoleId spelling", () => {
  assert.deepEqual(parseAssumeRoleResponse(new TextEncoder().encode(RGW_ASSUME_ROLE)), {
    ResponseMetadata: {},
    Credentials: {
      AccessKeyId: "190akKXNozjXg7uquOF",
      SecretAccessKey: "SECRETSECRET",
      SessionToken: "H8PeRx+/==",
      Expiration: new Date("2026-11-27T14:09:35.406Z"),
    },
    AssumedRoleUser: {
      Arn: "arn:aws:sts:::assumed-role/S3Access/capture",
      AssumedRoleId: "3cc81dfb-3984-4054-abd8-28e14edf32bc:capture",
    },
    PackedPolicySize: 0,
  });
});

test("AssumeRole: AWS documentation shape with PackedPolicySize and SourceIdentity", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity>DevUser123</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/demo/John</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:John</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLE&amp;more</SessionToken>
      <Expiration>2019-11-09T13:34:41Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`;
  const out = parseAssumeRoleResponse(xml);
  assert.equal(out.Credentials?.SessionToken, "AQoDYXdzEPT//////////wEXAMPLE&more");
  assert.equal(out.Credentials?.Expiration.toISOString(), "2019-11-09T13:34:41.000Z");
  assert.equal(out.PackedPolicySize, 6);
  assert.equal(out.SourceIdentity, "DevUser123");
  assert.deepEqual(out.ResponseMetadata, { RequestId: "c6104cbe-af31-11e0-8154-cbc7ccf896c7" });
});

test("GetSessionToken and GetCallerIdentity responses", () => {
  const gst = parseGetSessionTokenResponse(`<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetSessionTokenResult><Credentials><SessionToken>TOKEN</SessionToken><SecretAccessKey>SECRET</SecretAccessKey>
  <Expiration>2011-07-11T19:55:29.611Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId></Credentials></GetSessionTokenResult>
  <ResponseMetadata><RequestId>58c5dbae-abef-11e0-8cfe-09039844ac7d</RequestId></ResponseMetadata></GetSessionTokenResponse>`);
  assert.deepEqual(gst, {
    ResponseMetadata: { RequestId: "58c5dbae-abef-11e0-8cfe-09039844ac7d" },
    Credentials: {
      AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
      SecretAccessKey: "SECRET",
      SessionToken: "TOKEN",
      Expiration: new Date("2011-07-11T19:55:29.611Z"),
    },
  });
  const gci = parseGetCallerIdentityResponse(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AKIAI44QH8DHBEXAMPLE</UserId>
  <Account>123456789012</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
  assert.deepEqual(gci, {
    ResponseMetadata: { RequestId: "01234567-89ab-cdef-0123-456789abcdef" },
    Arn: "arn:aws:iam::123456789012:user/Alice",
    UserId: "AKIAI44QH8DHBEXAMPLE",
    Account: "123456789012",
  });
});

test("malformed or unexpected bodies are SerializationError naming what is wrong, never a TypeError", () => {
  const cases: [string, RegExp][] = [
    ["", /AssumeRole response is not XML/],
    ["<AssumeRoleResponse>", /not XML/],
    ["<GetSessionTokenResponse/>", /expected <AssumeRoleResponse>, got <GetSessionTokenResponse>/],
    ["<AssumeRoleResponse/>", /missing <AssumeRoleResult>/],
    [
      "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken><Expiration>soon</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
      /Credentials.Expiration is not an ISO 8601 date-time/,
    ],
    [
      "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId><Expiration>2020-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
      /missing Credentials.SecretAccessKey/,
    ],
  ];
  for (const [body, message] of cases) {
    assert.throws(
      () => parseAssumeRoleResponse(body),
      (err: unknown) => err instanceof Error && (err as { code?: string }).code === "SerializationError" && message.test(err.message),
      body,
    );
  }
});
