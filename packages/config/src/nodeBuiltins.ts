import type * as NodeBuffer from "node:buffer";
import type * as NodeFs from "node:fs";
import { createRequire } from "node:module";

// Node's modules, required at first use rather than imported: in an ES module, importing node:fs builds a facade
// over all of its exports, which loads Node's streams — start-up time for a program that has read no file yet.
let load: NodeJS.Require | undefined;
let fs: typeof NodeFs | undefined;
let buffer: typeof NodeBuffer | undefined;

function builtin<T>(id: string): T {
  load ??= createRequire("/");
  return load(id) as T;
}

/** `node:fs`, loaded at the first call. */
export const nodeFs = (): typeof NodeFs => (fs ??= builtin<typeof NodeFs>("node:fs"));

/** `node:buffer`, loaded at the first call. */
export const nodeBuffer = (): typeof NodeBuffer => (buffer ??= builtin<typeof NodeBuffer>("node:buffer"));
