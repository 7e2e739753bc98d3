import { packageConfig } from "@sessionkit/tsup-config";

// Two entries: the Node one (reads files) and a browser-safe one with no fs/os/path. Splitting makes
// them share one copy of the common code, so error classes stay the same class across entries.
export default packageConfig({ index: "src/index.ts", browser: "src/browser.ts" }, { splitting: true });
