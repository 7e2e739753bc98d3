import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
          assert.ok(e.reason.includes(c.output.errorContaining) || c.output.errorContaining.includes(e.reason), `${e.reason} vs ${c.output.errorContaining}`);
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
