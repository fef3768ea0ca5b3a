import { entryKey } from './outbox-entry.ts';
import type { OutboxEntry, QuarantineReason } from './outbox-store.ts';
import type { RunContext } from './run-context.ts';

/** Quarantines an entry for a reason of the engine's own, durably, and tells the report. */
export async function quarantineEntry(ctx: RunContext, entry: OutboxEntry, reason: QuarantineReason): Promise<void> {
  await ctx.write(() => ctx.store.quarantine({ id: entry.id, rev: entry.rev }, reason, ctx.nowIso()));
  noteQuarantined(ctx, entry, reason);
}

/** Counts a quarantine the store made itself (from a receipt). */
export function noteQuarantined(ctx: RunContext, entry: { readonly id: string; readonly rev: number }, reason: QuarantineReason): void {
  ctx.tally.quarantined += 1;
  ctx.tally.reasons.push({ id: entry.id, rev: entry.rev, ...reason, quarantined: true });
  ctx.emit({ kind: 'quarantined', id: entry.id, rev: entry.rev, code: reason.code });
}

/**
 * Leaves entries in the outbox for the next run, with one more attempt counted: they are not
 * offered again in this run, so they cannot block the records behind them.
 */
export async function deferEntries(ctx: RunContext, entries: readonly OutboxEntry[], reason: QuarantineReason): Promise<void> {
  if (entries.length === 0) return;
  await ctx.write(() => ctx.store.recordAttempt(entries.map(({ id, rev }) => ({ id, rev }))));
  for (const entry of entries) {
    ctx.tally.deferred.set(entryKey(entry), entry.bytes);
    ctx.tally.reasons.push({ id: entry.id, rev: entry.rev, ...reason, quarantined: false });
  }
}
