// Test support: sends an HttpRequest exactly as signed, over node:http(s), and reads the whole answer.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { HttpRequest } from "@sessionkit/types";
import { formatUrl } from "../formatUrl.js";

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function sendRaw(request: HttpRequest): Promise<RawResponse> {
  const url = new URL(formatUrl(request));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      { method: request.method, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: request.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
          resolve({ statusCode: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url.host} in 10 s`)));
    if (typeof request.body === "string" || request.body instanceof Uint8Array) req.end(request.body);
    else req.end();
  });
}

/** The `<Code>` of an S3 XML error body. */
export function errorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}
