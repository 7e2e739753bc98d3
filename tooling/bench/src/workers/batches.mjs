// In-process timing shared by the micro-benchmark workers: every round runs one time-bounded batch of each
// contender, in a new random order; a sample is the batch's µs per call.

/**
 * Checks each contender once with `check(id, result)` (throws on a wrong answer), warms it up, and drops it
 * with an error message when either fails. Returns the errors by contender id.
 */
export async function checkAndWarm(ops, check, warmups) {
  const errors = {};
  for (const [id, fn] of Object.entries(ops)) {
    try {
      check(id, await fn());
      for (let i = 0; i < warmups; i++) await fn(); // JIT
    } catch (e) {
      errors[id] = `${id} failed: ${e instanceof Error ? e.message : String(e)}`;
      delete ops[id];
    }
  }
  return errors;
}

/** `{ id: [µs per call, one per round] }`. */
export async function interleavedBatches(ops, rounds, batchMs) {
  const samples = Object.fromEntries(Object.keys(ops).map((id) => [id, []]));
  for (let r = 0; r < rounds; r++) {
    for (const id of Object.keys(ops).sort(() => Math.random() - 0.5)) {
      const fn = ops[id];
      let n = 0;
      const t0 = process.hrtime.bigint();
      let us = 0;
      do {
        await fn();
        n++;
        us = Number(process.hrtime.bigint() - t0) / 1e3;
      } while (us < batchMs * 1e3);
      samples[id].push(us / n);
    }
  }
  return samples;
}
