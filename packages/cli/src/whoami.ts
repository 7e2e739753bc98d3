import { STS } from "@sessionkit/client-sts";
import { maskSecret } from "@sessionkit/config";
import { CliError } from "./CliError.js";
import type { CommandSpec } from "./CommandSpec.js";
import { columns } from "./Output.js";

// How servers without the API answer: 405 (Ceph RGW 16.2), or an "unknown action" code.
const UNSUPPORTED_CODES = new Set(["MethodNotAllowed", "NotImplemented", "InvalidAction", "UnknownOperation"]);

function isUnsupported(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  return e?.statusCode === 405 || e?.statusCode === 501 || (typeof e?.code === "string" && UNSUPPORTED_CODES.has(e.code));
}

/** `sessionkit whoami`: STS GetCallerIdentity, plus which local credentials were used. */
export const whoami: CommandSpec = {
  name: "whoami",
  args: "",
  minArgs: 0,
  maxArgs: 0,
  summary: "who the credentials belong to (STS GetCallerIdentity)",
  description:
    "Resolves the session's credentials and asks STS GetCallerIdentity whose they are. Also shows the\n" +
    "access key (last four characters) and the provider the credentials came from. Servers that lack\n" +
    "GetCallerIdentity (Ceph RGW 16.2 answers 405) get a clear error that still names the credentials used.",
  examples: ["sessionkit whoami", "sessionkit whoami --profile prod --output json"],
  flags: [],
  async run(ctx) {
    const session = ctx.session();
    const creds = await session.config.credentials.get();
    const accessKey = maskSecret(creds.accessKeyId, "partial");
    const sts = new STS(session);
    let identity: Awaited<ReturnType<STS["getCallerIdentity"]>>;
    try {
      identity = await sts.getCallerIdentity();
    } catch (err) {
      if (!isUnsupported(err)) throw err;
      const code = (err as { code?: string }).code ?? "error";
      const status = (err as { statusCode?: number }).statusCode;
      throw new CliError(
        "GetCallerIdentityNotSupported",
        `the server at ${sts.clientInfo.endpoint} does not implement STS GetCallerIdentity (it answered ${status ?? ""} ${code}); ` +
          `the credentials in use are access key ${accessKey} from ${creds.providerName}`,
        {
          hint: "this is a gap of the server (Ceph RGW 16.2 has no GetCallerIdentity), not of your setup; `sessionkit config explain` shows where every setting comes from",
          cause: err,
        },
      );
    }
    const data = {
      UserId: identity.UserId ?? "",
      Account: identity.Account ?? "",
      Arn: identity.Arn ?? "",
      AccessKeyId: accessKey,
      Provider: creds.providerName,
    };
    ctx.out.result(data, (d) => columns(Object.entries(d)));
  },
};
