import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
// The user agent carries the package version; stamped at build time so nothing reads package.json at runtime.
const define = { __SESSIONKIT_VERSION__: JSON.stringify(version) };

// The browser build is the same code with some modules swapped for their `.browser.ts` twins, each of which says
// why: Node-only concerns (finding Node's version) and speed-ups that cost bundle bytes.
const browserModules: Plugin = {
  name: "sessionkit-browser-modules",
  setup(build) {
    build.onResolve({ filter: /^\.\/(readStream|userAgent|utf8)\.js$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts")) }));
  },
};

// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig(undefined, { clean: false, define }),
  packageConfig({ "index.browser": "src/index.ts" }, { format: ["esm"], dts: false, platform: "browser", clean: false, define, esbuildPlugins: [browserModules] }),
];
