import type { HttpRequestBody } from "@sessionkit/types";
import { readStream } from "./readStream.js";
import { encoder } from "./utf8.js";

/** A body that can hand over all its bytes at once (the transports' bodies, a fetch `Response`). */
interface BytesBody {
  bytes(): Promise<Uint8Array>;
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Reads a whole body into one `Uint8Array`. Response bodies from `@sessionkit/http` check their byte count
 * against `content-length` while they are read, so a short or long body rejects here instead of resolving.
 */
export async function readBody(body: HttpRequestBody): Promise<Uint8Array> {
  // No body encodes as empty.
  if (body === undefined || typeof body === "string") return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  const bytes = (body as Partial<BytesBody>).bytes;
  if (typeof bytes === "function") return bytes.call(body);
  return readStream(body);
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
