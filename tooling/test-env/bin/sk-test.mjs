#!/usr/bin/env node
// Runs the *.test.ts files under ./src (and ./test) of the current package with node's test runner.
// Usage: sk-test [file-or-dir ...]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { findTests } from "../src/findTests.mjs";

const require = createRequire(import.meta.url);
const tsx = pathToFileURL(require.resolve("tsx")).href;
const roots = process.argv.slice(2);
const files = findTests(roots.length > 0 ? roots : ["src", "test"]);
if (files.length === 0) {
  console.log("sk-test: no test files");
  process.exit(0);
}
const r = spawnSync(
  process.execPath,
  ["--import", tsx, "--test", "--test-reporter=spec", ...files],
  { stdio: "inherit" },
);
process.exit(r.status ?? 1);
