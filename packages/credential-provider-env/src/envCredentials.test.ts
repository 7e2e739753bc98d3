import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { envCredentials } from "./envCredentials.js";

/** [env, expected [accessKeyId, secretAccessKey, sessionToken] or undefined] */
const CASES: [Record<string, string>, [string, string, string | undefined] | undefined][] = [
  [{ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "secret" }, ["id", "secret", undefined]],
  [{ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "tok" }, ["id", "secret", "tok"]],
  // Aliases, and the primary name wins when both are set.
  [{ AWS_ACCESS_KEY: "id2", AWS_SECRET_KEY: "secret2" }, ["id2", "secret2", undefined]],
  [{ AWS_ACCESS_KEY_ID: "id", AWS_ACCESS_KEY: "id2", AWS_SECRET_ACCESS_KEY: "s", AWS_SECRET_KEY: "s2" }, ["id", "s", undefined]],
  // An empty primary counts as unset, so the alias is used.
  [{ AWS_ACCESS_KEY_ID: "", AWS_ACCESS_KEY: "id2", AWS_SECRET_ACCESS_KEY: "", AWS_SECRET_KEY: "s2" }, ["id2", "s2", undefined]],
  // Both keys or nothing; a lone token is ignored; an empty token is no token.
  [{ AWS_ACCESS_KEY_ID: "id" }, undefined],
  [{ AWS_SECRET_ACCESS_KEY: "secret" }, undefined],
  [{ AWS_SESSION_TOKEN: "tok" }, undefined],
  [{ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "" }, undefined],
  [{ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "" }, ["id", "s", undefined]],
  [{}, undefined],
];

test("Go's env rules: aliases in order, empty = unset, both keys or nothing", () => {
  const got = CASES.map(([env]) => {
    const v = envCredentials(env);
    return v && ([v.accessKeyId, v.secretAccessKey, v.sessionToken] as [string, string, string | undefined]);
  });
  assert.deepEqual(
    got,
    CASES.map(([, want]) => want),
  );
});

test("the value is named EnvConfigCredentials, has no expiry and hides its secrets", () => {
  const v = envCredentials({ AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "s3cr3t", AWS_SESSION_TOKEN: "t0k3n" });
  assert.equal(v?.providerName, "EnvConfigCredentials");
  assert.equal(v?.expiration, undefined);
  for (const shown of [inspect(v), JSON.stringify(v), String(v)]) {
    assert.equal(/s3cr3t|t0k3n/.test(shown), false, shown);
  }
});
