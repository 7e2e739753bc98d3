import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadEnvConfig, loadSharedConfig, SharedConfigFileCache, sharedConfigFileList } from "./index.js";

const tmp = mkdtempSync(join(tmpdir(), "sk-config-files-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function files(config: string, credentials: string): { env: Record<string, string> } {
  const c = join(tmp, `config-${Math.random().toString(36).slice(2)}`);
  const k = join(tmp, `credentials-${Math.random().toString(36).slice(2)}`);
  writeFileSync(c, config);
  writeFileSync(k, credentials);
  return { env: { HOME: tmp, AWS_CONFIG_FILE: c, AWS_SHARED_CREDENTIALS_FILE: k } };
}

function resolve(env: Record<string, string>, profile = "default", explicit?: string[]) {
  const envConfig = loadEnvConfig(env);
  return loadSharedConfig({
    profile,
    files: sharedConfigFileList(envConfig, explicit),
    sharedConfigEnabled: envConfig.sharedConfigEnabled,
    cache: new SharedConfigFileCache(),
  });
}

test("which files are read: credentials only by default, both with AWS_SDK_LOAD_CONFIG, an explicit list replaces both", () => {
  const { env } = files("[default]\nregion = cfg-region\n", "[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n");
  const kinds = (e: Record<string, string>, explicit?: string[]) =>
    sharedConfigFileList(loadEnvConfig(e), explicit).map((f) => `${f.kind}:${f.path === e.AWS_CONFIG_FILE ? "config" : f.path === e.AWS_SHARED_CREDENTIALS_FILE ? "credentials" : f.path}`);
  assert.deepEqual(kinds(env), ["credentials:credentials"]);
  assert.deepEqual(kinds({ ...env, AWS_SDK_LOAD_CONFIG: "true" }), ["config:config", "credentials:credentials"]);
  assert.deepEqual(kinds(env, ["/x", "/y"]), ["any:/x", "any:/y"]);

  const off = resolve(env);
  assert.deepEqual([off.region, off.credentials?.accessKeyId.value, off.files.length], [undefined, "AKID", 1]);
  const on = resolve({ ...env, AWS_SDK_LOAD_CONFIG: "1" });
  assert.deepEqual([on.region?.value, on.credentials?.accessKeyId.value, on.files.length], ["cfg-region", "AKID", 2]);
});

test("the credentials file wins key by key; an empty later value blanks an earlier one; key pairs never mix files", () => {
  const { env } = files(
    "[profile p]\nregion = cfg-region\noutput = json\naws_access_key_id = CFG_AKID\naws_secret_access_key = CFG_SECRET\n" +
      "[profile half]\naws_access_key_id = CFG_AKID\n",
    "[p]\nregion =\naws_access_key_id = CRED_AKID\naws_secret_access_key = CRED_SECRET\n[half]\naws_secret_access_key = CRED_SECRET\n",
  );
  const on = { ...env, AWS_SDK_LOAD_CONFIG: "1" };
  const p = resolve(on, "p");
  assert.equal(p.region?.value, "");
  assert.equal(p.region?.source.source === "file" && p.region.source.path, env.AWS_SHARED_CREDENTIALS_FILE);
  assert.equal(p.credentials?.providerName, `SharedConfigCredentials: ${env.AWS_SHARED_CREDENTIALS_FILE}`);
  assert.equal(p.properties.get("output")?.value, "json");
  const half = resolve(on, "half");
  assert.deepEqual([half.credentials, half.partialCredentials?.missing], [undefined, "aws_access_key_id"]);
});

test("typed files follow the cross-SDK section rules", () => {
  const { env } = files(
    "[default]\nregion = bare-default\n[profile default]\nregion = prefixed-default\n[bare]\nregion = ignored\n",
    "[profile creds]\naws_access_key_id = IGNORED\naws_secret_access_key = IGNORED\n",
  );
  const on = { ...env, AWS_SDK_LOAD_CONFIG: "1" };
  assert.equal(resolve(on).region?.value, "prefixed-default");
  assert.throws(() => resolve(on, "bare"), { code: "SharedConfigProfileNotExistsError" });
  assert.throws(() => resolve(on, "creds"), { code: "SharedConfigProfileNotExistsError" });
  // An explicit list is read the Go way: `[name]` first, then `[profile name]`.
  const lax = resolve(on, "bare", [env.AWS_CONFIG_FILE ?? ""]);
  assert.equal(lax.region?.value, "ignored");
  assert.equal(resolve(on, "default", [env.AWS_CONFIG_FILE ?? ""]).region?.value, "bare-default");
});
