import assert from "node:assert/strict";
import { test } from "node:test";
import { STS_LEGACY_GLOBAL_REGIONS, stsEndpoint } from "./stsEndpoint.js";

test("legacy mode (Go v1's default): the 16 legacy regions go to the global endpoint, signed for us-east-1", () => {
  const regions = ["us-east-1", "eu-west-3", "ap-southeast-2", "sa-east-1", "aws-global", "ap-east-1", "me-south-1", "eu-south-1"];
  assert.deepEqual(
    regions.map((r) => [r, stsEndpoint(r).url, stsEndpoint(r).signingRegion]),
    [
      ["us-east-1", "https://sts.amazonaws.com", "us-east-1"],
      ["eu-west-3", "https://sts.amazonaws.com", "us-east-1"],
      ["ap-southeast-2", "https://sts.amazonaws.com", "us-east-1"],
      ["sa-east-1", "https://sts.amazonaws.com", "us-east-1"],
      ["aws-global", "https://sts.amazonaws.com", "us-east-1"],
      ["ap-east-1", "https://sts.ap-east-1.amazonaws.com", "ap-east-1"],
      ["me-south-1", "https://sts.me-south-1.amazonaws.com", "me-south-1"],
      ["eu-south-1", "https://sts.eu-south-1.amazonaws.com", "eu-south-1"],
    ],
  );
  assert.equal(STS_LEGACY_GLOBAL_REGIONS.size, 16);
});

test("regional mode: every region gets its own endpoint except aws-global", () => {
  const opts = { stsRegionalEndpoints: "regional" } as const;
  assert.deepEqual(
    ["us-east-1", "eu-west-1", "aws-global", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1"].map(
      (r) => stsEndpoint(r, opts),
    ),
    [
      { url: "https://sts.us-east-1.amazonaws.com", signingRegion: "us-east-1" },
      { url: "https://sts.eu-west-1.amazonaws.com", signingRegion: "eu-west-1" },
      { url: "https://sts.amazonaws.com", signingRegion: "us-east-1" },
      { url: "https://sts.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1" },
      { url: "https://sts.us-gov-west-1.amazonaws.com", signingRegion: "us-gov-west-1" },
      { url: "https://sts.us-iso-east-1.c2s.ic.gov", signingRegion: "us-iso-east-1" },
      { url: "https://sts.us-isob-east-1.sc2s.sgov.gov", signingRegion: "us-isob-east-1" },
    ],
  );
});

test("FIPS and dual-stack always resolve regionally; disableSSL picks http; no region gives no endpoint", () => {
  assert.deepEqual(stsEndpoint("us-east-1", { useFipsEndpoint: true, useDualStackEndpoint: true }), {
    url: "https://sts-fips.us-east-1.api.aws",
    signingRegion: "us-east-1",
  });
  assert.equal(stsEndpoint("us-west-2", { useFipsEndpoint: true }).url, "https://sts-fips.us-west-2.amazonaws.com");
  assert.equal(stsEndpoint("eu-west-1", { useDualStackEndpoint: true }).url, "https://sts.eu-west-1.api.aws");
  assert.equal(stsEndpoint("us-gov-east-1", { useFipsEndpoint: true }).url, "https://sts.us-gov-east-1.amazonaws.com");
  assert.equal(stsEndpoint("cn-northwest-1", { useDualStackEndpoint: true }).url, "https://sts.cn-northwest-1.api.amazonwebservices.com.cn");
  assert.equal(stsEndpoint("us-east-1", { disableSSL: true }).url, "http://sts.amazonaws.com");
  assert.deepEqual(stsEndpoint(""), { url: "", signingRegion: "" });
});
