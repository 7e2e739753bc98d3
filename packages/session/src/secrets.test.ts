// Secrets never show: util.inspect(session), JSON.stringify(session.config), explain() and its text, for
// keys from code, env and files, before and after the credentials were fetched.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { inspect } from "node:util";
import { newSessionWithOptions, type Session, SharedConfigState } from "./index.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";

function home(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sk-session-secrets-"));
  mkdirSync(join(dir, ".aws"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, ".aws", name), text);
  return dir;
}

function everything(s: Session): string {
  return [
    inspect(s, { depth: 10 }),
    inspect(s.config, { depth: 10 }),
    JSON.stringify(s.config),
    JSON.stringify(s),
    JSON.stringify(s.explain()),
    s.explain().toString(),
    String(s.config.credentials),
  ].join("\n");
}

function assertNoSecrets(text: string): void {
  assert.equal(text.includes(SECRET), false, "secret access key shown");
  assert.equal(text.includes(TOKEN), false, "session token shown");
  assert.equal(text.includes(KEY_ID), false, "full access key id shown");
}

const sources: Record<string, () => { session: Session; cleanup?: () => void }> = {
  "static keys in code": () => ({
    session: newSessionWithOptions({
      config: { region: "us-east-1", credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN } },
      env: { HOME: "/nonexistent" },
    }),
  }),
  "environment variables": () => ({
    session: newSessionWithOptions({
      env: { HOME: "/nonexistent", AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN },
    }),
  }),
  "credentials file": () => {
    const dir = home({
      credentials: `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`,
      config: "[default]\nregion = eu-west-1\n",
    });
    return {
      session: newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, env: { HOME: dir } }),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

for (const [name, make] of Object.entries(sources)) {
  test(`no secret in inspect, JSON or explain: ${name}`, async () => {
    const { session, cleanup } = make();
    try {
      assertNoSecrets(everything(session));
      const value = await session.config.credentials.get();
      // The value itself is readable by signers…
      assert.deepEqual([value.secretAccessKey, value.sessionToken], [SECRET, TOKEN]);
      // …but nothing that prints the session, its config or the value shows it, even once cached.
      assertNoSecrets(everything(session));
      // The value's own rendering (from @sessionkit/credentials) shows the key id, never the secret or token.
      assertNoSecrets(inspect(value).replaceAll(KEY_ID, ""));
      assertNoSecrets(JSON.stringify(value).replaceAll(KEY_ID, ""));
      // explain() names where the credentials come from, and the key id only by its last four characters.
      const creds = session.explain().get("credentials");
      assert.ok(creds, "explain has a credentials line");
      assert.match(creds.value, /\*\*\*\*MPLE$/);
    } finally {
      cleanup?.();
    }
  });
}
