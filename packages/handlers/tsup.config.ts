import { readFileSync } from "node:fs";
import { packageConfig } from "@sessionkit/tsup-config";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The user agent carries the package version; stamped at build time so nothing reads package.json at runtime.
export default packageConfig(undefined, { define: { __SESSIONKIT_VERSION__: JSON.stringify(version) } });
