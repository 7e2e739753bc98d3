import { resolve } from "node:path";
import { packageConfig } from "@sessionkit/tsup-config";
import type { Plugin } from "esbuild";

// The browser build is the same code with WebCrypto as the default hash: this swaps the one module that
// imports node:crypto, so no browser bundle ever references it.
const browserCrypto: Plugin = {
  name: "sessionkit-browser-crypto",
  setup(build) {
    build.onResolve({ filter: /^\.\/defaultSigningCrypto\.js$/ }, (args) => ({
      path: resolve(args.resolveDir, "defaultSigningCrypto.browser.ts"),
    }));
  },
};

// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig({ index: "src/index.ts" }, { clean: false, removeNodeProtocol: false, external: ["node:crypto", "node:module"] }),
  packageConfig(
    { "index.browser": "src/index.ts" },
    { format: ["esm"], dts: false, platform: "browser", clean: false, esbuildPlugins: [browserCrypto] },
  ),
];
