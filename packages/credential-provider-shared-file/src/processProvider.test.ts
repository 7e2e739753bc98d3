import assert from "node:assert/strict";
import { type ChildProcess, spawn as nodeSpawn } from "node:child_process";
import { EventEmitter, once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { test } from "node:test";
import { parseSharedConfig } from "@sessionkit/config";
import { createCredentials } from "@sessionkit/credentials";
import { conformanceDir } from "@sessionkit/test-env";
import { type SpawnedProcess, type SpawnFn, processProvider } from "./processProvider.js";

const dir = conformanceDir();
const processcreds = join(dir.value ?? "", "aws-sdk-go/aws/credentials/processcreds");
const quiet = { stdin: "ignore", stderr: "ignore" } as const;

const failure = (p: Promise<unknown>): Promise<[string | undefined, string]> =>
  p.then(
    () => [undefined, "resolved"],
    (e: Error & { code?: string }) => [e.code, e.message],
  );

test("runs the command through sh -c in the given directory (Go's `cat ./testdata/...` fixtures)", { skip: dir.skip }, async () => {
  const v = await processProvider("cat ./testdata/nonexpire.json", { ...quiet, cwd: processcreds }).retrieve();
  assert.deepEqual([v.accessKeyId, v.secretAccessKey, v.sessionToken, v.expiration, v.providerName], [
    "accessKey",
    "secret",
    "nonDefaultToken",
    undefined,
    "ProcessProvider",
  ]);
});

test("an already expired result is returned once and refreshed on the next get (Go v1)", { skip: dir.skip }, async () => {
  let runs = 0;
  const provider = processProvider("cat ./testdata/expired.json", { ...quiet, cwd: processcreds });
  const counted = {
    name: provider.name,
    retrieve: () => {
      runs++;
      return provider.retrieve();
    },
  };
  const creds = createCredentials(counted);
  const first = await creds.get();
  assert.equal(first.expiration?.toISOString(), "2000-01-01T00:00:00.000Z");
  assert.equal(creds.isExpired(), true);
  await creds.get();
  assert.equal(runs, 2);
});

test("exit code, signal, timeout, oversize output, empty command: ProcessProviderExecutionError, no output echoed", async () => {
  const results = await Promise.all([
    failure(processProvider("echo 'SECRET-OUT'; echo 'SECRET-ERR' >&2; exit 3", quiet).retrieve()),
    failure(processProvider("kill -9 $$", quiet).retrieve()),
    failure(processProvider("sleep 5", { ...quiet, timeoutMs: 100 }).retrieve()),
    failure(processProvider("head -c 70000 /dev/zero", { ...quiet, maxBufferBytes: 65536 }).retrieve()),
    failure(processProvider("   ", quiet).retrieve()),
    failure(processProvider("echo 'invalid json SECRET-OUT'", quiet).retrieve()),
  ]);
  assert.deepEqual(results, [
    ["ProcessProviderExecutionError", "ProcessProviderExecutionError: error in credential_process: the command exited with code 3"],
    ["ProcessProviderExecutionError", "ProcessProviderExecutionError: error in credential_process: the command was killed by SIGKILL"],
    ["ProcessProviderExecutionError", "ProcessProviderExecutionError: credential process timed out after 100 ms"],
    ["ProcessProviderExecutionError", "ProcessProviderExecutionError: error in credential_process: output exceeds 65536 bytes"],
    ["ProcessProviderExecutionError", "ProcessProviderExecutionError: failed to prepare command: command must not be empty"],
    ["ProcessProviderParseError", "ProcessProviderParseError: parse failed of credential_process output: invalid JSON"],
  ]);
});

test("a failed run closes its end of stdout: a grandchild still holding it (sh -c 'sleep 5; echo') keeps nothing open", async () => {
  let child: ChildProcess | undefined;
  const spawn: SpawnFn = (command, args, options) => {
    child = nodeSpawn(command, args, options);
    return child;
  };
  const [code] = await failure(processProvider("sleep 5; echo late", { ...quiet, timeoutMs: 200, spawn }).retrieve());
  // Before the fix the pipe stayed open until the grandchild's `sleep` ended, and kept the process alive that long.
  const stdout = child?.stdout;
  const closed = stdout?.closed || (await Promise.race([once(stdout as NodeJS.EventEmitter, "close").then(() => true), delay(1000, false)]));
  assert.deepEqual([code, closed], ["ProcessProviderExecutionError", true]);
});

test("a timeoutMs a timer cannot hold (Infinity, NaN, 2^31 ms or more) is no timeout: the run ends with the process, no warning", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error): number => warnings.push(w.name);
  process.on("warning", onWarning);
  try {
    const command = `sleep 0.05; echo '{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK"}'`;
    const runs = await Promise.all(
      [Number.POSITIVE_INFINITY, Number.NaN, 2 ** 31, 2 ** 40].map((timeoutMs) =>
        processProvider(command, { ...quiet, timeoutMs })
          .retrieve()
          .then(
            (v) => v.accessKeyId,
            (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
          ),
      ),
    );
    await delay(10); // warnings are emitted on a later tick
    assert.deepEqual([runs, warnings], [["AK", "AK", "AK", "AK"], []]);
  } finally {
    process.off("warning", onWarning);
  }
});

