import { packageConfig } from "@sessionkit/tsup-config";

// Three entries: the package, `./lazy` and `./process` (what the session loads with `import()`). Splitting gives
// them one copy of the shared code, so a class is the same class whichever entry it came from.
export default packageConfig({ index: "src/index.ts", lazy: "src/lazy.ts", process: "src/process.ts" }, { splitting: true });
