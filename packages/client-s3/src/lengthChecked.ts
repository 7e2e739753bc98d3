import { SdkError } from "@sessionkit/errors";

/**
 * PutObject's stream body, held to the `ContentLength` it declared (the signature covers that length, and a
 * transport announces it): fails typed as soon as the stream yields more, before the extra bytes go out, when it
 * ends short, or when it yields something other than bytes. Without it the server rejects the request as
 * `SignatureDoesNotMatch`, or a transport waits for bytes that never come.
 */
export async function* lengthChecked(body: AsyncIterable<Uint8Array>, length: number): AsyncGenerator<Uint8Array, void, undefined> {
  let seen = 0;
  for await (const chunk of body) {
    // A stream of strings (`Readable.from(["a"])`) has no byteLength: the count would be NaN and pass every check.
    if (!(chunk instanceof Uint8Array)) throw new SdkError("InvalidParameter", `PutObjectInput.Body yielded a ${typeof chunk}, not a Uint8Array`);
    seen += chunk.byteLength;
    if (seen > length) throw new SdkError("InvalidParameter", `PutObjectInput.Body has more bytes than its ContentLength of ${length}`);
    yield chunk;
  }
  if (seen < length) throw new SdkError("InvalidParameter", `PutObjectInput.Body has ${seen} bytes, its ContentLength says ${length}`);
}
