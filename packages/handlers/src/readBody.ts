import type { HttpRequestBody } from "@sessionkit/types";

/** A body that can hand over all its bytes at once (the transports' bodies, a fetch `Response`). */
interface BytesBody {
  bytes(): Promise<Uint8Array>;
}

const EMPTY = new Uint8Array(0);
const decoder = /* @__PURE__ */ new TextDecoder();
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Reads a whole body into one `Uint8Array`. Response bodies from `@sessionkit/http` check their byte count
 * against `content-length` while they are read, so a short or long body rejects here instead of resolving.
 */
export async function readBody(body: HttpRequestBody): Promise<Uint8Array> {
  if (body === undefined) return EMPTY;
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  const bytes = (body as Partial<BytesBody>).bytes;
  if (typeof bytes === "function") return bytes.call(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  // One chunk is returned as is; several are joined by the platform (all transports here have `bytes()`).
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/** Reads a whole body as UTF-8 text. */
export async function readText(body: HttpRequestBody): Promise<string> {
  if (typeof body === "string") return body;
  return decoder.decode(await readBody(body));
}

/** A body that replays the given bytes on every iteration (used after a log handler read the original). */
export function bytesBody(bytes: Uint8Array): AsyncIterable<Uint8Array> & BytesBody {
  return {
    bytes: () => Promise.resolve(bytes),
    async *[Symbol.asyncIterator]() {
      if (bytes.byteLength > 0) yield bytes;
    },
  };
}

/** UTF-8 byte length of a string (a lone surrogate counts as U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  // Encoding is as fast as counting in a JS loop for request-sized strings, and far smaller.
  return encoder.encode(text).byteLength;
}
