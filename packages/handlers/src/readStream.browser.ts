/**
 * The browser build's `readStream`: the chunks joined by a `Blob`, in fewer bytes of code than readStream.ts's copy
 * loop. Only a body without `bytes()` gets here (none of @sessionkit/http's), so its speed is not the pipeline's.
 */
export async function readStream(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: BlobPart[] = [];
  for await (const chunk of body) chunks.push(chunk as BlobPart);
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}
