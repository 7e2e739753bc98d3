// Lists *.test.ts files below the given roots (files are taken as they are), sorted.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** @param {string[]} roots @param {RegExp} [pattern] @returns {string[]} */
export function findTests(roots, pattern = /\.test\.ts$/) {
  const out = [];
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isFile()) {
      out.push(p);
      return;
    }
    for (const e of readdirSync(p, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
      const full = join(p, e.name);
      if (e.isDirectory()) walk(full);
      else if (pattern.test(e.name)) out.push(full);
    }
  };
  for (const r of roots) walk(r);
  return out.sort();
}
