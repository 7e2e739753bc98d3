// Repeated resolution in one process: `node config-repeat.cjs <profile> <rounds> <contender,...>`.
// Each round runs a time-bounded batch of each contender in shuffled order; a sample is µs per call.
const contenders = require("./config-common.cjs");

const [profile, roundsArg, list] = process.argv.slice(2);
const rounds = Number(roundsArg);
const BATCH_MS = 40;
const BATCH_MAX = 5000;

async function main() {
  const fns = {};
  const errors = {};
  for (const id of list.split(",")) {
    try {
      const fn = id === "naive" ? contenders.naive : contenders[id]();
      // Warm-up: the first calls read and (for us) parse the files; the figure is the steady state after that.
      for (let i = 0; i < 3; i++) {
        const res = await fn(profile);
        if (res.region !== "us-west-2" || !res.accessKeyId?.startsWith("AKIA")) throw new Error(`wrong resolution: ${JSON.stringify(res)}`);
      }
      fns[id] = fn;
    } catch (e) {
      errors[id] = `${id} failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    }
  }
  const samples = Object.fromEntries(Object.keys(fns).map((id) => [id, []]));
  for (let r = 0; r < rounds; r++) {
    const order = Object.keys(fns).sort(() => Math.random() - 0.5);
    for (const id of order) {
      const fn = fns[id];
      let n = 0;
      const t0 = process.hrtime.bigint();
      let elapsed = 0;
      do {
        const res = await fn(profile);
        if (res.region !== "us-west-2") throw new Error(`${id}: wrong region ${res.region}`);
        n++;
        elapsed = Number(process.hrtime.bigint() - t0) / 1e3;
      } while (elapsed < BATCH_MS * 1e3 && n < BATCH_MAX);
      samples[id].push(elapsed / n);
    }
  }
  console.log(JSON.stringify({ samples, errors }));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
