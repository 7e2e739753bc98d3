// 3. Config resolution: region + credentials of one profile among 1 / 100 / 10,000 profiles, in a throwaway
// HOME; fresh process (interleaved rounds) and repeated in one process (interleaved batches).
import { join } from "node:path";
import { rmSync } from "node:fs";
import { cleanEnv, workersDir } from "../lib/env.mjs";
import { naNote } from "../lib/ours.mjs";
import { interleaveProcesses, runWorker } from "../lib/proc.mjs";
import { makeProfiles } from "../lib/profiles.mjs";
import { row } from "../lib/row.mjs";
import { summarize } from "../lib/stats.mjs";

const SIZES = [1, 100, 10_000];
// peer-baselines.md A3: fresh process (ms) and per call in one process (µs), with the naive figures.
const REF_FRESH = { 1: [139.8, 81.1], 100: [151.3, 82.0], 10000: [566.3, 174.8] };
const REF_REPEAT = { 1: [42.7, 28.5], 100: [837, 72.8], 10000: [332_000, 32_200] };

export function runConfig({ ours, rounds, repeatRounds, log }) {
  const feature = ours.features.session;
  const na = naNote(feature);
  const rows = { fresh: [], repeat: [] };
  for (const size of SIZES) {
    const { home, profile } = makeProfiles(size);
    try {
      // AWS_SDK_LOAD_CONFIG=1 makes a Go-style session read ~/.aws/config; the peer and the naive code ignore it.
      const env = cleanEnv({ HOME: home, AWS_SDK_LOAD_CONFIG: "1" });
      const script = join(workersDir, "config-fresh.cjs");
      const commands = {
        naive: { args: [script, "naive", profile], env },
        peer: { args: [script, "peer", profile], env },
      };
      if (feature.ok) commands.ours = { args: [script, "ours", profile], env };
      const fresh = interleaveProcesses(commands, rounds);
      const list = feature.ok ? "naive,peer,ours" : "naive,peer";
      let repeat;
      try {
        const raw = runWorker("config-repeat.cjs", [profile, String(size >= 10_000 ? Math.ceil(repeatRounds / 2) : repeatRounds), list], { env });
        repeat = { ...Object.fromEntries(Object.entries(raw.samples).map(([id, s]) => [id, summarize(s)])), ...raw.errors };
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        repeat = { naive: { error: msg }, peer: { error: msg }, ours: { error: msg } };
      }
      const label = `${size.toLocaleString("en-US")} profile${size === 1 ? "" : "s"}`;
      rows.fresh.push(
        row({
          key: `config.fresh.${size}`,
          figure: `fresh process, ${label}`,
          unit: "ms",
          ours: feature.ok ? fresh.ours : na,
          peer: fresh.peer,
          limit: fresh.naive,
          limitLabel: "naive readFileSync + scan",
          ref: { value: REF_FRESH[size][0], ratio: REF_FRESH[size][0] / REF_FRESH[size][1], delta: REF_FRESH[size][0] - REF_FRESH[size][1], primary: "ratio" },
        }),
      );
      rows.repeat.push(
        row({
          key: `config.repeat.${size}`,
          figure: `repeated in-process, ${label}`,
          unit: "µs",
          ours: feature.ok ? repeat.ours : na,
          peer: repeat.peer,
          limit: repeat.naive,
          limitLabel: "naive re-read + scan per call",
          ref: { value: REF_REPEAT[size][0], ratio: REF_REPEAT[size][0] / REF_REPEAT[size][1] },
        }),
      );
      log(`  config ${label}: fresh peer ${fresh.peer?.median?.toFixed(1)} ms, repeat peer ${repeat.peer?.median?.toFixed(1)} µs`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  return {
    id: "config",
    title: "3. Config resolution: region + credentials of one profile (peer: fromIni + loadConfig; ours: @sessionkit/config loadEnvConfig + loadSharedConfig)",
    rows: [...rows.fresh, ...rows.repeat],
  };
}
