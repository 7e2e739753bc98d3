#!/usr/bin/env node
// Scaffolds packages/<name> with the repo's conventions (exports types-first, dual build, files list).
// Usage: node tooling/new-package.mjs <name> "<description>" [dep ...]
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [name, description = "", ...deps] = process.argv.slice(2);
if (!name) {
  console.error('usage: node tooling/new-package.mjs <name> "<description>" [dep ...]');
  process.exit(2);
}
const dir = join(import.meta.dirname, "..", "packages", name);
if (existsSync(join(dir, "package.json"))) {
  console.error(`packages/${name} exists`);
  process.exit(1);
}
mkdirSync(join(dir, "src"), { recursive: true });
const dependencies = Object.fromEntries(
  deps.map((d) => [d, d.startsWith("@sessionkit/") ? "workspace:*" : "catalog:"]),
);
const pkg = {
  name: `@sessionkit/${name}`,
  version: "0.1.0",
  description,
  license: "Apache-2.0",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20" },
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  files: ["dist", "README.md", "CHANGELOG.md"],
  scripts: {
    build: "tsup",
    typecheck: "tsc -p tsconfig.json",
    lint: "publint --strict && attw --pack . --profile node16",
    test: "node ../../tooling/test-env/bin/sk-test.mjs",
  },
  dependencies,
  devDependencies: {
    "@sessionkit/tsconfig": "workspace:*",
    "@sessionkit/tsup-config": "workspace:*",
    "@sessionkit/test-env": "workspace:*",
  },
  publishConfig: { access: "public" },
  repository: { type: "git", url: "git+https://example.invalid/sessionkit.git", directory: `packages/${name}` },
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(dir, "tsconfig.json"),
  `${JSON.stringify({ extends: "../../tooling/tsconfig/package.tsconfig.json", include: ["src"] }, null, 2)}\n`,
);
writeFileSync(
  join(dir, "tsup.config.ts"),
  'import { packageConfig } from "@sessionkit/tsup-config";\n\nexport default packageConfig();\n',
);
writeFileSync(join(dir, "CHANGELOG.md"), `# @sessionkit/${name}\n`);
if (!existsSync(join(dir, "README.md"))) writeFileSync(join(dir, "README.md"), `# @sessionkit/${name}\n\n${description}\n`);
if (!existsSync(join(dir, "src", "index.ts"))) writeFileSync(join(dir, "src", "index.ts"), "export {};\n");
console.log(`created packages/${name}`);