test("the process gets the given environment; a missing shell is an execution error with its cause", async () => {
  const v = await processProvider(`printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"s"}' "$SK_TEST_KEY"`, {
    ...quiet,
    env: { PATH: process.env.PATH, SK_TEST_KEY: "from-env" },
  }).retrieve();
  assert.equal(v.accessKeyId, "from-env");
  const spawnFails: SpawnFn = () => {
    throw new Error("spawn sh ENOENT");
  };
  const [code, message] = await failure(processProvider("x", { spawn: spawnFails }).retrieve());
  assert.deepEqual([code, message], ["ProcessProviderExecutionError", "ProcessProviderExecutionError: error in credential_process: failed to start the command"]);
});

test("on win32: cmd.exe /C, and cmd's escaped quotes are undone (as Go v1)", async () => {
  const calls: Array<[string, readonly string[]]> = [];
  const fakeSpawn: SpawnFn = (command, args) => {
    calls.push([command, args]);
    const child = new EventEmitter() as EventEmitter & SpawnedProcess;
    const stdout = new PassThrough();
    Object.assign(child, { stdout, kill: () => true });
    setImmediate(() => {
      stdout.end('{\\"Version\\":1,\\"AccessKeyId\\":\\"WINKEY\\",\\"SecretAccessKey\\":\\"s\\"}');
      stdout.on("end", () => child.emit("close", 0, null));
      stdout.resume();
    });
    return child;
  };
  const v = await processProvider("type .\\testdata\\static.json", { platform: "win32", spawn: fakeSpawn }).retrieve();
  assert.equal(v.accessKeyId, "WINKEY");
  assert.deepEqual(calls, [["cmd.exe", ["/C", "type .\\testdata\\static.json"]]]);
});

// The four credential_process scenarios of the cross-SDK profile-provider suite, at the provider level: the
// command and aws_account_id come from the scenario's config file; no HTTP is involved.
const scenarios = join(dir.value ?? "", "smithy-rs/aws/rust-runtime/aws-config/test-data/profile-provider");
for (const name of ["credential_process", "credential_process_account_id_fallback", "credential_process_failure", "credential_process_invalid"]) {
  test(`profile-provider/${name}`, { skip: dir.skip }, async () => {
    const read = (f: string) => (existsSync(join(scenarios, name, f)) ? readFileSync(join(scenarios, name, f), "utf8") : undefined);
    const profiles = parseSharedConfig({ configFile: read("fs/home/.aws/config"), credentialsFile: read("fs/home/.aws/credentials") }).profiles;
    const profile = profiles.default ?? {};
    const expected = JSON.parse(read("test-case.json") ?? "{}").result as
      | { Ok: { access_key_id: string; secret_access_key: string; session_token?: string; account_id?: string; expiry?: number } }
      | { ErrorContains: string };
    const provider = processProvider(String(profile.credential_process), {
      ...quiet,
      accountId: typeof profile.aws_account_id === "string" ? profile.aws_account_id : undefined,
    });
    const got = await provider.retrieve().then(
      (v) => ({
        Ok: {
          access_key_id: v.accessKeyId,
          secret_access_key: v.secretAccessKey,
          ...(v.sessionToken === undefined ? {} : { session_token: v.sessionToken }),
          ...(v.accountId === undefined ? {} : { account_id: v.accountId }),
          ...(v.expiration === undefined ? {} : { expiry: v.expiration.getTime() / 1000 }),
        },
      }),
      (e: Error & { code?: string }) => ({ code: e.code }),
    );
    if ("Ok" in expected) assert.deepEqual(got, expected);
    else assert.deepEqual(got, { code: name.endsWith("invalid") ? "ProcessProviderParseError" : "ProcessProviderExecutionError" });
  });
}
