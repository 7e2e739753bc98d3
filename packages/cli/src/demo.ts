// `pnpm demo`: the walkthrough of the Go v1 "Using Sessions" guide against a local Ceph RGW.
import { formatError } from "./formatError.js";
import { parseArgs } from "./parseArgs.js";
import { runDemo } from "./runDemo.js";

const USAGE = `Usage: pnpm demo [-- --mfa-code CODE] [-- --debug]   (or: node packages/cli/dist/demo.js [--mfa-code CODE] [--debug])

Starts Ceph RGW through tooling/test-env/servers/start.sh (installing Ceph when missing and run as root),
writes a throwaway HOME with ~/.aws/config and ~/.aws/credentials, walks through the Go v1 session guide
step by step, then stops the servers and removes the HOME (also on Ctrl-C or an error).

  --mfa-code CODE   answer the role's MFA prompt with CODE (else SESSIONKIT_MFA_CODE; else a prompt on a
                    terminal; else a 7-character code, since Ceph RGW 16.2 refuses 6-character codes)
  --debug           log every request and response (with bodies; secrets redacted) to stderr
  -h, --help        show this help
`;

let code: number;
try {
  const { positionals, flags } = parseArgs(
    process.argv.slice(2),
    new Map([
      ["mfa-code", { name: "mfa-code", type: "string", valueName: "CODE", description: "" }],
      ["debug", { name: "debug", type: "boolean", description: "" }],
      ["help", { name: "help", type: "boolean", description: "" }],
    ]),
  );
  if (flags.get("help") === true) {
    process.stdout.write(USAGE);
    code = 0;
  } else if (positionals.length > 0) {
    process.stderr.write(`demo: unexpected argument ${positionals[0]} — see the usage below\n${USAGE}`);
    code = 2;
  } else {
    const mfaCode = flags.get("mfa-code");
    code = await runDemo({
      ...(typeof mfaCode === "string" ? { mfaCode } : {}),
      debug: flags.get("debug") === true,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      now: Date.now,
    });
  }
} catch (err) {
  process.stderr.write(`demo: ${formatError(err)}\n${USAGE}`);
  code = 2;
}
process.exitCode = code;
