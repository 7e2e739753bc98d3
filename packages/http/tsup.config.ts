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

// The Node entries: the main one and `./node` (the Node transport alone, for lazy `import()`). Splitting gives them
// one copy of the shared code, so a class is the same class whichever entry it came from. The browser entry (selected
// by the `browser` export condition) leaves out the node:http transport and is built apart, with its own `onAbort`.
// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig({ index: "src/index.ts", node: "src/node.ts" }, { splitting: true, clean: false }),
  packageConfig({ browser: "src/browser.ts" }, { clean: false, esbuildPlugins: [browserAbort] }),
];
