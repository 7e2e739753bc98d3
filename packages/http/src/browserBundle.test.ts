import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");

interface ExportsMap {
  ".": { browser: { import: { default: string } }; import: { default: string } };
}

test("the browser export condition bundles for --platform=browser without any node: import", async () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports: ExportsMap };
  const browserEntry = pkg.exports["."].browser.import.default;
  const result = await build({
    stdin: {
      contents: `import { createDefaultTransport, createFetchTransport } from "${join(pkgDir, browserEntry)}";\nexport const t = [createDefaultTransport(), createFetchTransport];`,
      resolveDir: pkgDir,
      loader: "js",
    },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    minify: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  assert.ok(code.length > 0);
  assert.doesNotMatch(code, /node:|["']https?["']/);
  assert.match(code, /fetch/);
});

test("the Node entry keeps the node:http transport (so the condition really selects a different build)", async () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports: ExportsMap };
  const code = readFileSync(join(pkgDir, pkg.exports["."].import.default), "utf8");
  assert.match(code, /from ["'](node:)?http["']/);
});
