// Our side of each comparison is plugged in as packages land: a feature is "available" when the built
// package exports what the benchmark calls. Otherwise its rows say so, and no number is invented.
import { OUR_PACKAGES } from "./env.mjs";
import { runWorker } from "./proc.mjs";

export const NOT_BUILT = "n/a (package not built yet)";

// Until the session lands, clients can run on a minimal provider made of these (workers/oursProvider.mjs).
const MINIMAL_PROVIDER = { handlers: ["defaultHandlers", "sleep"], http: ["createDefaultTransport"], credentials: ["staticCredentials"] };

/** What each benchmark needs from us: package → export names (alternatives: the first that is met wins). */
const NEEDS = {
  session: [{ session: ["newSession", "newSessionWithOptions"] }],
  s3: [{ session: ["newSession"], "client-s3": ["S3"] }],
  sts: [{ session: ["newSession"], "client-sts": ["STS"] }],
  s3client: [{ session: ["newSession"], "client-s3": ["S3"] }, { "client-s3": ["S3"], ...MINIMAL_PROVIDER }],
  stsclient: [{ session: ["newSession"], "client-sts": ["STS"] }, { "client-sts": ["STS"], ...MINIMAL_PROVIDER }],
  signer: [{ "signature-v4": ["SignatureV4"] }],
};

export function detectOurs() {
  const found = runWorker("detect.mjs", OUR_PACKAGES);
  const has = (pkg, names) => found[pkg]?.ok === true && names.every((n) => found[pkg].esm.includes(n));
  const features = {};
  for (const [feature, alternatives] of Object.entries(NEEDS)) {
    const missingOf = (needs) =>
      Object.entries(needs)
        .filter(([pkg, names]) => !has(pkg, names))
        .map(([pkg, names]) => `@sessionkit/${pkg} (${names.join(", ")})`);
    const met = alternatives.findIndex((needs) => missingOf(needs).length === 0);
    features[feature] = met >= 0 ? { ok: true, viaSession: met === 0 } : { ok: false, missing: missingOf(alternatives[0]) };
  }
  return { packages: found, features };
}

/** The note for a row whose contender is missing: the brief's wording plus what exactly is missing. */
export function naNote(feature) {
  return feature.ok ? undefined : `${NOT_BUILT}: ${feature.missing.join("; ")}`;
}
