import { SdkError } from "@sessionkit/errors";

/**
 * PutObject's stream body, held to the `ContentLength` it declared (the signature covers that length, and a
 * transport announces it): fails typed as soon as the stream yields more, before the extra bytes go out, or when
 * it ends short. Without it the server rejects the request as `SignatureDoesNotMatch`, or a transport waits for
 * bytes that never come.
 */
export async function* lengthChecked(body: AsyncIterable<Uint8Array>, length: number): AsyncGenerator<Uint8Array, void, undefined> {
  let seen = 0;
  for await (const chunk of body) {
    seen += chunk.byteLength;
    if (seen > length) throw new SdkError("InvalidParameter", `PutObjectInput.Body has more bytes than its ContentLength of ${length}`);
    yield chunk;
  }
  if (seen < length) throw new SdkError("InvalidParameter", `PutObjectInput.Body has ${seen} bytes, its ContentLength says ${length}`);
}
