import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { conformanceDir } from "@sessionkit/test-env";
import { parseSharedConfig, SharedConfigParseError } from "./index.js";

const dir = conformanceDir();

interface ParserCase {
  name: string;
  input: { configFile?: string; credentialsFile?: string };
  output: { config: { profiles: Record<string, unknown>; sso_sessions?: Record<string, unknown> } } | { errorContaining: string };
}

/** Deep copy into ordinary objects (our records have no prototype). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

test("profile-parser-tests.json: all 65 cases", { skip: dir.skip }, () => {
  const suite = JSON.parse(
    readFileSync(join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-runtime/test-data/profile-parser-tests.json"), "utf8"),
  ) as { tests: ParserCase[] };
  const failures: string[] = [];
  let ok = 0;
  let errors = 0;
  for (const c of suite.tests) {
    try {
      if ("errorContaining" in c.output) {
        assert.throws(() => parseSharedConfig(c.input, { subProperties: "raw" }), (e: unknown) => {
          assert.ok(e instanceof SharedConfigParseError, `not a SharedConfigParseError: ${String(e)}`);
          assert.equal(e.code, "SharedConfigParseError");
          if (!("errorContaining" in c.output)) return false;
          assert.ok(e.reason.includes(c.output.errorContaining), `${e.reason} vs ${c.output.errorContaining}`);
          assert.ok(e.line >= 1);
          return true;
        });
        errors++;
      } else {
        const got = parseSharedConfig(c.input, { subProperties: "raw" });
        assert.deepEqual(plain(got.profiles), c.output.config.profiles);
        if (c.output.config.sso_sessions !== undefined) assert.deepEqual(plain(got.ssoSessions), c.output.config.sso_sessions);
        ok++;
      }
    } catch (e) {
      failures.push(`${c.name}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual({ total: suite.tests.length, ok, errors }, { total: 65, ok: 55, errors: 10 });
});

// The design card names the `ini` package. These are the cases it gets wrong for AWS files.
const ini = createRequire(import.meta.url)("ini") as { parse(text: string): Record<string, Record<string, unknown>> };

test("why the reader is our own: what the ini package does with AWS files", () => {
  const text = [
    "[profile dev]",
    "aws_secret_access_key = abc;def",
    "Region = us-west-2",
    "s3 =",
    "  endpoint_url = http://localhost:9000",
    "sso_start_url = https://example.awsapps.com/start/#/",
  ].join("\n");
  const theirs = JSON.parse(JSON.stringify(ini.parse(text)["profile dev"]));
  const ours = JSON.parse(JSON.stringify(parseSharedConfig({ configFile: text }).profiles.dev));
  assert.deepEqual(
    { theirs, ours },
    {
      theirs: {
        aws_secret_access_key: "abc", // `;def` is lost: ini cuts at any ; or #
        Region: "us-west-2", // key case kept: `region` lookups miss it
        s3: "",
        endpoint_url: "http://localhost:9000", // the sub-property is flattened into the profile
        sso_start_url: "https://example.awsapps.com/start/", // the URL's `#/` is lost
      },
      ours: {
        aws_secret_access_key: "abc;def",
        region: "us-west-2",
        s3: { endpoint_url: "http://localhost:9000" },
        sso_start_url: "https://example.awsapps.com/start/#/",
      },
    },
  );
  // And it reports no errors at all: a broken line is silently dropped.
  assert.deepEqual(JSON.parse(JSON.stringify(ini.parse("[default]\nregion us-east-1\n"))), { default: { "region us-east-1": true } });
  assert.throws(() => parseSharedConfig({ credentialsFile: "[default]\nregion us-east-1\n" }), SharedConfigParseError);
});
