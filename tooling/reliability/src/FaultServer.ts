import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as the fault server saw it. */
export interface RecordedRequest {
  readonly index: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** `Action` of a Query (STS) request, `undefined` for S3. */
  readonly action: string | undefined;
  /** Milliseconds since the server started. */
  readonly at: number;
  /** Wall-clock time (`Date.now()`) when the request arrived. */
  readonly wall: number;
}

/**
 * What the server does with one request:
 * - `respond`: a well-formed response;
 * - `reset`: destroys the socket before any response byte;
 * - `resetDuringBody`: sends the status line, headers and `sent` of `declared` body bytes, then destroys the socket;
 * - `truncate`: the same, but ends the connection cleanly (FIN) instead of a reset;
 * - `stall`: never answers (the socket stays open until the client gives up or the server closes);
 * - `stallDuringBody`: headers and `sent` of `declared` body bytes, then silence.
 */
export type FaultAction =
  | { readonly kind: "respond"; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly kind: "reset" }
  | { readonly kind: "resetDuringBody"; readonly status?: number; readonly declared: number; readonly sent: number }
  | { readonly kind: "truncate"; readonly status?: number; readonly declared: number; readonly sent: number }
  | { readonly kind: "stall" }
  | { readonly kind: "stallDuringBody"; readonly status?: number; readonly declared: number; readonly sent: number };

export type FaultScript = (request: RecordedRequest) => FaultAction;

/** A 200 with an XML body, as S3 and STS send them. */
export function xml(body: string, status = 200, headers: Record<string, string> = {}): FaultAction {
  return { kind: "respond", status, headers: { "content-type": "application/xml", ...headers }, body };
}

/** An S3 error document. */
export function s3Error(status: number, code: string, headers: Record<string, string> = {}): FaultAction {
  return xml(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>injected ${code}</Message><RequestId>req-${code}</RequestId></Error>`, status, headers);
}

/** An STS (Query protocol) error document. */
export function stsError(status: number, code: string): FaultAction {
  return xml(
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>injected ${code}</Message></Error><RequestId>sts-${code}</RequestId></ErrorResponse>`,
    status,
  );
}

export const LIST_BUCKETS_OK = `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner</ID><DisplayName>owner</DisplayName></Owner><Buckets><Bucket><Name>fault-bucket</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>`;

/** An AssumeRole answer whose credentials are numbered, so tests can tell refreshes apart. */
export function assumeRoleOk(n: number, expiration: Date): FaultAction {
  return xml(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAFAULT${String(n).padStart(4, "0")}</AccessKeyId><SecretAccessKey>faultSecret${n}</SecretAccessKey><SessionToken>faultToken${n}</SessionToken><Expiration>${expiration.toISOString()}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROAFAULT:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/fault/s</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>sts-ok-${n}</RequestId></ResponseMetadata></AssumeRoleResponse>`);
}

function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${status === 200 ? "OK" : "Fault"}\r\n`;
}

/**
 * A loopback HTTP server (127.0.0.1, a free port) that answers each request with whatever the test's
 * script says, including broken answers no real server library would produce (wrong content-length,
 * resets, silence). It records every request.
 */
export class FaultServer {
  readonly requests: RecordedRequest[] = [];
  #script: FaultScript;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #started = performance.now();

  private constructor(script: FaultScript) {
    this.#script = script;
    this.#server = createServer((req, res) => this.#onRequest(req, res));
    this.#server.keepAliveTimeout = 60_000;
    this.#server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(script: FaultScript): Promise<FaultServer> {
    const server = new FaultServer(script);
    await new Promise<void>((resolve) => server.#server.listen(0, "127.0.0.1", resolve));
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Replaces the script (e.g. "STS is down" → "STS is back"). */
  setScript(script: FaultScript): void {
    this.#script = script;
  }

  /** Requests whose `Action` is `action` (STS), or S3 requests when `action` is `undefined`. */
  count(action: string | undefined): number {
    return this.requests.filter((r) => r.action === action).length;
  }

  /** Connections currently open (stalled ones included). */
  get openSockets(): number {
    return this.#sockets.size;
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const action = /(?:^|&)Action=([^&]*)/.exec(body)?.[1];
      const recorded: RecordedRequest = {
        index: this.requests.length,
        method: req.method ?? "",
        url: req.url ?? "",
        headers: { ...req.headers },
        body,
        action,
        at: performance.now() - this.#started,
        wall: Date.now(),
      };
      this.requests.push(recorded);
      this.#act(this.#script(recorded), res);
    });
  }

  #act(action: FaultAction, res: ServerResponse): void {
    const socket = res.socket;
    switch (action.kind) {
      case "respond": {
        const body = Buffer.from(action.body ?? "", "utf8");
        res.writeHead(action.status, { date: new Date().toUTCString(), "content-length": String(body.byteLength), ...action.headers });
        res.end(body);
        return;
      }
      case "reset":
        socket?.resetAndDestroy();
        return;
      case "stall":
        return;
      case "resetDuringBody":
      case "truncate":
      case "stallDuringBody": {
        if (socket === null) return;
        // Raw bytes: node:http would refuse to send fewer bytes than the content-length it was given.
        socket.write(
          `${statusLine(action.status ?? 200)}content-type: application/xml\r\ncontent-length: ${action.declared}\r\n` +
            `date: ${new Date().toUTCString()}\r\n\r\n${"<".repeat(action.sent)}`,
        );
        if (action.kind === "resetDuringBody") setTimeout(() => socket.resetAndDestroy(), 20);
        else if (action.kind === "truncate") setTimeout(() => socket.end(), 20);
        return;
      }
    }
  }
}

/**
 * A tiny S3 + STS on one endpoint (as Ceph RGW): ListBuckets, ListObjectsV2, Get/Head/Put/DeleteObject on
 * one in-memory object, AssumeRole (numbered credentials valid `validMs` of `clock`) and GetCallerIdentity.
 */
export function miniS3AndSts(clock: () => number = Date.now, validMs = 15 * 60_000): FaultScript {
  let issued = 0;
  let object = "hello from the mini S3\n";
  return (r) => {
    if (r.action === "AssumeRole") return assumeRoleOk(++issued, new Date(clock() + validMs));
    if (r.action === "GetCallerIdentity") {
      return xml(
        "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/mini</Arn><UserId>AIDAMINI</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
      );
    }
    if (r.action !== undefined) return stsError(400, "InvalidAction");
    const path = r.url.split("?")[0] ?? "/";
    if (path === "/") return xml(LIST_BUCKETS_OK);
    if (r.method === "GET" && (r.url.includes("list-type=2") || path.split("/").filter(Boolean).length === 1)) {
      return xml(
        `<ListBucketResult><Name>fault-bucket</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>hello.txt</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>${Buffer.byteLength(object)}</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>`,
      );
    }
    switch (r.method) {
      case "GET":
        return { kind: "respond", status: 200, headers: { "content-type": "text/plain", etag: '"e"', "last-modified": "Thu, 01 Jan 2026 00:00:00 GMT" }, body: object };
      case "HEAD":
        return { kind: "respond", status: 200, headers: { etag: '"e"', "content-length": String(Buffer.byteLength(object)) } };
      case "PUT":
        object = r.body;
        return { kind: "respond", status: 200, headers: { etag: '"e2"' } };
      case "DELETE":
        return { kind: "respond", status: 204 };
      default:
        return s3Error(405, "MethodNotAllowed");
    }
  };
}
