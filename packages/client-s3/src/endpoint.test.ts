import assert from "node:assert/strict";
import { test } from "node:test";
import { needsPathStyle, s3Endpoint } from "./endpoint.js";

test("default endpoints per region and us-east-1 mode", () => {
  const rows: [string, Parameters<typeof s3Endpoint>[1], string][] = [
    ["us-east-1", {}, "https://s3.amazonaws.com"],
    ["us-east-1", { s3UsEast1RegionalEndpoint: "legacy" }, "https://s3.amazonaws.com"],
    ["us-east-1", { s3UsEast1RegionalEndpoint: "regional" }, "https://s3.us-east-1.amazonaws.com"],
    ["aws-global", { s3UsEast1RegionalEndpoint: "regional" }, "https://s3.amazonaws.com"],
    ["eu-west-1", {}, "https://s3.eu-west-1.amazonaws.com"],
    ["us-west-2", { disableSSL: true }, "http://s3.us-west-2.amazonaws.com"],
    ["cn-north-1", {}, "https://s3.cn-north-1.amazonaws.com.cn"],
  ];
  for (const [region, options, want] of rows) assert.equal(s3Endpoint(region, options), want, `${region} ${JSON.stringify(options)}`);
});

test("path-style is forced for IP/localhost endpoints, non-DNS buckets, dotted buckets under HTTPS", () => {
  const rows: [host: string, bucket: string, force: boolean, https: boolean, pathStyle: boolean][] = [
    ["s3.amazonaws.com", "my-bucket", false, true, false],
    ["s3.amazonaws.com", "my-bucket", true, true, true],
    ["127.0.0.1", "my-bucket", false, false, true],
    ["localhost", "my-bucket", false, false, true],
    ["minio.localhost", "my-bucket", false, false, true],
    ["[::1]", "my-bucket", false, false, true],
    ["::1", "my-bucket", false, false, true],
    ["s3.amazonaws.com", "My_Bucket", false, true, true],
    ["s3.amazonaws.com", "ab", false, true, true],
    ["s3.amazonaws.com", "a".repeat(63), false, true, false],
    ["s3.amazonaws.com", "a".repeat(64), false, true, true],
    ["s3.amazonaws.com", "-bucket", false, true, true],
    ["s3.amazonaws.com", "bucket-", false, true, true],
    ["s3.amazonaws.com", "my.bucket", false, true, true],
    ["s3.amazonaws.com", "my.bucket", false, false, false],
    ["s3.amazonaws.com", "my..bucket", false, false, true],
    ["s3.amazonaws.com", "192.168.5.4", false, false, true],
  ];
  for (const [host, bucket, force, https, want] of rows) {
    assert.equal(needsPathStyle(host, bucket, force, https), want, `${host} ${bucket} force=${force} https=${https}`);
  }
});
