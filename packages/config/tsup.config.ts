import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

const entry = { index: "src/index.ts", browser: "src/browser.ts" };

// The CJS build reads Node's modules with plain `require` (see nodeBuiltins.cjs.ts).
const cjsBuiltins: Plugin = {
  name: "sessionkit-cjs-builtins",
  setup(build) {
    build.onResolve({ filter: /^\.\/nodeBuiltins\.js$/ }, (args) => ({ path: resolve(args.resolveDir, "nodeBuiltins.cjs.ts") }));
  },
};

// ESM: each entry is one file (no shared chunk: a chunk is one more module for Node's ESM loader to resolve and
// link at every `import`, 1.6–2.4 ms of a cold start), and @sessionkit/errors stays an import so bundlers keep a
// single copy of it. An app never loads both entries (`browser` is the browser build's); if one did, the error
// classes of each are their own, and `instanceof SdkError` still holds (its brand), as in the CJS build.
// CJS: each entry is one self-contained file with @sessionkit/errors inlined, so a fresh `require`
// resolves no other package and loads no chunk (issue 3's start-up budget); `instanceof SdkError`
// holds across copies (SdkError checks a brand). `clean` is off: both builds write to dist, which the
// build script empties first.
export default [
  packageConfig({ index: entry.index }, { format: ["esm"], clean: false }),
  packageConfig({ browser: entry.browser }, { format: ["esm"], clean: false }),
  packageConfig(entry, { format: ["cjs"], platform: "node", clean: false, minifyWhitespace: true, minifySyntax: true, noExternal: ["@sessionkit/errors"], esbuildPlugins: [cjsBuiltins] }),
];
