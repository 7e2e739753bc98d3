import { STS } from "@sessionkit/client-sts";
import { CliError } from "./CliError.js";
import type { CommandSpec } from "./CommandSpec.js";
import { stringFlag } from "./CommandSpec.js";
import { mfaTokenProvider } from "./mfaTokenProvider.js";
import { UsageError } from "./UsageError.js";

// POSIX shell single quotes: nothing inside is special except the quote itself.
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.:/+=]*$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function durationFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--duration-seconds must be a positive whole number, not ${JSON.stringify(raw)}`, "sts assume-role");
  return n;
}

/** `sessionkit sts assume-role --role-arn ARN [--serial-number SN]`: temporary credentials as exports or JSON. */
export const stsAssumeRole: CommandSpec = {
  name: "sts assume-role",
  args: "",
  minArgs: 0,
  maxArgs: 0,
  summary: "temporary credentials for a role, as export lines or JSON",
  description:
    "Calls STS AssumeRole with the session's credentials and prints the temporary credentials as shell\n" +
    "`export` lines (eval them: eval \"$(sessionkit sts assume-role --role-arn ...)\") or, with\n" +
    "--output json, as JSON. With --serial-number the MFA code comes from --token-code, else from\n" +
    "SESSIONKIT_MFA_CODE, else from a prompt on the terminal (`Assume Role MFA token code: ` on stderr).\n" +
    "The output contains the secret key and session token: it is meant for your shell, not for logs.",
  examples: [
    "eval \"$(sessionkit sts assume-role --role-arn arn:aws:iam::123456789012:role/Admin)\"",
    "sessionkit sts assume-role --role-arn arn:aws:iam::123456789012:role/Admin --serial-number arn:aws:iam::123456789012:mfa/me",
    "sessionkit sts assume-role --role-arn arn:aws:iam:::role/S3Access --endpoint-url http://127.0.0.1:7480 --output json",
  ],
  flags: [
    { name: "role-arn", type: "string", valueName: "ARN", description: "the role to assume (required)" },
    { name: "role-session-name", type: "string", valueName: "NAME", description: "session name (default sessionkit-<time>)" },
    { name: "serial-number", type: "string", valueName: "ARN", description: "the MFA device, when the role requires MFA" },
    { name: "token-code", type: "string", valueName: "CODE", description: "the MFA code (else SESSIONKIT_MFA_CODE, else a prompt)" },
    { name: "duration-seconds", type: "string", valueName: "N", description: "how long the credentials last (default: the server's, 3600 on AWS)" },
    { name: "external-id", type: "string", valueName: "ID", description: "the external id the role's trust policy asks for" },
  ],
  async run(ctx) {
    const roleArn = stringFlag(ctx.flags, "role-arn");
    if (roleArn === undefined) throw new UsageError("--role-arn is required", "sts assume-role");
    const serialNumber = stringFlag(ctx.flags, "serial-number");
    const tokenCode = stringFlag(ctx.flags, "token-code");
    if (tokenCode !== undefined && serialNumber === undefined) {
      throw new UsageError("--token-code needs --serial-number (the MFA device it belongs to)", "sts assume-role");
    }
    const durationSeconds = durationFlag(stringFlag(ctx.flags, "duration-seconds"));
    const externalId = stringFlag(ctx.flags, "external-id");
    const code =
      serialNumber === undefined
        ? undefined
        : await mfaTokenProvider({ code: tokenCode, env: ctx.io.env, stdin: ctx.io.stdin, stderr: ctx.io.stderr })();
    const sts = new STS(ctx.session());
    const out = await sts.assumeRole({
      RoleArn: roleArn,
      RoleSessionName: stringFlag(ctx.flags, "role-session-name") ?? `sessionkit-${Math.floor(ctx.io.now() / 1000)}`,
      ...(serialNumber === undefined ? {} : { SerialNumber: serialNumber, TokenCode: code }),
      ...(durationSeconds === undefined ? {} : { DurationSeconds: durationSeconds }),
      ...(externalId === undefined ? {} : { ExternalId: externalId }),
    });
    const c = out.Credentials;
    if (c === undefined) {
      throw new CliError("NoCredentialsInResponse", `AssumeRole for ${roleArn} answered without credentials`, {
        hint: "check the server's STS support (run again with --debug to see the response)",
      });
    }
    const data = {
      AccessKeyId: c.AccessKeyId,
      SecretAccessKey: c.SecretAccessKey,
      SessionToken: c.SessionToken,
      Expiration: c.Expiration.toISOString(),
      ...(out.AssumedRoleUser === undefined ? {} : { AssumedRoleUser: out.AssumedRoleUser }),
    };
    ctx.out.result(data, (d) =>
      [
        `export AWS_ACCESS_KEY_ID=${shellQuote(d.AccessKeyId)}`,
        `export AWS_SECRET_ACCESS_KEY=${shellQuote(d.SecretAccessKey)}`,
        `export AWS_SESSION_TOKEN=${shellQuote(d.SessionToken)}`,
        `# expires ${d.Expiration}${out.AssumedRoleUser === undefined ? "" : ` (${out.AssumedRoleUser.Arn})`}`,
      ].join("\n"),
    );
  },
};
