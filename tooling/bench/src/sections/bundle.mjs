// 1. Bundle size: esbuild --bundle --minify of small apps, raw bytes and gzip -9 bytes, node and browser.
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { appsDir } from "../lib/env.mjs";
import { naNote } from "../lib/ours.mjs";
import { row } from "../lib/row.mjs";
import { exact } from "../lib/stats.mjs";

/** Bundles one app; returns `{ raw, gz }` in bytes or `{ error }` when esbuild refuses (e.g. node: imports in a browser build). */
async function bundle(app, platform, mainFields) {
  try {
    const result = await build({
      entryPoints: [join(appsDir, app)],
      bundle: true,
      minify: true,
      platform,
      write: false,
      logLevel: "silent",
      ...(mainFields ? { mainFields } : {}),
    });
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  } catch (e) {
    const errors = e?.errors?.map((m) => m.text) ?? [String(e)];
    const unresolved = [...new Set(errors.map((t) => /Could not resolve "([^"]+)"/.exec(t)?.[1]).filter(Boolean))];
    return { error: `build fails: ${unresolved.length ? `cannot resolve ${unresolved.join(", ")}` : errors[0]}` };
  }
}

const MODULE_MAIN = ["module", "main"];

// Peer figures from peer-baselines.md A1 (raw, gz).
const APPS = [
  { id: "s3", name: "S3 ListBuckets app", feature: "s3", peer: "peer-s3.mjs", ours: "ours-s3.mjs" },
  { id: "sts", name: "STS GetCallerIdentity app", feature: "sts", peer: "peer-sts.mjs", ours: "ours-sts.mjs" },
  { id: "profile", name: "credentials-from-profile app", feature: "session", peer: "peer-profile.mjs", ours: "ours-profile.mjs" },
  // Issue 7's browser budget: the modular client alone (no session), against the same peer app.
  { id: "s3client", name: "S3 ListBuckets app, modular S3Client without a session", feature: "s3", peer: "peer-s3.mjs", ours: "ours-s3client.mjs", only: ["browser"] },
];
const VARIANTS = [
  { id: "node", label: "node", platform: "node" },
  { id: "node-mm", label: "node --main-fields=module,main", platform: "node", mainFields: MODULE_MAIN },
  { id: "browser", label: "browser", platform: "browser", static: true },
];
const REF = {
  "s3.node": [591_901, 175_855],
  "s3.node-mm": [416_991, 128_032],
  "s3.browser": [259_906, 81_992],
  "s3client.browser": [259_906, 81_992],
  "sts.node": [452_188, 137_477],
  "sts.node-mm": [308_390, 96_302],
  "sts.browser": [152_908, 50_999],
  "profile.node": [403_668, 122_997],
  "profile.node-mm": [286_916, 90_812],
};

export async function runBundle({ ours, log }) {
  const base = {
    node: await bundle("baseline-fetch.mjs", "node"),
    browser: await bundle("baseline-fetch.mjs", "browser"),
  };
  const rows = [];
  for (const app of APPS) {
    for (const v of VARIANTS) {
      if (app.only && !app.only.includes(v.id)) continue;
      // Browser apps carry static credentials (a browser has no ~/.aws); the profile app has no such form.
      const file = (f) => (v.static && app.id !== "profile" ? f.replace(".mjs", "-static.mjs") : f);
      const peer = await bundle(file(app.peer), v.platform, v.mainFields);
      const feature = ours.features[app.feature];
      const mine = feature.ok ? await bundle(file(app.ours), v.platform, v.mainFields) : { error: naNote(feature) };
      const limit = base[v.platform];
      const ref = REF[`${app.id}.${v.id}`];
      const cred = v.static && app.id !== "profile" ? ", static credentials" : "";
      for (const [i, kind] of [
        [1, "gzip"],
        [0, "raw"],
      ]) {
        const pick = (b) => (b.error ? b.error : exact(i === 1 ? b.gz : b.raw));
        rows.push(
          row({
            key: `bundle.${app.id}.${v.id}.${kind}`,
            figure: `${app.name}, ${v.label}${cred}, ${kind}`,
            unit: "B",
            ours: pick(mine),
            peer: pick(peer),
            limit: pick(limit),
            limitLabel: "trivial fetch() app",
            ref: ref ? { value: ref[i] } : undefined,
            note:
              app.id === "profile" && v.id === "browser" && peer.error
                ? "peer-baselines.md A1: the peer's browser build fails too"
                : undefined,
          }),
        );
      }
      log(`  bundle ${app.id} ${v.id}: peer ${peer.gz ?? peer.error} gz, ours ${mine.gz ?? mine.error}`);
    }
  }
  return { id: "bundle", title: "1. Bundle size (esbuild --bundle --minify; gzip -9)", rows };
}
