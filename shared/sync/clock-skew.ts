/** A device clock further than this from the server's is flagged in the report (docs/PROTOCOL.md). */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60 * 1000;

/**
 * Server clock minus device clock, from one request: the server's time is taken as read at the
 * middle of the round trip (as NTP does), so a slow link does not pass for a wrong clock.
 */
export function measureClockOffset(sentAt: number, receivedAt: number, serverTime: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export function isClockSkewed(offsetMs: number): boolean {
  return Math.abs(offsetMs) > CLOCK_SKEW_LIMIT_MS;
}
