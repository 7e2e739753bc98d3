// Test helper: replays a recorded smithy-rs `http-traffic.json` conversation (conformance README §4) as a
// Transport, recording what was sent so a test can compare it with the recording.
import type { HttpRequest, HttpResponse, Transport } from "@sessionkit/types";

interface TrafficEvent {
  readonly connection_id: number;
  readonly action: {
    readonly Request?: { readonly request: { readonly uri: string; readonly method: string; readonly headers: Record<string, string[]> } };
    readonly Data?: { readonly data: { readonly Utf8: string }; readonly direction: "Request" | "Response" };
    readonly Response?: { readonly response: { readonly Ok: { readonly status: number; readonly headers: Record<string, string[]> } } };
  };
}

/** One request as the upstream harness compares it. */
export interface SentRequest {
  readonly method: string;
  /** `scheme://authority/path` (a missing path counts as `/`). */
  readonly url: string;
  /** Query parameters as sorted `k=v` strings (an unordered multiset). */
  readonly query: readonly string[];
  readonly contentType: string | undefined;
}

interface Exchange {
  readonly expected: SentRequest;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ReplayTransport extends Transport {
  /** What was sent, in order. */
  readonly sent: SentRequest[];
  /** What the recording expects to be sent, in order. */
  readonly expected: readonly SentRequest[];
}

function parseUri(uri: string): { url: string; query: string[] } {
  const u = new URL(uri);
  const query = [...u.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
  return { url: `${u.protocol}//${u.host}${u.pathname === "" ? "/" : u.pathname}`, query };
}

function header(headers: Record<string, string[]> | Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v.join(",") : v;
  }
  return undefined;
}

/** Builds a transport that answers the n-th request with connection n's recorded response. */
export function replayTransport(traffic: { readonly events: readonly TrafficEvent[] }): ReplayTransport {
  const byConnection = new Map<number, TrafficEvent[]>();
  for (const e of traffic.events) {
    const list = byConnection.get(e.connection_id) ?? [];
    list.push(e);
    byConnection.set(e.connection_id, list);
  }
  const exchanges: Exchange[] = [...byConnection.keys()]
    .sort((a, b) => a - b)
    .map((id) => {
      const events = byConnection.get(id) ?? [];
      const req = events.find((e) => e.action.Request)?.action.Request?.request;
      const res = events.find((e) => e.action.Response)?.action.Response?.response.Ok;
      if (req === undefined || res === undefined) throw new Error(`connection ${id} has no request/response`);
      const { url, query } = parseUri(req.uri);
      const body = events
        .filter((e) => e.action.Data?.direction === "Response")
        .map((e) => e.action.Data?.data.Utf8 ?? "")
        .join("");
      const headers: Record<string, string> = {};
      // content-length in recordings may be stale (README §4): recompute it.
      for (const [k, v] of Object.entries(res.headers)) if (k.toLowerCase() !== "content-length") headers[k] = v.join(",");
      headers["content-length"] = String(new TextEncoder().encode(body).length);
      return {
        expected: { method: req.method, url, query, contentType: header(req.headers, "content-type") },
        status: res.status,
        headers,
        body,
      };
    });
  const sent: SentRequest[] = [];
  return {
    sent,
    expected: exchanges.map((x) => x.expected),
    async handle(request: HttpRequest): Promise<HttpResponse> {
      const port = request.port === undefined ? "" : `:${request.port}`;
      const path = request.path === "" ? "/" : request.path;
      const query = Object.entries(request.query ?? {})
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`) : v === null ? [k] : [`${k}=${v}`]))
        .sort();
      sent.push({
        method: request.method,
        url: `${request.protocol.replace(/:?$/, ":")}//${request.hostname}${port}${path}`,
        query,
        contentType: header(request.headers, "content-type"),
      });
      const exchange = exchanges[sent.length - 1];
      if (exchange === undefined) throw new Error(`unexpected request #${sent.length}: ${request.method} ${request.hostname}${path}`);
      const bytes = new TextEncoder().encode(exchange.body);
      return {
        statusCode: exchange.status,
        headers: { ...exchange.headers },
        body: (async function* () {
          yield bytes;
        })(),
      };
    },
  };
}
