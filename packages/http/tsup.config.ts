import { packageConfig } from "@sessionkit/tsup-config";

// Two builds: the Node entry, and the browser entry (selected by the `browser` export condition) that
// leaves out the node:http transport.
export default packageConfig({ index: "src/index.ts", browser: "src/browser.ts" });
