import { rmSync } from "node:fs";
import { S3 } from "@sessionkit/client-s3";
import { maskSecret } from "@sessionkit/config";
import { staticTokenProvider, stdinTokenProvider } from "@sessionkit/credential-provider-assume-role";
import { type ExplainEntry, must, newSession, newSessionWithOptions, type Session, SharedConfigState } from "@sessionkit/session";
import type { Config, HttpRequest, Request, TokenProvider } from "@sessionkit/types";
import type { CliInput, CliOutput } from "./CliIO.js";
import { DemoPrinter } from "./DemoPrinter.js";
import { DEBUG_LOG_LEVEL, stderrLogger } from "./createCliSession.js";
import { DemoServers } from "./DemoServers.js";
import { formatError } from "./formatError.js";
import { MFA_CODE_ENV } from "./mfaTokenProvider.js";
import { type DemoHome, OTHER_PROFILE, ROLE_PROFILE, writeDemoHome } from "./writeDemoHome.js";

/**
 * The code a non-interactive run answers the MFA prompt with. Seven characters, because Ceph RGW 16.2 refuses
 * every 6-character `TokenCode` (its length check is inverted); AWS itself wants the 6 digits of a device.
 */
export const DEFAULT_DEMO_MFA_CODE = "1234567";

/** What the walkthrough needs from its process. */
export interface DemoOptions {
  /** `--mfa-code`: answers the MFA prompt without asking. */
  readonly mfaCode?: string;
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** The process environment: the demo empties its `AWS_*` variables and points `HOME` at the throwaway home. */
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
  /** The folder of the launcher's `start.sh` / `stop.sh` (tests); default: the repository's. */
  readonly launcher?: string;
  /** `--debug`: every session logs requests, responses (with bodies), retries and errors to stderr, redacted. */
  readonly debug?: boolean;
}

/** The code options `--debug` adds to every session of the walkthrough (none without it). */
function debugConfig(options: DemoOptions): Config {
  if (options.debug !== true) return {};
  return { logLevel: DEBUG_LOG_LEVEL, logger: stderrLogger(options) };
}

type Rows = (session: Session, ...settings: string[]) => void;

/** Which token provider the role step uses, and how the demo explains it. */
function tokenProviderFor(options: DemoOptions): { provider: TokenProvider; code: string; how: string[] } {
  const given = options.mfaCode ?? options.env[MFA_CODE_ENV];
  if (given !== undefined && given !== "") {
    const from = options.mfaCode !== undefined ? "--mfa-code" : MFA_CODE_ENV;
    return { provider: staticTokenProvider(given), code: "staticTokenProvider(code)", how: [`The MFA code comes from ${from}.`] };
  }
  if (options.stdin.isTTY === true) {
    return {
      provider: stdinTokenProvider({ input: options.stdin, output: options.stderr }),
      code: "stdinTokenProvider()",
      how: [
        "Type any 7-character code at the prompt (on stderr). Ceph RGW 16.2 refuses every 6-character code (its",
        "length check is inverted); AWS wants the 6 digits of your device.",
      ],
    };
  }
  return {
    provider: staticTokenProvider(DEFAULT_DEMO_MFA_CODE),
    code: "staticTokenProvider(code)",
    how: [
      `stdin is not a terminal, so the demo answers with a 7-character code (or --mfa-code, or ${MFA_CODE_ENV}).`,
      "Seven, because Ceph RGW 16.2 refuses every 6-character code (its length check is inverted); AWS wants",
      "the 6 digits of your device.",
    ],
  };
}

// Go's seed logs r.Params; a body is shown by its size, and the signature headers only in redacted form.
function payload(params: unknown): string {
  return JSON.stringify(params, (key, value: unknown) => {
    if (key !== "Body") return value;
    if (typeof value === "string") return `<${Buffer.byteLength(value)} bytes>`;
    if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
    return "<stream>";
  });
}

