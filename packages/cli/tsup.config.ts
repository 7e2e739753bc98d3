import { packageConfig } from "@sessionkit/tsup-config";
import { defineConfig } from "tsup";

// Two builds into dist/: the library entry (ESM + CJS + types), and the two executables (ESM only, with a
// shebang). The library build's clean keeps the executables, since both builds run at the same time.
const BIN_FILES = ["cli.js", "cli.js.map", "demo.js", "demo.js.map"];

export default [
  packageConfig({ index: "src/index.ts" }, { clean: BIN_FILES.map((f) => `!${f}`) }),
  defineConfig({
    entry: { cli: "src/cli.ts", demo: "src/demo.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
    dts: false,
    clean: false,
    splitting: false,
    treeshake: true,
    outDir: "dist",
  }),
];
