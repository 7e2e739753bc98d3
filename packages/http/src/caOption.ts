/** A PEM bundle: text, bytes, or several of either. */
export type CaBundle = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/** The `ca` option of `tls` / `https` for a bundle. */
export function caOption(ca: CaBundle): string | Buffer | Array<string | Buffer> {
  const one = (v: string | Uint8Array): string | Buffer => (typeof v === "string" ? v : Buffer.from(v));
  return typeof ca === "string" || ca instanceof Uint8Array ? one(ca) : ca.map(one);
}
