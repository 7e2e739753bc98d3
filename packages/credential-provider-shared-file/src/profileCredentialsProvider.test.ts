import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadSharedConfig, profileChain, SharedConfigFileCache } from "@sessionkit/config";
import { conformanceDir } from "@sessionkit/test-env";
import { chainBaseProvider, profileCredentialsProvider } from "./profileCredentialsProvider.js";

const dir = conformanceDir();
const processcreds = join(dir.value ?? "", "aws-sdk-go/aws/credentials/processcreds");
const quiet = { stdin: "ignore", stderr: "ignore", cwd: processcreds } as const;
const tmp = mkdtempSync(join(tmpdir(), "sk-shared-file-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function resolve(file: string, kind: "config" | "credentials", profile: string) {
  const cfg = loadSharedConfig({ profile, files: [{ path: file, kind }], sharedConfigEnabled: true, cache: new SharedConfigFileCache() });
  const provider = profileCredentialsProvider(cfg, quiet);
  const v = await provider?.retrieve();
  return [provider?.name, v?.accessKeyId, v?.secretAccessKey, v?.sessionToken, v?.expiration?.toISOString()];
}

test("Go v1's shconfig.ini / shcred.ini: process profiles run it; not_alone's static keys beat credential_process", { skip: dir.skip }, async () => {
  for (const [file, kind] of [
    ["shconfig.ini", "config"],
    ["shcred.ini", "credentials"],
  ] as const) {
    const path = join(processcreds, "testdata", file);
    assert.deepEqual(
      [await resolve(path, kind, "default"), await resolve(path, kind, "non_expire"), await resolve(path, kind, "not_alone")],
      [
        ["ProcessProvider", "accessKey", "secret", "tokenDefault", "2000-01-01T00:00:00.000Z"],
        ["ProcessProvider", "accessKey", "secret", "nonDefaultToken", undefined],
        [`SharedConfigCredentials: ${path}`, "notFromCredProcAccess", "notFromCredProcSecret", undefined, undefined],
      ],
      file,
    );
  }
});

test("pair rule per file: halves in two files give no keys; a complete pair in the later file wins whole", async () => {
  const config = join(tmp, "config");
  const credentials = join(tmp, "credentials");
  writeFileSync(
    config,
    "[profile split]\naws_access_key_id = CONFIG_AK\n[profile both]\naws_access_key_id = CONFIG_AK\naws_secret_access_key = CONFIG_SK\naws_session_token = CONFIG_TOKEN\naws_account_id = 111122223333\n",
  );
  writeFileSync(credentials, "[split]\naws_secret_access_key = CREDS_SK\n[both]\naws_access_key_id = CREDS_AK\naws_secret_access_key = CREDS_SK\n");
  const load = (profile: string) =>
    loadSharedConfig({
      profile,
      files: [
        { path: config, kind: "config" },
        { path: credentials, kind: "credentials" },
      ],
      sharedConfigEnabled: true,
      cache: new SharedConfigFileCache(),
    });
  assert.equal(profileCredentialsProvider(load("split")), undefined);
  const both = profileCredentialsProvider(load("both"));
  const v = await both?.retrieve();
  // The credentials file's pair replaces the config file's entirely: no token, no account id from config.
  assert.deepEqual([both?.name, v?.accessKeyId, v?.secretAccessKey, v?.sessionToken, v?.accountId], [
    `SharedConfigCredentials: ${credentials}`,
    "CREDS_AK",
    "CREDS_SK",
    undefined,
    undefined,
  ]);
  const onlyConfig = profileCredentialsProvider(
    loadSharedConfig({ profile: "both", files: [{ path: config, kind: "config" }], sharedConfigEnabled: true, cache: new SharedConfigFileCache() }),
  );
  const c = await onlyConfig?.retrieve();
  assert.deepEqual([c?.sessionToken, c?.accountId], ["CONFIG_TOKEN", "111122223333"]);
});

test("chainBaseProvider serves staticKeys and credentialProcess steps of profileChain, nothing else", async () => {
  const file = join(tmp, "chain");
  writeFileSync(
    file,
    "[profile keys]\naws_access_key_id = AK\naws_secret_access_key = SK\n[profile proc]\ncredential_process = cat ./testdata/static.json\n[profile env]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n",
  );
  const base = (profile: string) =>
    profileChain(loadSharedConfig({ profile, files: [{ path: file, kind: "config" }], sharedConfigEnabled: true, cache: new SharedConfigFileCache() }))[0];
  const keys = chainBaseProvider(base("keys"));
  const proc = chainBaseProvider(base("proc"), quiet);
  assert.deepEqual([keys?.name, (await keys?.retrieve())?.accessKeyId], [`SharedConfigCredentials: ${file}`, "AK"]);
  assert.deepEqual([proc?.name, (await proc?.retrieve())?.accessKeyId], ["ProcessProvider", "accesskey"]);
  assert.equal(chainBaseProvider(base("env")), undefined);
});
