#!/usr/bin/env node
// Region + static credentials for one profile out of files with 1, 100 and 10,000 profiles:
// @sessionkit/config against the AWS SDK v3 path (@smithy/node-config-provider `loadConfig` for the
// region + @smithy/shared-ini-file-loader `parseKnownFiles` for the keys, as `fromIni` does) and a
// bare read-and-scan of the files. Two measures:
//   repeated: calls in one warm process (µs per call; each call re-resolves, like a new session/client)
//   fresh:    one whole `node` process per resolution (median ms, rounds interleaved in random order)
// Usage: pnpm --filter @sessionkit/config bench [-- --rounds 9 --no-fresh --sizes 1,100,10000]
// Build first (`pnpm turbo run build --filter=@sessionkit/config`): this imports ../dist.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

/** One resolution per implementation; each returns [region, accessKeyId, secretAccessKey]. */
const implementations = {
  async ours(env) {
    const { loadEnvConfig, loadSharedConfig, sharedConfigFileList } = await import(pathToFileURL(join(here, "..", "dist", "index.js")).href);
    return () => {
      const e = loadEnvConfig(env);
      const s = loadSharedConfig({
        profile: e.profile?.value ?? "default",
        files: sharedConfigFileList(e),
        sharedConfigEnabled: e.sharedConfigEnabled,
      });
      return [e.region?.value ?? s.region?.value, s.credentials?.accessKeyId.value, s.credentials?.secretAccessKey.value];
    };
  },
  async peer(env) {
    const { loadConfig } = await import("@smithy/node-config-provider");
    const { parseKnownFiles } = await import("@smithy/shared-ini-file-loader");
    const profile = env.AWS_PROFILE;
    return async () => {
      // A new provider per call, as a new client would make; the loader caches file text, not the parse.
      const region = await loadConfig(
        { environmentVariableSelector: (e) => e.AWS_REGION, configFileSelector: (p) => p.region, default: () => undefined },
        { profile },
      )();
      const p = (await parseKnownFiles({ profile }))[profile] ?? {};
      return [region, p.aws_access_key_id, p.aws_secret_access_key];
    };
  },
  async naive(env) {
    // The floor: read both files and scan for the section, no grammar, no validation.
    const scan = (path, header, keys) => {
      const out = {};
      let inside = false;
      for (const raw of readFileSync(path, "utf8").split("\n")) {
        const line = raw.trim();
        if (line.startsWith("[")) {
          inside = line === header;
          continue;
        }
        if (!inside) continue;
        const eq = line.indexOf("=");
        if (eq > 0) {
          const k = line.slice(0, eq).trim();
          if (keys.includes(k)) out[k] = line.slice(eq + 1).trim();
        }
      }
      return out;
    };
    const profile = env.AWS_PROFILE;
    return () => {
      const c = scan(env.AWS_CONFIG_FILE, `[profile ${profile}]`, ["region"]);
      const k = scan(env.AWS_SHARED_CREDENTIALS_FILE, `[${profile}]`, ["aws_access_key_id", "aws_secret_access_key"]);
      return [env.AWS_REGION ?? c.region, k.aws_access_key_id, k.aws_secret_access_key];
    };
  },
};

function writeFiles(dir, n) {
  let config = "";
  let credentials = "";
  for (let i = 0; i < n; i++) {
    config += `[profile p${i}]\nregion = us-east-${(i % 2) + 1}\noutput = json\n\n`;
    credentials += `[p${i}]\naws_access_key_id = AKIA${String(i).padStart(16, "0")}\naws_secret_access_key = ${"s".repeat(32)}${i}\n\n`;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "config"), config);
  writeFileSync(join(dir, "credentials"), credentials);
  const profile = `p${Math.floor(n / 2)}`;
  return {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_SDK_LOAD_CONFIG: "1",
    AWS_PROFILE: profile,
    expected: [`us-east-${(Math.floor(n / 2) % 2) + 1}`, `AKIA${String(Math.floor(n / 2)).padStart(16, "0")}`],
    bytes: config.length + credentials.length,
  };
}

