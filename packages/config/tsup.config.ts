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

// ESM: the two entries share one chunk (error classes stay one class across entries), and
// @sessionkit/errors stays an import so bundlers keep a single copy of it.
// CJS: each entry is one self-contained file with @sessionkit/errors inlined, so a fresh `require`
// resolves no other package and loads no chunk (issue 3's start-up budget); `instanceof SdkError`
// holds across copies (SdkError checks a brand). `clean` is off: both builds write to dist, which the
// build script empties first.
export default [
  packageConfig(entry, { format: ["esm"], splitting: true, clean: false }),
  packageConfig(entry, { format: ["cjs"], platform: "node", clean: false, minifyWhitespace: true, minifySyntax: true, noExternal: ["@sessionkit/errors"], esbuildPlugins: [cjsBuiltins] }),
];
