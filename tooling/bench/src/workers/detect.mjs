// Which of our packages are built, and what they export (ESM and CJS entry points both checked).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const names = process.argv.slice(2);
const out = {};
for (const name of names) {
  const spec = `@sessionkit/${name}`;
  try {
    const esm = await import(spec);
    let cjs = [];
    try {
      cjs = Object.keys(require(spec));
    } catch {
      // the CJS entry is optional for detection; cold-start `require` rows report their own failure
    }
    out[name] = { ok: true, esm: Object.keys(esm), cjs };
  } catch (e) {
    out[name] = { ok: false, error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}
console.log(JSON.stringify(out));
