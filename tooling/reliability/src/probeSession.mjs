// Runs one session creation + credentials.get() in its own process, so that an input that blocks the event
// loop (a FIFO nobody writes, an endless device) shows up as a timed-out child instead of a hung test run.
// Usage: node probeSession.mjs '<json: { env, profile? }>'   → prints one JSON line: { ok } | { code, name, message }
import { SdkError } from "@sessionkit/errors";
import { RequestError } from "@sessionkit/http";
import { newSessionWithOptions, SharedConfigState } from "@sessionkit/session";

const input = JSON.parse(process.argv[2] ?? "{}");
// Set by `PROBE_CONFIG_FILE=<(cmd)`: a pipe from the shell, the way users pass generated config.
if (process.env.PROBE_CONFIG_FILE) input.env.AWS_CONFIG_FILE = process.env.PROBE_CONFIG_FILE;
const offline = { handle: () => Promise.reject(new RequestError("no network in this probe", { retryable: false })) };
try {
  const session = newSessionWithOptions({
    env: input.env,
    sharedConfigState: SharedConfigState.Enable,
    ...(input.profile === undefined ? {} : { profile: input.profile }),
    config: { transport: offline, maxRetries: 0 },
  });
  session.explain().toString();
  await session.config.credentials.get();
  console.log(JSON.stringify({ ok: true, region: session.config.region }));
} catch (err) {
  const e = /** @type {{ code?: string; name?: string; message?: string }} */ (err);
  console.log(JSON.stringify({ code: e.code ?? null, name: e.name ?? null, message: e.message ?? String(err), typed: err instanceof SdkError }));
}
