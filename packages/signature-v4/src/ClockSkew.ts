import { atLeastOne, boundedSet } from "./boundedSet.js";

/** AWS rejects signatures more than 15 minutes off; 5 minutes of difference already counts as skew. */
export const SKEW_THRESHOLD_MS = 5 * 60_000;

/**
 * True when `code` says the signing time was rejected (`RequestTimeTooSkewed`, `RequestExpired`,
 * `RequestInTheFuture`). For the ambiguous codes (`SignatureDoesNotMatch`, `InvalidSignatureException`,
 * `AuthFailure`) the measured `skewMs` must also exceed {@link SKEW_THRESHOLD_MS}.
 */
// (Small exported helpers here and in the other modules are arrow constants: fewer bytes in every bundle.)
// `test(undefined)` tests "undefined", which neither pattern matches.
export const isClockSkewError = (code: string | undefined, skewMs = 0): boolean =>
  /^Request(TimeTooSkewed|Expired|InTheFuture)$/.test(code as string) ||
  (/^(InvalidSignatureException|SignatureDoesNotMatch|AuthFailure)$/.test(code as string) && Math.abs(skewMs) > SKEW_THRESHOLD_MS);

/** Milliseconds since the epoch for an HTTP `Date` header value (or a Date/number), NaN when unreadable. */
// `new Date` parses a string as `Date.parse` does, copies a Date, and is invalid (NaN) for undefined.
export const parseServerDate = (value: string | number | Date | undefined): number =>
  typeof value === "number" ? value : new Date(value as string | Date).getTime();

/**
 * Clock offsets per endpoint: `server time − local time` in milliseconds, learned from the `Date` header
 * of a response that rejected the signing time and added to the clock when signing for that endpoint.
 * Bounded: past `maxEndpoints` the oldest endpoint is forgotten (and signs with offset 0 again).
 */
export class ClockSkew {
  // `declare`: assigned in the constructor, no class-field declaration in the bundle.
  declare readonly maxEndpoints: number;
  // Not `#private`: a short plain name costs fewer bytes in every bundle that signs.
  private readonly m = new Map<string, number>();

  constructor(maxEndpoints = 100) {
    this.maxEndpoints = atLeastOne(maxEndpoints);
  }

  /** The offset to add to the local clock for `endpoint`; 0 when none was learned. */
  offset(endpoint: string): number {
    return this.m.get(endpoint) ?? 0;
  }

  set(endpoint: string, offsetMs: number): void {
    if (offsetMs === 0) this.m.delete(endpoint);
    else if (Number.isFinite(offsetMs)) boundedSet(this.m, endpoint, offsetMs, this.maxEndpoints);
  }

  /**
   * Learns the offset from a server date seen at local time `now`. Returns the new offset, or undefined
   * when the date is unreadable (the old offset then stays).
   */
  update(endpoint: string, serverDate: string | number | Date | undefined, now: number): number | undefined {
    const offset = parseServerDate(serverDate) - now;
    if (!Number.isFinite(offset)) return undefined;
    this.set(endpoint, offset);
    return offset;
  }

  clear(): void {
    this.m.clear();
  }

  get size(): number {
    return this.m.size;
  }
}

/** The process-wide offsets the pipeline handlers share unless given another `ClockSkew`. */
export const defaultClockSkew: ClockSkew = /* @__PURE__ */ new ClockSkew();
