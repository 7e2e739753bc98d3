// ISO 8601 / RFC 3339 date-time: any number of fraction digits (RGW sends nanoseconds), `Z` or an offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an STS `<Expiration>` such as `2021-08-05T19:58:02Z` or RGW's `2026-11-27T13:22:48.092820277Z`
 * (fractions beyond milliseconds are truncated). Returns `undefined` for anything that is not a valid
 * date-time, so callers decide how to report it.
 */
export function parseTimestamp(text: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, "0"));
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls Feb 30 over into March; a real date keeps its day.
  if (new Date(t).getUTCDate() !== day) return undefined;
  if (sign !== undefined) t -= (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return new Date(t);
}
