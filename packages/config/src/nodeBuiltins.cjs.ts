import type * as NodeBuffer from "node:buffer";
import type * as NodeFs from "node:fs";

// The CJS build's nodeBuiltins.ts (swapped in by tsup.config.ts). In CommonJS, `require` is at hand and Node's
// own loader has already loaded node:fs and node:buffer, so plain requires cost nothing; the ESM build's
// createRequire would load node:module (and its source-map support) at the first file read.
const fs = require("node:fs") as typeof NodeFs;
const buffer = require("node:buffer") as typeof NodeBuffer;

/** `node:fs`. */
export function nodeFs(): typeof NodeFs {
  return fs;
}

/** `node:buffer`. */
export function nodeBuffer(): typeof NodeBuffer {
  return buffer;
}
