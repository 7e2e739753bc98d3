import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { isSdkError } from "@sessionkit/errors";
import { MFA_PROMPT, stdinTokenProvider } from "./stdinTokenProvider.js";

function recorder() {
  const writes: string[] = [];
  return { writes, write: (t: string) => writes.push(t) };
}

const tick = () => new Promise((r) => setImmediate(r));

test("writes Go's prompt (no newline) to the output, reads one line, trims it", async () => {
  const input = new PassThrough();
  const output = recorder();
  const p = stdinTokenProvider({ input, output })();
  input.write("  1234567 \r\n");
  assert.equal(await p, "1234567");
  assert.deepEqual(output.writes, ["Assume Role MFA token code: "]);
  assert.equal(MFA_PROMPT, "Assume Role MFA token code: ");
});

test("lines piped in ahead are kept for later prompts; the code's length is not checked", async () => {
  const input = new PassThrough();
  const output = recorder();
  const ask = stdinTokenProvider({ input, output });
  input.write("1\n22222222\n33");
  assert.deepEqual([await ask(), await ask()], ["1", "22222222"]);
  input.end();
  // A last line without a newline still counts at end of input.
  assert.equal(await ask(), "33");
  assert.equal(output.writes.length, 3);
});

test("concurrent calls on one provider share one prompt and one answer", async () => {
  const input = new PassThrough();
  const output = recorder();
  const ask = stdinTokenProvider({ input, output });
  const answers = Promise.all(Array.from({ length: 100 }, () => ask()));
  await tick();
  input.write("424242\n");
  assert.deepEqual(new Set(await answers), new Set(["424242"]));
  assert.equal(output.writes.length, 1);
  // The prompt is over: the next call prompts again.
  const next = ask();
  await tick();
  input.write("515151\n");
  assert.equal(await next, "515151");
  assert.equal(output.writes.length, 2);
});

test("prompts of different providers on one input take turns instead of racing for the line", async () => {
  const input = new PassThrough();
  const output = recorder();
  const a = stdinTokenProvider({ input, output, prompt: "A: " });
  const b = stdinTokenProvider({ input, output, prompt: "B: " });
  const pa = a();
  const pb = b();
  await tick();
  assert.deepEqual(output.writes, ["A: "]);
  input.write("111111\n");
  assert.equal(await pa, "111111");
  await tick();
  assert.deepEqual(output.writes, ["A: ", "B: "]);
  input.write("222222\n");
  assert.equal(await pb, "222222");
});

test("no answer is an error, never a hang: empty line, closed input, timeout", async () => {
  const codes: unknown[] = [];
  const empty = new PassThrough();
  const p1 = stdinTokenProvider({ input: empty, output: recorder() })();
  empty.write("   \n");
  codes.push(await p1.catch((e: unknown) => [(e as { code?: string }).code, (e as Error).message]));

  const closed = new PassThrough();
  closed.end();
  closed.resume();
  await tick();
  codes.push(
    await stdinTokenProvider({ input: closed, output: recorder() })().catch((e: unknown) => [(e as { code?: string }).code, (e as Error).message]),
  );

  const silent = new PassThrough();
  codes.push(
    await stdinTokenProvider({ input: silent, output: recorder(), timeoutMs: 20 })().catch((e: unknown) => [
      (e as { code?: string }).code,
      (e as Error).message,
    ]),
  );
  assert.deepEqual(codes, [
    ["AssumeRoleTokenNotAvailable", "AssumeRoleTokenNotAvailable: no MFA token code was entered"],
    ["AssumeRoleTokenInput", "AssumeRoleTokenInput: no MFA token code: input ended before a line was read"],
    ["AssumeRoleTokenInput", "AssumeRoleTokenInput: no MFA token code entered within 20 ms"],
  ]);
  // After a timeout the stream is left paused with no listeners: a later prompt can still read it.
  const later = stdinTokenProvider({ input: silent, output: recorder() })();
  silent.write("999999\n");
  assert.equal(await later, "999999");
  assert.ok(isSdkError(await stdinTokenProvider({ input: closed, output: recorder() })().catch((e: unknown) => e)));
});

test("a timeoutMs no timer can hold (Infinity, NaN, 2^31 ms or more) is no timeout: the prompt waits for the line, no warning", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error): number => warnings.push(w.name);
  process.on("warning", onWarning);
  try {
    const answers = [Number.POSITIVE_INFINITY, Number.NaN, 2 ** 31].map((timeoutMs) => {
      const input = new PassThrough();
      const answer = stdinTokenProvider({ input, output: recorder(), timeoutMs })().catch((e: unknown) => (e as { code?: string }).code);
      setTimeout(() => input.write("123456\n"), 20);
      return answer;
    });
    const got = await Promise.all(answers);
    await tick();
    assert.deepEqual([got, warnings], [["123456", "123456", "123456"], []]);
  } finally {
    process.off("warning", onWarning);
  }
});
