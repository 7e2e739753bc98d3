// Options from plain JavaScript: every option of the public option types, given a value of the wrong kind, is a
// typed error that names the option and what it expected (never the value: it may be a secret), not a bare
// TypeError from deep inside the session and not a silently wrong setting. Null and undefined count as unset.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as browser from "./browser.js";
import { newSession } from "./newSession.js";
import { newSessionWithOptions } from "./newSessionWithOptions.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
const env = { HOME: "/nonexistent-sk-home" };
/** What a JavaScript caller may pass where the types forbid it. */
const js = (value: unknown): never => value as never;

type Call = (value: unknown) => unknown;
const options =
  (build: typeof newSessionWithOptions = newSessionWithOptions): Call =>
  (o) =>
    build(js(o));
const node = options();
const withEnv = (o: object): object => ({ env, ...o });
const config = (c: object): object => withEnv({ config: c });
const base = newSessionWithOptions({ env });

/** [option at fault, what the caller did, the bad input, code, message fragment after "<option> must be "]. */
const ROWS: readonly (readonly [string, Call, unknown, string, string])[] = [
  ["options", node, 5, "InvalidParameter", "object, got number"],
  ["options.config", node, withEnv({ config: "us-east-1" }), "InvalidParameter", "object, got string"],
  ["options.profile", node, withEnv({ profile: 123 }), "InvalidParameter", "string, got number"],
  ["options.sharedConfigState", node, withEnv({ sharedConfigState: "enable" }), "InvalidParameter", "number, got string"],
  ["options.sharedConfigFiles", node, withEnv({ sharedConfigFiles: "/x" }), "InvalidParameter", "array, got string"],
  ["options.sharedConfigFiles[0]", node, withEnv({ sharedConfigFiles: [null] }), "InvalidParameter", "string or object, got null"],
  ["options.sharedConfigFiles[1].path", node, withEnv({ sharedConfigFiles: ["/x", { path: 5, kind: "config" }] }), "InvalidParameter", "string, got number"],
  ["options.sharedConfigFiles[0].kind", node, withEnv({ sharedConfigFiles: [{ path: "/x", kind: "ini" }] }), "InvalidParameter", "config or credentials, got string"],
  ["options.assumeRoleTokenProvider", node, withEnv({ assumeRoleTokenProvider: "123456" }), "InvalidParameter", "function, got string"],
  ["options.assumeRoleDuration", node, withEnv({ assumeRoleDuration: "900" }), "InvalidParameter", "number, got string"],
  ["options.customCABundle", node, withEnv({ customCABundle: 5 }), "InvalidParameter", "string or Uint8Array, got number"],
  ["options.handlers", node, withEnv({ handlers: {} }), "InvalidParameter", "object with isEmpty(), got object"],
  ["options.plugins", node, withEnv({ plugins: {} }), "InvalidParameter", "array, got object"],
  ["options.plugins[0]", node, withEnv({ plugins: [null] }), "InvalidParameter", "object, got null"],
  ["options.plugins[0].name", node, withEnv({ plugins: [{ name: 1 }] }), "InvalidParameter", "string, got number"],
  ["options.plugins[0].config", node, withEnv({ plugins: [{ name: "p", config: 5 }] }), "InvalidParameter", "object, got number"],
  ["options.plugins[1].config.region", node, withEnv({ plugins: [{ name: "a" }, { name: "p", config: { region: 5 } }] }), "InvalidParameter", "string, got number"],
  ["options.plugins[0].apply", node, withEnv({ plugins: [{ name: "p", apply: "x" }] }), "InvalidParameter", "function, got string"],
  ["options.env", node, { env: "HOME=/h" }, "InvalidParameter", "object, got string"],
  ["options.env.AWS_SECRET_ACCESS_KEY", node, { env: { AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: 5 } }, "InvalidParameter", "string, got number"],
  ["options.homeDir", node, withEnv({ homeDir: 5 }), "InvalidParameter", "string, got number"],
  // Every setting of Config.
  ["options.config.region", node, config({ region: 5 }), "InvalidParameter", "string, got number"],
  ["options.config.endpoint", node, config({ endpoint: new URL("http://h") }), "InvalidParameter", "string, got object"],
  ["options.config.credentials", node, config({ credentials: "AKID:SECRET" }), "InvalidParameter", "object or function, got string"],
  ["options.config.maxRetries", node, config({ maxRetries: "3" }), "InvalidParameter", "number, got string"],
  ["options.config.retryer", node, config({ retryer: {} }), "InvalidParameter", "object with shouldRetry(), got object"],
  ["options.config.logLevel", node, config({ logLevel: "debug" }), "InvalidParameter", "number, got string"],
  ["options.config.logger", node, config({ logger: console.log }), "InvalidParameter", "object with log(), got function"],
  ["options.config.s3ForcePathStyle", node, config({ s3ForcePathStyle: "true" }), "InvalidParameter", "boolean, got string"],
  ["options.config.disableSSL", node, config({ disableSSL: "false" }), "InvalidParameter", "boolean, got string"],
  ["options.config.transport", node, config({ transport: {} }), "InvalidParameter", "object with handle(), got object"],
  ["options.config.stsRegionalEndpoints", node, config({ stsRegionalEndpoints: "Regional" }), "InvalidParameter", "legacy or regional, got string"],
  ["options.config.s3UsEast1RegionalEndpoint", node, config({ s3UsEast1RegionalEndpoint: true }), "InvalidParameter", "legacy or regional, got boolean"],
  ["options.config.attemptTimeoutMs", node, config({ attemptTimeoutMs: "5s" }), "InvalidParameter", "number, got string"],
  ["options.config.disableParamValidation", node, config({ disableParamValidation: 1 }), "InvalidParameter", "boolean, got number"],
  ["options.config.clock", node, config({ clock: new Date() }), "InvalidParameter", "function, got object"],
  ["options.config.sleep", node, config({ sleep: 100 }), "InvalidParameter", "function, got number"],
  // newSession's configs by their place; copy's and clientConfig's are overrides.
  ["configs[1].region", (c) => newSession({ region: "eu-west-1" }, js(c)), { region: ["us-east-1"] }, "InvalidParameter", "string, got object"],
  ["configs[0]", (c) => newSession(js(c)), "us-east-1", "InvalidParameter", "object, got string"],
  ["overrides", (c) => base.copy(js(c)), "us-west-2", "InvalidParameter", "object, got string"],
  ["overrides.logLevel", (c) => base.copy(js(c)), { logLevel: "1" }, "InvalidParameter", "number, got string"],
  ["overrides.disableSSL", (c) => base.clientConfig("s3", js(c)), { disableSSL: "yes" }, "InvalidParameter", "boolean, got string"],
  ["overrides.region", (c) => base.copy({ region: "eu-west-1" }).copy(js(c)), { region: 5 }, "InvalidParameter", "string, got number"],
  // The browser build does not check kinds (its bundle stays small); null is no options there too.
  ["options", options(browser.newSessionWithOptions), null, "", ""],
];

