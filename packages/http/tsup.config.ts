import { packageConfig } from "@sessionkit/tsup-config";

// Three entries: the Node one, the browser one (selected by the `browser` export condition) that leaves out the
// node:http transport, and `./node` (the Node transport alone, for lazy `import()`). Splitting gives them one
// copy of the shared code, so a class is the same class whichever entry it came from.
export default packageConfig({ index: "src/index.ts", browser: "src/browser.ts", node: "src/node.ts" }, { splitting: true });
