import { packageConfig } from "@sessionkit/tsup-config";

export default packageConfig({ index: "src/index.ts", browser: "src/browser.ts" });
