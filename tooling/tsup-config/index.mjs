// The one build recipe for every package: ESM + CJS + d.ts/d.cts + sourcemaps, Node 20.
import { defineConfig } from "tsup";

/**
 * @param {Record<string, string> | string[]} entry entry points (name → source)
 * @param {Partial<import("tsup").Options>} [extra] per-package additions (e.g. a banner for a bin)
 */
export function packageConfig(entry = { index: "src/index.ts" }, extra = {}) {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "neutral",
    splitting: false,
    treeshake: true,
    minify: false,
    outDir: "dist",
    ...extra,
  });
}
