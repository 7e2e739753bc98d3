import assert from "node:assert/strict";
import { test } from "node:test";
import { format, inspect } from "node:util";
import { createCredentials } from "./createCredentials.js";
import { createCredentialsValue } from "./createCredentialsValue.js";
import { staticCredentials } from "./staticCredentials.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

/** Every way a value usually reaches a log line. */
function renderings(x: unknown): string[] {
  return [
    inspect(x),
    inspect(x, { showHidden: true, depth: 10 }),
    inspect({ nested: { deeper: x } }, { depth: 10 }),
    JSON.stringify(x) ?? "",
    JSON.stringify({ nested: x }),
    String(x),
    `${x}`,
    format("%s %o %O %j", x, x, x, x),
  ];
}

test("resolved values keep their secrets readable but never render them", async () => {
  const creds = createCredentials({
    name: "Leaky?",
    retrieve: async () =>
      createCredentialsValue({
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        expiration: new Date(Date.UTC(2030, 0, 1)),
        providerName: "Leaky?",
      }),
  });
  const v = await creds.get();
  assert.equal(v.secretAccessKey, SECRET);
  assert.equal(v.sessionToken, TOKEN);
  for (const r of [...renderings(v), ...renderings(creds)]) {
    assert.equal(r.includes(SECRET), false, r);
    assert.equal(r.includes(TOKEN), false, r);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(v)), {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "<redacted>",
    sessionToken: "<redacted>",
    expiration: "2030-01-01T00:00:00.000Z",
    providerName: "Leaky?",
  });
  assert.match(inspect(v), /^CredentialsValue \{.*accessKeyId: 'AKIDEXAMPLE'.*secretAccessKey: '<redacted>'/s);
  assert.deepEqual(JSON.parse(JSON.stringify(creds)), {
    providerName: "Leaky?",
    expired: false,
    expiresAt: "2030-01-01T00:00:00.000Z",
  });
  assert.equal(String(creds), "[Credentials Leaky?]");
});

test("static credentials never render their secret, before or after get()", async () => {
  const creds = staticCredentials({ accessKeyId: "AKID", secretAccessKey: SECRET, sessionToken: TOKEN });
  const before = renderings(creds);
  const v = await creds.get();
  for (const r of [...before, ...renderings(creds), ...renderings(v)]) {
    assert.equal(r.includes(SECRET) || r.includes(TOKEN), false, r);
  }
});

test("a field added to a value after it was made is not rendered either (the log form is an allow-list)", () => {
  const value = createCredentialsValue({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, providerName: "Test" });
  Object.assign(value, { extraSecret: TOKEN });
  for (const shown of renderings(value)) assert.ok(!shown.includes(TOKEN) && !shown.includes(SECRET), shown);
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(value))), ["accessKeyId", "secretAccessKey", "providerName"]);
});
