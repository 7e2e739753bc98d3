// Every class a built package exports keeps its name. A class body that names its own class makes esbuild rename
// it (`var SdkError = class _SdkError`), and users then see `_SdkError` in messages, JSON, logs and inspect output.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@sessionkit/test-env";

const packagesDir = join(repoRoot, "packages");
const entries = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name, "dist"))
  .filter((dist) => existsSync(join(dist, "index.js")));

const isClass = (v: unknown): v is abstract new (...args: never[]) => unknown =>
  typeof v === "function" && /^class\b/.test(Function.prototype.toString.call(v));

test("every exported class of every built package (ESM and CJS) keeps its export name", async () => {
  const renamed: string[] = [];
  let classes = 0;
  for (const dist of entries) {
    const modules: [string, Record<string, unknown>][] = [["esm", await import(pathToFileURL(join(dist, "index.js")).href)]];
    if (existsSync(join(dist, "index.cjs"))) modules.push(["cjs", createRequire(import.meta.url)(join(dist, "index.cjs"))]);
    for (const [kind, mod] of modules) {
      for (const [name, value] of Object.entries(mod)) {
        if (!isClass(value)) continue;
        classes++;
        if (value.name !== name) renamed.push(`${dist.replace(packagesDir, "packages")} (${kind}): ${name} is named ${value.name}`);
      }
    }
  }
  assert.ok(classes > 40, `found only ${classes} exported classes`);
  assert.deepEqual(renamed, []);
});

test("no built file renames a class to avoid a self-reference", () => {
  const found: string[] = [];
  for (const dist of entries) {
    for (const file of readdirSync(dist).filter((f) => /\.(c?js)$/.test(f))) {
      for (const m of readFileSync(join(dist, file), "utf8").matchAll(/\b(\w+) = class _\1\b/g)) found.push(`${file}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});
