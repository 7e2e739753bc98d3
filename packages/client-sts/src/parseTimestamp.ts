// ISO 8601 / RFC 3339 date-time: any number of fraction digits (RGW sends nanoseconds), `Z` or an offset.
const ISO = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:[Zz]|([+-]\d\d):?(\d\d))$/;

/**
 * Parses an STS timestamp (`2021-08-05T19:58:02Z`, RGW's `…02.092820277Z`, `…+01:30`) to a Date, keeping
 * milliseconds; `undefined` when it is not a full date-time (month 13, 23:60, Feb 30, no zone…).
 */
export function parseTimestamp(text: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [y, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || minute > 59 || second > 60) return undefined;
  const t = Date.UTC(y, month - 1, day, hour, minute, second, Number((m[7] ?? "").slice(0, 3).padEnd(3, "0")));
  // Date.UTC rolls a day or an hour out of range (Feb 30, 24:00) over into the next; a real date keeps its day.
  if (new Date(t).getUTCDate() !== day) return undefined;
  const zone = m[8];
  return new Date(zone ? t - (Number(zone) * 60 + (zone[0] === "-" ? -1 : 1) * Number(m[9])) * 60_000 : t);
}
