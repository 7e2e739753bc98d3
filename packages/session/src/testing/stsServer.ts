// Test helper: an STS stand-in transport that answers AssumeRole like Go's tests do and records the form
// fields of every call.
import type { HttpRequest, HttpResponse, Transport } from "@sessionkit/types";

/** Go's `assumeRoleRespMsg`, with the expiration filled in. */
export function assumeRoleResponse(expiration: Date): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::account_id:assumed-role/role/session_name</Arn>
      <AssumedRoleId>AKID:session_name</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>AKID</AccessKeyId>
      <SecretAccessKey>SECRET</SecretAccessKey>
      <SessionToken>SESSION_TOKEN</SessionToken>
      <Expiration>${expiration.toISOString().replace(/\.\d{3}Z$/, "Z")}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>request-id</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>
`;
}

/** One STS call as the stand-in saw it. */
export interface StsCall {
  readonly url: string;
  readonly form: Readonly<Record<string, string>>;
  /** The access key id in the Authorization header (which credentials signed the call). */
  readonly signedWith: string | undefined;
}

export interface StsServer extends Transport {
  readonly calls: StsCall[];
}

async function bodyText(body: HttpRequest["body"]): Promise<string> {
  if (body === undefined) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  const chunks: Uint8Array[] = [];
  for await (const c of body) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

/** A transport answering every request with an AssumeRole response valid for `lifetimeMs`. */
export function stsServer(lifetimeMs = 15 * 60_000, now: () => number = Date.now): StsServer {
  const calls: StsCall[] = [];
  return {
    calls,
    async handle(request: HttpRequest): Promise<HttpResponse> {
      const text = await bodyText(request.body);
      const form = Object.fromEntries(new URLSearchParams(text));
      const auth = Object.entries(request.headers).find(([k]) => k.toLowerCase() === "authorization")?.[1];
      const port = request.port === undefined ? "" : `:${request.port}`;
      calls.push({
        url: `${request.protocol.replace(/:?$/, ":")}//${request.hostname}${port}${request.path}`,
        form,
        signedWith: /Credential=([^/]+)\//.exec(auth ?? "")?.[1],
      });
      const bytes = new TextEncoder().encode(assumeRoleResponse(new Date(now() + lifetimeMs)));
      return {
        statusCode: 200,
        headers: { "content-type": "text/xml", "content-length": String(bytes.length) },
        body: (async function* () {
          yield bytes;
        })(),
      };
    },
  };
}