/** `[code, "Class: message"]` of what `call(input)` throws, `["", ""]` when it does not throw. */
function outcome(call: Call, input: unknown): [string, string] {
  try {
    call(input);
    return ["", ""];
  } catch (err) {
    return [String((err as { code?: unknown }).code), `${(err as Error).constructor.name}: ${(err as Error).message}`];
  }
}

test("every option given a value of the wrong kind is a typed error naming the option and what it expected", () => {
  // Each row: the option, the code, and the fragment when the message is `SessionError: <code>: <option> must be <fragment>…`.
  const got = ROWS.map(([path, call, input, , fragment]) => {
    const [code, message] = outcome(call, input);
    return [path, code, message.startsWith(`SessionError: ${code}: ${path} must be ${fragment}`) ? fragment : message];
  });
  assert.deepEqual(
    got,
    ROWS.map(([path, , , code, fragment]) => [path, code, fragment]),
  );
});

test("a wrong value's message never shows the value (it may be a secret)", () => {
  const messages = [
    config({ credentials: { accessKeyId: SECRET, secretAccessKey: 5 } }),
    config({ credentials: { accessKeyId: 5, secretAccessKey: SECRET } }),
    config({ region: [SECRET] }),
    withEnv({ assumeRoleTokenProvider: SECRET }),
    withEnv({ customCABundle: [SECRET] }),
    { env: { AWS_SESSION_TOKEN: [SECRET] } },
  ].map((o) => outcome(node, o)[1]);
  assert.deepEqual(
    messages.filter((m) => m === "" || m.includes(SECRET) || m.includes("TypeError")),
    [],
  );
});

test("null and undefined count as unset for every option, as a nil field does in Go", () => {
  const unset = [null, undefined];
  const keys = ["config", "profile", "sharedConfigState", "sharedConfigFiles", "assumeRoleTokenProvider", "assumeRoleDuration", "customCABundle", "handlers", "plugins", "homeDir"];
  const settings = ["region", "endpoint", "credentials", "maxRetries", "retryer", "logLevel", "logger", "s3ForcePathStyle", "disableSSL", "transport", "stsRegionalEndpoints", "s3UsEast1RegionalEndpoint", "attemptTimeoutMs", "disableParamValidation", "clock", "sleep"];
  const failures: string[] = [];
  for (const value of unset) {
    for (const key of keys) if (outcome(node, withEnv({ [key]: value }))[0] !== "") failures.push(`options.${key}=${value}`);
    for (const key of settings) {
      if (outcome(node, config({ [key]: value }))[0] !== "") failures.push(`config.${key}=${value}`);
      if (outcome((c) => base.copy(js(c)), { [key]: value })[0] !== "") failures.push(`copy ${key}=${value}`);
    }
  }
  assert.deepEqual(failures, []);
  // env: null is no injected environment: process.env is read, as credential_process already did.
  const saved = process.env.AWS_REGION;
  process.env.AWS_REGION = "from-process-env";
  try {
    const region = (e: unknown) => newSessionWithOptions(js({ env: e, sharedConfigFiles: [] })).config.region;
    assert.deepEqual([region(null), region(undefined), region({})], ["from-process-env", "from-process-env", ""]);
  } finally {
    if (saved === undefined) delete process.env.AWS_REGION;
    else process.env.AWS_REGION = saved;
  }
  // A later config's null does not unset an earlier one's value (Go's MergeIn skips nil fields).
  assert.equal(newSession({ region: "eu-west-1", credentials: { accessKeyId: "AKID", secretAccessKey: "S" } }, js({ credentials: null })).config.credentials.providerName, "StaticProvider");
});
