import assert from "node:assert/strict";
import { test } from "node:test";
import { SdkError } from "@sessionkit/errors";
import type { CredentialsProvider } from "@sessionkit/types";
import { chainProvider } from "./chainProvider.js";
import { createCredentials } from "./createCredentials.js";
import { createCredentialsValue } from "./createCredentialsValue.js";
import { NoCredentialProvidersError } from "./NoCredentialProvidersError.js";

function failing(name: string, code: string, message: string, log: string[]): CredentialsProvider {
  return {
    name,
    retrieve: async () => {
      log.push(name);
      throw new SdkError(code, message);
    },
  };
}

function working(name: string, log: string[]): CredentialsProvider {
  return {
    name,
    retrieve: async () => {
      log.push(name);
      return createCredentialsValue({ accessKeyId: `AK-${name}`, secretAccessKey: "s", providerName: name });
    },
  };
}

test("the first provider that succeeds wins, later ones are not asked, and the winner is remembered", async () => {
  const log: string[] = [];
  const chain = chainProvider([
    failing("EnvConfigCredentials", "EnvAccessKeyNotFound", "no key", log),
    working("SharedConfigCredentials: /h/.aws/credentials", log),
    working("Never", log),
  ]);
  const currentName = () => chain.current?.name;
  assert.equal(currentName(), undefined);
  const v = await chain.retrieve();
  assert.deepEqual(log, ["EnvConfigCredentials", "SharedConfigCredentials: /h/.aws/credentials"]);
  assert.equal(v.providerName, "SharedConfigCredentials: /h/.aws/credentials");
  assert.equal(currentName(), "SharedConfigCredentials: /h/.aws/credentials");
  assert.equal(chain.name, "ChainProvider");
});

test("when every provider fails the error names each one and why", async () => {
  const log: string[] = [];
  const providers = [
    failing("EnvConfigCredentials", "EnvAccessKeyNotFound", "AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment", log),
    failing("SharedConfigCredentials: /h/.aws/credentials", "SharedCredsLoad", "failed to load profile, dev.\nline 3", log),
    { name: "Plain", retrieve: () => Promise.reject(new Error("socket hang up")) },
  ];
  const err = await chainProvider(providers).retrieve().catch((e: unknown) => e);
  assert.ok(err instanceof NoCredentialProvidersError);
  assert.equal(err.code, "NoCredentialProviders");
  assert.equal(
    err.message,
    "NoCredentialProviders: no valid providers in chain; tried " +
      "EnvConfigCredentials (EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment), " +
      "SharedConfigCredentials: /h/.aws/credentials (SharedCredsLoad: failed to load profile, dev.), " +
      "Plain (socket hang up)",
  );
  assert.deepEqual(
    err.failures.map((f) => f.provider),
    ["EnvConfigCredentials", "SharedConfigCredentials: /h/.aws/credentials", "Plain"],
  );

  const verbose = await chainProvider(providers, { verboseErrors: true })
    .retrieve()
    .catch((e: Error) => e.message);
  assert.equal(
    verbose,
    "NoCredentialProviders: no valid providers in chain; tried:" +
      "\n\tEnvConfigCredentials: EnvAccessKeyNotFound: AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment" +
      "\n\tSharedConfigCredentials: /h/.aws/credentials: SharedCredsLoad: failed to load profile, dev.\n\t\tline 3" +
      "\n\tPlain: socket hang up",
  );
});

test("an empty chain fails with a message that says so", async () => {
  await assert.rejects(chainProvider([]).retrieve(), {
    code: "NoCredentialProviders",
    message: "NoCredentialProviders: no valid providers in chain: the chain is empty",
  });
});

/** A provider that works only while `ok.has(name)`. */
function switchable(name: string, ok: Set<string>, log: string[]): CredentialsProvider {
  return {
    name,
    retrieve: async () => {
      log.push(name);
      if (!ok.has(name)) throw new SdkError("NotHere", `${name} has nothing`);
      return createCredentialsValue({ accessKeyId: `AK-${name}`, secretAccessKey: "s", providerName: name });
    },
  };
}

test("a chain re-runs from the top on each retrieve (Go), and forgets the winner when all fail", async () => {
  const log: string[] = [];
  const ok = new Set(["File"]);
  const chain = chainProvider([switchable("Env", ok, log), switchable("File", ok, log)]);
  const currentName = () => chain.current?.name;
  assert.equal((await chain.retrieve()).accessKeyId, "AK-File");
  ok.add("Env");
  assert.equal((await chain.retrieve()).accessKeyId, "AK-Env");
  assert.equal(currentName(), "Env");
  ok.clear();
  await assert.rejects(chain.retrieve(), { code: "NoCredentialProviders" });
  assert.equal(currentName(), undefined);
  assert.deepEqual(log, ["Env", "File", "Env", "Env", "File"]);
});

test("1,000 concurrent get() on a chain behind createCredentials walk the chain once", async () => {
  const log: string[] = [];
  const creds = createCredentials(chainProvider([switchable("Env", new Set(["File"]), log), switchable("File", new Set(["File"]), log)]));
  const values = await Promise.all(Array.from({ length: 1_000 }, () => creds.get()));
  assert.deepEqual(log, ["Env", "File"]);
  assert.deepEqual([...new Set(values.map((v) => v.providerName))], ["File"]);
});

test("a chain behind createCredentials: the chain's error reaches the caller unchanged and the signal is forwarded", async () => {
  const signals: (AbortSignal | undefined)[] = [];
  const p: CredentialsProvider = {
    name: "Sig",
    retrieve: async (o) => {
      signals.push(o?.signal);
      throw new SdkError("Nope", "nope");
    },
  };
  const chain = chainProvider([p]);
  const ac = new AbortController();
  await chain.retrieve({ signal: ac.signal }).catch(() => undefined);
  assert.deepEqual(signals, [ac.signal]);
  const creds = createCredentials(chain);
  assert.equal(creds.providerName, "ChainProvider");
  await assert.rejects(creds.get(), (e) => e instanceof NoCredentialProvidersError);
});
