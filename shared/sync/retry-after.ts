const DELAY_SECONDS = /^\d+$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * Milliseconds to wait, from a `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an
 * IMF-fixdate). `now` is the instant the date is measured from: pass the server's own `Date`
 * header when there is one, so a wrong device clock cannot stretch or cancel the wait.
 * Undefined when the value is absent or not one of the two forms; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  const at = parseHttpDate(trimmed);
  return at === undefined ? undefined : Math.max(0, at - now);
}

/** Epoch milliseconds of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), or undefined. */
export function parseHttpDate(value: string): number | undefined {
  const match = IMF_FIXDATE.exec(value);
  if (!match) return undefined;
  const [, day, month, year, hours, minutes, seconds] = match.map(String);
  const parts = [Number(year), MONTHS.indexOf(month ?? ''), Number(day), Number(hours), Number(minutes), Number(seconds)] as const;
  const at = Date.UTC(...parts);
  // Date.UTC rolls 31 Feb over into March: a date that does not round-trip is not a date.
  const date = new Date(at);
  const roundTrip = [
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return roundTrip.every((part, i) => part === parts[i]) ? at : undefined;
}
