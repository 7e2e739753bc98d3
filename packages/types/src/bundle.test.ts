// The plugin interface must cost nothing at run time: an app that imports it bundles to (almost) nothing.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");

test("an app importing only @sessionkit/types bundles (minified) to under 100 bytes", async () => {
  const app = [
    'import "@sessionkit/types";',
    'import type { ClientConfigProvider, Config, Plugin } from "@sessionkit/types";',
    "const plugin: Plugin = { name: 'p', config: { region: 'us-east-2' } satisfies Config };",
    "const provider: ClientConfigProvider | undefined = undefined;",
    "console.log(plugin.name, provider);",
  ].join("\n");
  // A throwaway package that depends on @sessionkit/types through node_modules, as an app would.
  const appDir = mkdtempSync(join(tmpdir(), "sk-types-app-"));
  mkdirSync(join(appDir, "node_modules", "@sessionkit"), { recursive: true });
  symlinkSync(pkgDir, join(appDir, "node_modules", "@sessionkit", "types"), "dir");
  writeFileSync(join(appDir, "package.json"), JSON.stringify({ name: "app", type: "module", dependencies: { "@sessionkit/types": "*" } }));
  writeFileSync(join(appDir, "app.ts"), app);
  const result = await build({
    entryPoints: [join(appDir, "app.ts")],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    metafile: true,
  });
  rmSync(appDir, { recursive: true, force: true });
  const out = result.outputFiles[0]?.text ?? "";
  // The app's own code stays; nothing from the types package may be added to it.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => p.includes("dist/"));
  const fromTypes = inputs.reduce((n, p) => n + (Object.values(result.metafile.outputs)[0]?.inputs[p]?.bytesInOutput ?? 0), 0);
  assert.equal(fromTypes, 0, `bytes from @sessionkit/types in the bundle: ${fromTypes}`);
  assert.ok(out.length < 100, `bundle is ${out.length} bytes: ${out}`);
});
