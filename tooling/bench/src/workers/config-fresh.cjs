// One fresh-process resolution: `node config-fresh.cjs <naive|peer|ours> <profile>`; exits non-zero on a wrong answer.
const contenders = require("./config-common.cjs");

const [which, profile] = process.argv.slice(2);
const resolve = which === "naive" ? contenders.naive : contenders[which]();
resolve(profile).then((r) => {
  if (r.region !== "us-west-2" || !r.accessKeyId?.startsWith("AKIA")) {
    console.error(`wrong resolution for ${profile}: ${JSON.stringify(r)}`);
    process.exit(1);
  }
});