function signedBy(req: HttpRequest): string {
  const auth = String(req.headers.authorization ?? req.headers.Authorization ?? "");
  const key = /Credential=([^/]+)\//.exec(auth)?.[1];
  const token = req.headers["x-amz-security-token"] !== undefined ? ", session token ****" : "";
  return key === undefined ? "unsigned" : `key ${maskSecret(key, "partial")}, signature ****${token}`;
}

function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.message ?? String(err);
}

/**
 * The walkthrough of the Go v1 "Using Sessions" guide against a local Ceph RGW: start the server through the
 * launcher, write a throwaway HOME, run each step and print what it shows, then stop the server and remove
 * the HOME, also on Ctrl-C or an error. Resolves with the exit code.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const started = options.now();
  // Added to every session below; the printed code leaves it out (it is not part of the guide).
  const debug = debugConfig(options);
  let p = new DemoPrinter((s) => options.stdout.write(s));
  let servers: DemoServers | undefined;
  let home: DemoHome | undefined;
  let cleaned = false;
  const cleanup = (): void => {
    if (cleaned) return;
    cleaned = true;
    servers?.stop();
    if (home !== undefined) rmSync(home.home, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    options.stderr.write(`\ndemo: ${signal}: stopping the servers and removing the throwaway HOME\n`);
    cleanup();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  try {
    p.line("sessionkit demo: the AWS SDK for Go v1 \"Using Sessions\" guide, in TypeScript, against a local Ceph RGW");
    p.line("(S3 + STS with real SigV4 checks). Each step prints the code it runs and what it shows.");

    p.section("setup: start Ceph RGW through tooling/test-env/servers/start.sh (TEST_SERVERS=rgw)");
    servers = new DemoServers(options.launcher);
    p.line(`   state, logs and pid files in ${servers.dir}`);
    const serverEnv = await servers.start((line) => p.line(`   ${line}`));
    const endpoint = serverEnv.RGW_ENDPOINT ?? "";

    home = writeDemoHome(serverEnv);
    p.section(`setup: a throwaway HOME (${home.home}) with a credentials and a config file`);
    p = p.withHome(home.home);
    const env = options.env;
    const unset = Object.keys(env).filter((k) => k.startsWith("AWS_"));
    for (const k of unset) delete env[k];
    env.HOME = home.home;
    env.AWS_ENDPOINT_URL = endpoint;
    p.file("~/.aws/credentials", home.credentialsText);
    p.file("~/.aws/config", home.configText);
    p.line(`   AWS_ENDPOINT_URL=${endpoint}   (every client of every session talks to the local RGW)`);
    if (unset.length > 0) p.line(`   unset for this run, so your own settings stay out: ${unset.join(", ")}`);

    const rows: Rows = (session, ...settings) => {
      const all = session.explain().entries;
      const wanted: ExplainEntry[] = [];
      for (const s of settings) for (const e of all) if (e.setting === s || e.setting.startsWith(`${s}[`) || e.setting.startsWith(`${s}.`)) wanted.push(e);
      p.rows(wanted);
    };

    // 1. newSession() reads only the credentials file.
    p.step(
      "newSession(): credentials from ~/.aws/credentials only",
      "By default a session loads credentials from the shared credentials file; ~/.aws/config is not read.",
    );
    p.code("const sess = newSession();");
    const sess = newSession(debug);
    rows(sess, "profile", "sharedConfig", "files", "credentials", "region");
    p.code("await new S3(sess).listBuckets();");
    try {
      await new S3(sess).listBuckets();
      p.show("listed the buckets");
    } catch (err) {
      p.show(`${errorText(err)}`);
      p.note("As in Go: without AWS_SDK_LOAD_CONFIG the region in ~/.aws/config is ignored (aws-sdk-go #1235).");
    }
    p.code('const withRegion = newSession({ region: "us-east-2" });', "await new S3(withRegion).listBuckets();");
    const withRegion = newSession({ region: "us-east-2" }, debug);
    const first = await new S3(withRegion).listBuckets();
    const firstKey = (await withRegion.config.credentials.get()).accessKeyId;
    p.show(`${first.Buckets.length} bucket(s), signed with the default profile's key ${maskSecret(firstKey, "partial")}`);

    // 2. AWS_SDK_LOAD_CONFIG and SharedConfigState.Enable.
    p.step(
      "AWS_SDK_LOAD_CONFIG=1, or SharedConfigState.Enable: ~/.aws/config comes in",
      "With the variable set to a truthy value, or the option, the config file is read as well (the",
      "credentials file still wins for keys in both).",
    );
    p.code('process.env.AWS_SDK_LOAD_CONFIG = "1";', "const loaded = newSession();");
    env.AWS_SDK_LOAD_CONFIG = "1";
    const loaded = newSession(debug);
    delete env.AWS_SDK_LOAD_CONFIG;
    rows(loaded, "sharedConfig", "files", "region");
    p.code("const enabled = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable });");
    const enabled = newSessionWithOptions({ sharedConfigState: SharedConfigState.Enable, config: debug });
    rows(enabled, "sharedConfig", "region");
    p.show(`same region (${enabled.config.region}) without the environment variable`);

    // 3. A named profile.
    p.step("A named profile with newSessionWithOptions", "options.profile beats AWS_PROFILE; options.config beats the profile.");
    p.code(`const other = newSessionWithOptions({ profile: "${OTHER_PROFILE}", sharedConfigState: SharedConfigState.Enable });`);
    const other = newSessionWithOptions({ profile: OTHER_PROFILE, sharedConfigState: SharedConfigState.Enable, config: debug });
    rows(other, "profile", "credentials", "region");
    const otherKey = (await other.config.credentials.get()).accessKeyId;
    const otherBuckets = await new S3(other).listBuckets();
    p.show(`${otherBuckets.Buckets.length} bucket(s), signed with the [${OTHER_PROFILE}] key ${maskSecret(otherKey, "partial")} (RGW user otheruser)`);
    p.code(
      "const otherInOhio = newSessionWithOptions({",
      `  profile: "${OTHER_PROFILE}", sharedConfigState: SharedConfigState.Enable, config: { region: "us-east-2" },`,
      "});",
    );
    const otherInOhio = newSessionWithOptions({
      profile: OTHER_PROFILE,
      sharedConfigState: SharedConfigState.Enable,
      config: { region: "us-east-2", ...debug },
    });
    rows(otherInOhio, "region");

    // 4. A role with source_profile + mfa_serial.
    const mfa = tokenProviderFor(options);
    p.step(
      `A role profile with source_profile + mfa_serial ([profile ${ROLE_PROFILE}])`,
      "The session assumes the role with the default profile's keys, asking for the MFA code first.",
    );
    p.code(`newSessionWithOptions({ profile: "${ROLE_PROFILE}", sharedConfigState: SharedConfigState.Enable });`);
    try {
      newSessionWithOptions({ profile: ROLE_PROFILE, sharedConfigState: SharedConfigState.Enable, config: debug });
      p.show("created (the token provider is only checked when credentials are first needed)");
    } catch (err) {
      p.show(errorText(err));
      p.note("As in Go: a role with mfa_serial needs a token provider, and says so at creation.");
    }
    p.code(
      "const roleSess = must(() =>",
      "  newSessionWithOptions({",
      `    profile: "${ROLE_PROFILE}",`,
      `    assumeRoleTokenProvider: ${mfa.code},`,
      "    sharedConfigState: SharedConfigState.Enable,",
      "  }),",
      ");",
      "const creds = await roleSess.config.credentials.get();",
    );
    for (const l of mfa.how) p.note(l);
    const roleSess = must(() =>
      newSessionWithOptions({
        profile: ROLE_PROFILE,
        assumeRoleTokenProvider: mfa.provider,
        sharedConfigState: SharedConfigState.Enable,
        config: debug,
      }),
    );
    rows(roleSess, "credentials", "region");
    const creds = await roleSess.config.credentials.get();
    p.show(
      `assumed ${home.roleArn}: temporary key ${maskSecret(creds.accessKeyId, "partial")}, session token ****, ` +
        `expires ${creds.expiration?.toISOString() ?? "never"} (${creds.providerName})`,
    );

    // 5. copy() with a region override.
    p.step("copy() with a region override", "A copy shares the credentials (and their cache) and gets its own handler lists.");
    p.code('const usEast2 = roleSess.copy({ region: "us-east-2" });');
    const usEast2 = roleSess.copy({ region: "us-east-2" });
    p.show(`roleSess.config.region = ${roleSess.config.region}, usEast2.config.region = ${usEast2.config.region}`);
    p.show(
      `usEast2.config.credentials === roleSess.config.credentials: ${usEast2.config.credentials === roleSess.config.credentials} ` +
        "(no second AssumeRole, no second MFA prompt)",
    );

    // 6. A send handler that logs every request.
    p.step(
      "A send handler that logs every request",
      "Clients created from the session from now on inherit it; the log names the key by its last four",
      "characters and never shows the signature, the session token or the secret key.",
    );
    p.code(
      "roleSess.handlers.send.pushFront((r) => {",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the printed code, not a template of ours
      "  console.log(`Request: ${r.clientInfo.serviceName}/${r.operation.name}, Payload: ${payload(r.params)}`);",
      "});",
    );
    roleSess.handlers.send.pushFront((r: Request) => {
      p.line(`      Request: ${r.clientInfo.serviceName}/${r.operation.name}, Payload: ${payload(r.params)} [${signedBy(r.httpRequest)}]`);
    });

    // 7. S3 with the assumed role.
    const bucket = `sessionkit-demo-${options.now().toString(36)}`;
    const key = "hello.txt";
    const text = "Hello from sessionkit!";
    p.step("S3 with the assumed role: create bucket, put, list, get, delete");
    p.code("const s3 = new S3(roleSess);");
    const s3 = new S3(roleSess);
    p.code(`await s3.createBucket({ Bucket: "${bucket}" });`);
    await s3.createBucket({ Bucket: bucket });
    p.show(`created s3://${bucket}`);
    p.code(`await s3.putObject({ Bucket, Key: "${key}", Body: "${text}" });`);
    const put = await s3.putObject({ Bucket: bucket, Key: key, Body: text });
    p.show(`stored ${key}, ETag ${put.ETag ?? "-"}`);
    p.code("const { Contents } = await s3.listObjectsV2({ Bucket });");
    const list = await s3.listObjectsV2({ Bucket: bucket });
    p.show(`listed: ${list.Contents.map((o) => `${o.Key} (${o.Size} bytes)`).join(", ")}`);
    p.code(`const body = await (await s3.getObject({ Bucket, Key: "${key}" })).Body.transformToString();`);
    const body = await (await s3.getObject({ Bucket: bucket, Key: key })).Body.transformToString();
    p.show(`read back: ${JSON.stringify(body)}`);
    p.code(`await s3.deleteObject({ Bucket, Key: "${key}" });`, "await s3.deleteBucket({ Bucket });");
    await s3.deleteObject({ Bucket: bucket, Key: key });
    await s3.deleteBucket({ Bucket: bucket });
    p.show(`deleted ${key} and the bucket`);
    p.code("await new S3(usEast2).listBuckets();   // a copy made before the handler was added");
    const afterDelete = await new S3(usEast2).listBuckets();
    p.show(`${afterDelete.Buckets.length} bucket(s); no Request line: usEast2 copied the handler lists before pushFront (as in Go)`);

    p.section("done");
    p.line(`   7 steps against Ceph RGW in ${((options.now() - started) / 1000).toFixed(1)} s. Next: \`sessionkit config explain\`,`);
    p.line("   `sessionkit s3 ls`, and the README's Go v1 -> sessionkit table.");
    return 0;
  } catch (err) {
    options.stderr.write(`demo: ${formatError(err)}\n`);
    return 1;
  } finally {
    p.section("cleanup: stopping Ceph RGW (rgw, then osd, then mon) and removing the throwaway HOME");
    cleanup();
    p.line("   stopped and removed");
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  }
}
