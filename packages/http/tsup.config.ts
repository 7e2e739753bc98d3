import { packageConfig } from "@sessionkit/tsup-config";

// The Node entries: the main one and `./node` (the Node transport alone, for lazy `import()`). Splitting gives them
// one copy of the shared code, so a class is the same class whichever entry it came from. The browser entry (selected
// by the `browser` export condition) leaves out the node:http transport and is built apart (split with them, measured at
// 6e2bd30: node session apps +23 and +10 B gzip, browser apps -8..+3 B).
// `clean` is off in both: they write to the same dist concurrently; the build script empties it first.
export default [
  packageConfig({ index: "src/index.ts", node: "src/node.ts" }, { splitting: true, clean: false }),
  packageConfig({ browser: "src/browser.ts" }, { clean: false }),
];
