import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerEnv } from "./DemoServers.js";

/** The throwaway home directory of the demo and what its two files say. */
export interface DemoHome {
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  readonly configText: string;
  readonly credentialsText: string;
  /** The role the `mfa-role` profile assumes and the MFA device it names. */
  readonly roleArn: string;
  readonly mfaSerial: string;
}

/** The profile of the demo's role with `source_profile` + `mfa_serial`. */
export const ROLE_PROFILE = "mfa-role";
/** The named profile with other keys and another region. */
export const OTHER_PROFILE = "other";

function required(env: ServerEnv, name: string): string {
  const v = env[name];
  if (v === undefined || v === "") throw new Error(`the launcher's env file has no ${name}`);
  return v;
}

/**
 * Writes `~/.aws/credentials` (the RGW test user as `default`, the other RGW user as `other`) and
 * `~/.aws/config` (regions, and a role profile with `source_profile` and `mfa_serial`) into a new
 * temporary directory, readable only by the user.
 */
export function writeDemoHome(servers: ServerEnv): DemoHome {
  const home = mkdtempSync(join(tmpdir(), "sessionkit-demo-home-"));
  const aws = join(home, ".aws");
  mkdirSync(aws, { mode: 0o700 });
  const roleArn = required(servers, "RGW_ROLE_ARN");
  const mfaSerial = "arn:aws:iam:::mfa/testuser";
  const credentialsText = [
    "[default]",
    `aws_access_key_id = ${required(servers, "RGW_ACCESS_KEY_ID")}`,
    `aws_secret_access_key = ${required(servers, "RGW_SECRET_ACCESS_KEY")}`,
    "",
    `[${OTHER_PROFILE}]`,
    `aws_access_key_id = ${required(servers, "RGW_OTHER_ACCESS_KEY_ID")}`,
    `aws_secret_access_key = ${required(servers, "RGW_OTHER_SECRET_ACCESS_KEY")}`,
    "",
  ].join("\n");
  const configText = [
    "[default]",
    "region = us-east-2",
    "",
    `[profile ${OTHER_PROFILE}]`,
    "region = eu-west-1",
    "",
    `[profile ${ROLE_PROFILE}]`,
    `role_arn = ${roleArn}`,
    "source_profile = default",
    `mfa_serial = ${mfaSerial}`,
    "role_session_name = sessionkit-demo",
    "region = eu-central-1",
    "",
  ].join("\n");
  const credentialsFile = join(aws, "credentials");
  const configFile = join(aws, "config");
  writeFileSync(credentialsFile, credentialsText, { mode: 0o600 });
  writeFileSync(configFile, configText, { mode: 0o600 });
  return { home, configFile, credentialsFile, configText, credentialsText, roleArn, mfaSerial };
}
