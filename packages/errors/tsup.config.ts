import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

// The browser build is the same code with a listener per call on abort signals (onAbort.browser.ts): only Node warns
// about signals with many listeners, which the Node build's shared listener (onAbort.ts) is for.
const browserAbort: Plugin = {
  name: "sessionkit-browser-abort",
  setup(build) {
    build.onResolve({ filter: /^\.\/onAbort\.js$/ }, (args) => ({ path: resolve(args.resolveDir, "onAbort.browser.ts") }));
  },
};

// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig(undefined, { clean: false }),
  packageConfig({ "index.browser": "src/index.ts" }, { format: ["esm"], dts: false, platform: "browser", clean: false, esbuildPlugins: [browserAbort] }),
];
