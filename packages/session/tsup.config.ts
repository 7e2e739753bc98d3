import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

// The Node build takes the browser-safe config helpers from the Node entry of @sessionkit/config (which has them
// too), so Node loads one config module instead of two.
const nodeConfig: Plugin = {
  name: "sessionkit-node-config",
  setup(build) {
    build.onResolve({ filter: /^\.\/configBrowser\.js$/ }, (args) => ({ path: resolve(args.resolveDir, "configBrowser.node.ts") }));
  },
};

// Two builds (`clean` is off in both: they write to the same dist; the build script empties it first).
export default [
  packageConfig({ index: "src/index.ts" }, { clean: false, esbuildPlugins: [nodeConfig] }),
  packageConfig({ browser: "src/browser.ts" }, { clean: false }),
];