async function child(name) {
  const run = await implementations[name](process.env);
  const [region, key] = await run();
  if (!region || !key) process.exit(2);
}

async function repeated(name, env) {
  const run = await implementations[name](env);
  const got = await run();
  if (got[0] !== env.expected[0] || got[1] !== env.expected[1]) throw new Error(`${name} resolved ${got.slice(0, 2)}`);
  const warm = performance.now();
  do await run(); // warm up: let the JIT settle before timing
  while (performance.now() - warm < 150);
  let calls = 0;
  const start = performance.now();
  do {
    await run();
    calls++;
  } while (performance.now() - start < 400 && calls < 200_000);
  return ((performance.now() - start) * 1000) / calls;
}

function fresh(env, rounds) {
  const childEnv = { ...process.env, ...env };
  delete childEnv.NODE_EXTRA_CA_CERTS; // adds ~40 ms to every node start (see peer-baselines.md)
  delete childEnv.expected;
  delete childEnv.bytes;
  const commands = {
    "node -e 0": ["-e", "0"],
    naive: [fileURLToPath(import.meta.url), "--child", "naive"],
    ours: [fileURLToPath(import.meta.url), "--child", "ours"],
    peer: [fileURLToPath(import.meta.url), "--child", "peer"],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    const order = Object.keys(commands).sort(() => Math.random() - 0.5);
    for (const k of order) {
      const start = performance.now();
      const p = spawnSync(process.execPath, commands[k], { env: childEnv, stdio: "ignore" });
      times[k].push(performance.now() - start);
      if (p.status !== 0) throw new Error(`${k} exited with ${p.status}`);
    }
  }
  // Median, and the minimum: on a busy machine the minimum is the steadier figure.
  const sorted = (a) => a.slice().sort((x, y) => x - y);
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { median: sorted(v)[v.length >> 1], min: sorted(v)[0] }]));
}

async function main() {
  const sizes = option("sizes", "1,100,10000").split(",").map(Number);
  const rounds = Number(option("rounds", "9"));
  const dir = mkdtempSync(join(tmpdir(), "sk-config-bench-"));
  console.log(`# @sessionkit/config resolve bench — node ${process.version}, load average ${loadavg()[0].toFixed(2)}\n`);
  const rows = [];
  try {
    for (const n of sizes) {
      const env = writeFiles(join(dir, String(n)), n);
      // The peer reads process.env itself.
      for (const k of ["HOME", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_SDK_LOAD_CONFIG", "AWS_PROFILE"]) {
        process.env[k] = env[k];
      }
      const row = { profiles: n, bytes: env.bytes };
      for (const name of ["ours", "peer", "naive"]) row[`${name} µs/call`] = await repeated(name, env);
      if (!flag("no-fresh")) {
        const f = fresh(env, rounds);
        const both = (x) => `${x.median.toFixed(1)} (${x.min.toFixed(1)})`;
        row["node -e 0 ms"] = both(f["node -e 0"]);
        row["naive ms"] = both(f.naive);
        row["ours ms"] = both(f.ours);
        row["peer ms"] = both(f.peer);
        row["ours/naive fresh"] = `${(f.ours.median / f.naive.median).toFixed(2)} (${(f.ours.min / f.naive.min).toFixed(2)})`;
      }
      rows.push(row);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const keys = Object.keys(rows[0] ?? {});
  const fmt = (v) => (typeof v === "number" && !Number.isInteger(v) ? v.toFixed(v < 10 ? 2 : 1) : String(v));
  console.log(`| ${keys.join(" | ")} |\n|${keys.map(() => " --- |").join("")}`);
  for (const r of rows) console.log(`| ${keys.map((k) => fmt(r[k])).join(" | ")} |`);
  console.log("\nrepeated: one warm process, every call resolves again (ours: stat + cached parse; peer: re-parse).");
  if (!flag("no-fresh")) {
    console.log(`fresh: median (min) of ${rounds} interleaved whole-process runs, ms; NODE_EXTRA_CA_CERTS unset.`);
  }
}

if (args[0] === "--child") await child(args[1]);
else await main();
