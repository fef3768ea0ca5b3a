import type { CallAnswer } from './call-with-retry.ts';
import { measureClockOffset } from './clock-skew.ts';
import type { RunContext } from './run-context.ts';

/**
 * Measures the server-clock offset from an answer (the batch's `serverTime`, else the `Date`
 * header) and stores it the first time in a run, so records made offline later carry it.
 */
export async function noteClock(ctx: RunContext, outcome: CallAnswer<unknown>, serverTimeIso?: string): Promise<void> {
  const parsed = serverTimeIso === undefined ? Number.NaN : Date.parse(serverTimeIso);
  const serverTime = Number.isFinite(parsed) ? parsed : outcome.serverDate;
  if (serverTime === undefined) return;
  const offset = measureClockOffset(outcome.sentAt, outcome.receivedAt, serverTime);
  const first = ctx.tally.clockOffsetMs === undefined;
  ctx.tally.clockOffsetMs = offset;
  if (first) await ctx.write(() => ctx.store.setState('clockOffsetMs', String(offset)));
}
