import assert from "node:assert/strict";
import { test } from "node:test";
import {
  encodeQueryValue,
  serializeAssumeRole,
  serializeGetCallerIdentity,
  serializeGetSessionToken,
} from "./serializeQuery.js";

test("AssumeRole with the two required members matches the body the AWS SDKs send", () => {
  // The exact body recorded from the Rust SDK in profile-provider/e2e_assume_role/http-traffic.json.
  assert.equal(
    serializeAssumeRole({
      RoleArn: "arn:aws:iam::123456789:role/integration-test",
      RoleSessionName: "assume-role-provider-session",
    }),
    "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789%3Arole%2Fintegration-test&RoleSessionName=assume-role-provider-session",
  );
});

test("AssumeRole with every member: shape order, list members numbered from 1, RFC 3986 escapes", () => {
  const body = serializeAssumeRole({
    RoleArn: "arn:aws:iam::1:role/r",
    RoleSessionName: "s",
    PolicyArns: [{ arn: "arn:aws:iam::aws:policy/A" }, { arn: "arn:aws:iam::aws:policy/B" }],
    Policy: '{"Version":"2012-10-17"}',
    DurationSeconds: 1800,
    Tags: [{ Key: "team", Value: "a b" }],
    TransitiveTagKeys: ["team"],
    ExternalId: "ext!*'()",
    SerialNumber: "arn:aws:iam::1:mfa/u",
    TokenCode: "1234567",
    SourceIdentity: "me@x",
    ProvidedContexts: [{ ProviderArn: "arn:p", ContextAssertion: "c" }],
  });
  assert.deepEqual(body.split("&"), [
    "Action=AssumeRole",
    "Version=2011-06-15",
    "RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr",
    "RoleSessionName=s",
    "PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FA",
    "PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FB",
    "Policy=%7B%22Version%22%3A%222012-10-17%22%7D",
    "DurationSeconds=1800",
    "Tags.member.1.Key=team",
    "Tags.member.1.Value=a%20b",
    "TransitiveTagKeys.member.1=team",
    "ExternalId=ext%21%2A%27%28%29",
    "SerialNumber=arn%3Aaws%3Aiam%3A%3A1%3Amfa%2Fu",
    "TokenCode=1234567",
    "SourceIdentity=me%40x",
    "ProvidedContexts.member.1.ProviderArn=arn%3Ap",
    "ProvidedContexts.member.1.ContextAssertion=c",
  ]);
});

test("an explicitly empty list is sent as `Name=`; an absent one not at all", () => {
  assert.equal(
    serializeAssumeRole({ RoleArn: "r", RoleSessionName: "s", PolicyArns: [] }),
    "Action=AssumeRole&Version=2011-06-15&RoleArn=r&RoleSessionName=s&PolicyArns=",
  );
});

test("a null member is no member, as in the S3 client and as Go skips a nil pointer (it went out as the text \"null\")", () => {
  const nulls = { ExternalId: null, SerialNumber: null, TokenCode: null, Policy: null, DurationSeconds: null } as never;
  assert.equal(
    serializeAssumeRole({ RoleArn: "arn:aws:iam::1:role/r", RoleSessionName: "s", Tags: [{ Key: "k", Value: null as never }], ...(nulls as object) }),
    "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s&Tags.member.1.Key=k",
  );
  assert.equal(serializeGetSessionToken(nulls), "Action=GetSessionToken&Version=2011-06-15");
});

test("GetSessionToken and GetCallerIdentity bodies", () => {
  assert.equal(serializeGetSessionToken({}), "Action=GetSessionToken&Version=2011-06-15");
  assert.equal(
    serializeGetSessionToken({ DurationSeconds: 900, SerialNumber: "arn:aws:iam::1:mfa/u", TokenCode: "123456" }),
    "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900&SerialNumber=arn%3Aaws%3Aiam%3A%3A1%3Amfa%2Fu&TokenCode=123456",
  );
  assert.equal(serializeGetCallerIdentity(), "Action=GetCallerIdentity&Version=2011-06-15");
});

test("encodeQueryValue keeps only RFC 3986 unreserved characters", () => {
  assert.equal(encodeQueryValue("AZaz09-._~"), "AZaz09-._~");
  assert.equal(encodeQueryValue(" +/=&?ü"), "%20%2B%2F%3D%26%3F%C3%BC");
});
