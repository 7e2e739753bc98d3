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

async function bundleForNode(entry: string, names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from "${join(pkgDir, entry)}";`, resolveDir: pkgDir, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

test("the Node entry's default transport is the socket one (so the condition really selects a different build)", async () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports: ExportsMap };
  const code = await bundleForNode(pkg.exports["."].import.default, "createDefaultTransport");
  assert.match(code, /from ["'](node:)?net["']/);
  assert.match(code, /from ["'](node:)?tls["']/);
  // node:http is only for those who ask for NodeHttpTransport.
  assert.doesNotMatch(code, /from ["'](node:)?https?["']/);
});

test("the ./node entry has the socket transport and neither the fetch nor the node:http one (what a lazy import() keeps)", async () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports: { "./node": { import: { default: string } } } };
  const result = await build({
    stdin: { contents: `export const load = () => import("${join(pkgDir, pkg.exports["./node"].import.default)}");`, resolveDir: pkgDir, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  assert.match(code, /from ["'](node:)?net["']/);
  assert.doesNotMatch(code, /FetchTransport|ReadableStream|from ["'](node:)?https?["']/);
});
