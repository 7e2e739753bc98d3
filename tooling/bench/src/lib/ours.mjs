// Our side of each comparison is plugged in as packages land: a feature is "available" when the built
// package exports what the benchmark calls. Otherwise its rows say so, and no number is invented.
import { OUR_PACKAGES } from "./env.mjs";
import { runWorker } from "./proc.mjs";

export const NOT_BUILT = "n/a (package not built yet)";

/** What each benchmark needs from us: package → export names. */
const NEEDS = {
  session: { session: ["newSession", "newSessionWithOptions"] },
  s3: { session: ["newSession"], "client-s3": ["S3"] },
  sts: { session: ["newSession"], "client-sts": ["STS"] },
  signer: { "signature-v4": ["SignatureV4"] },
};

export function detectOurs() {
  const found = runWorker("detect.mjs", OUR_PACKAGES);
  const has = (pkg, names) => found[pkg]?.ok === true && names.every((n) => found[pkg].esm.includes(n));
  const features = {};
  for (const [feature, needs] of Object.entries(NEEDS)) {
    const missing = Object.entries(needs)
      .filter(([pkg, names]) => !has(pkg, names))
      .map(([pkg, names]) => `@sessionkit/${pkg} (${names.join(", ")})`);
    features[feature] = missing.length === 0 ? { ok: true } : { ok: false, missing };
  }
  return { packages: found, features };
}

/** The note for a row whose contender is missing: the brief's wording plus what exactly is missing. */
export function naNote(feature) {
  return feature.ok ? undefined : `${NOT_BUILT}: ${feature.missing.join("; ")}`;
}
