// ISO 8601 / RFC 3339 date-time: any number of fraction digits (RGW sends nanoseconds), `Z` or an offset.
const ISO = /^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:\d\d(?:\.\d+)?)(?:[Zz]|([+-]\d\d):?(\d\d))$/;

/**
 * Parses a credential expiration (STS's `Expiration`: `2021-08-05T19:58:02Z`, RGW's `…02.092820277Z`, `…+01:30`;
 * a `credential_process`'s) to a Date, keeping milliseconds; `undefined` when it is not a full date-time (month 13,
 * 23:60, second 60, Feb 30, no zone…). The one rule both readers use; a stricter syntax is the caller's to check.
 */
export function parseTimestamp(text: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const written = `${m[1]}T${m[2]}`;
  // Date's own ISO reader keeps years before 100 (Date.UTC reads 0099 as 1999) and refuses 23:60 and second 60; it
  // rolls a day or an hour out of range over (Feb 30 is Mar 2, 24:00 the next day), so the date and time as written
  // must read back unchanged (toJSON is null for an invalid date). An offset is at most 23:59 (RFC 3339).
  const date = new Date(`${written}Z`);
  const zone = m[3];
  const minutes = Number(m[4]);
  if (!date.toJSON()?.startsWith(written.slice(0, 19)) || minutes > 59 || Math.abs(Number(zone)) > 23) return undefined;
  return zone ? new Date(date.getTime() - (Number(zone) * 60 + (zone[0] === "-" ? -minutes : minutes)) * 60_000) : date;
}
