import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

// The browser build is the same package with the platform's DOMParser behind `parseXml`: this swaps that one
// module, so browser bundles carry no XML parser of their own.
const browserParser: Plugin = {
  name: "sessionkit-browser-xml",
  setup(build) {
    build.onResolve({ filter: /^\.\/parseXml\.js$/ }, (args) => ({ path: resolve(args.resolveDir, "parseXml.browser.ts") }));
  },
};

// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig({ index: "src/index.ts" }, { clean: false }),
  packageConfig(
    { "index.browser": "src/index.ts" },
    { format: ["esm"], dts: false, platform: "browser", clean: false, esbuildPlugins: [browserParser] },
  ),
];
