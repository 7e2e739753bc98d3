import { SdkError } from "@sessionkit/errors";
import { readBody } from "@sessionkit/handlers";
import type { StreamingBody } from "./shapes.js";

// A class rather than an object literal with closures: one shape, methods on the prototype, so wrapping
// each GetObject response costs one small allocation.
class ResponseBody implements StreamingBody {
  readonly #source: AsyncIterable<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.#source[Symbol.asyncIterator]();
  }

  transformToByteArray(): Promise<Uint8Array> {
    return readBody(this.#source);
  }

  async transformToString(encoding = "utf-8"): Promise<string> {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding);
    } catch (cause) {
      throw new SdkError("InvalidParameter", `unknown text encoding ${JSON.stringify(encoding)}`, { cause });
    }
    return decoder.decode(await readBody(this.#source));
  }
}

/** Wraps a response's byte stream as GetObject's `Body`: async-iterable, with read-all helpers. */
export function toStreamingBody(source: AsyncIterable<Uint8Array>): StreamingBody {
  return new ResponseBody(source);
}
