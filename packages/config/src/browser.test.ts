import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

async function bundle(entry: string) {
  return build({
    stdin: { contents: `export * from ${JSON.stringify(join(dist, entry))};`, resolveDir: dist, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
}

test("the browser entry bundles for the browser with no fs, os, path or child_process", async () => {
  const out = await bundle("browser.js");
  const inputs = Object.keys(out.metafile.inputs);
  assert.deepEqual(
    inputs.filter((i) => /(^|:)(fs|os|path|child_process|buffer)$/.test(i)),
    [],
  );
  const code = out.outputFiles[0]?.text ?? "";
  assert.doesNotMatch(code, /node:(fs|os|path|child_process|buffer)/);
  const gz = gzipSync(code).length;
  assert.ok(gz < 16_000, `browser bundle is ${gz} B gzipped`);
});

test("control: the Node entry does not bundle for the browser", async () => {
  await assert.rejects(bundle("index.js"), (e: unknown) => {
    const texts = ((e as { errors?: { text: string }[] }).errors ?? []).map((m) => m.text).join("\n");
    assert.match(texts, /Could not resolve "(node:)?(fs|buffer|module)"/);
    return true;
  });
});
