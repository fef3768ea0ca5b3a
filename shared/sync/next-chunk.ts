import type { ChunkLimits } from './engine-options.ts';
import { entryKey } from './outbox-entry.ts';
import type { OutboxEntry } from './outbox-store.ts';
import type { RunContext } from './run-context.ts';

/**
 * The next chunk of this run: the oldest pending entries not yet offered in it, within both
 * bounds. Entries deferred earlier in the run, and those of chunks still in flight, sit at the
 * head of the outbox, so the peek is widened by their count and bytes: what is left after
 * dropping them is the same chunk the store would give if they were not there. A record with a
 * rev in flight waits for that chunk to end, so its revs reach the server in order.
 */
export async function nextChunk(ctx: RunContext): Promise<OutboxEntry[]> {
  const { deferred, inFlight, offered } = ctx.tally;
  let extraBytes = 0;
  for (const bytes of deferred.values()) extraBytes += bytes;
  for (const entry of inFlight.values()) extraBytes += entry.bytes;
  const peeked = await ctx.store.peek({
    maxRecords: ctx.limits.maxRecords + deferred.size + inFlight.size,
    maxBytes: ctx.limits.maxBytes + extraBytes,
  });
  const busyIds = new Set([...inFlight.values()].map((entry) => entry.id));
  return takeWithinLimits(
    peeked.filter((entry) => !offered.has(entryKey(entry)) && !busyIds.has(entry.id)),
    ctx.limits,
  );
}

/** The longest prefix within both bounds, and at least one entry (a big record still goes, alone). */
export function takeWithinLimits(entries: readonly OutboxEntry[], limits: ChunkLimits): OutboxEntry[] {
  const chunk: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (chunk.length >= limits.maxRecords) break;
    if (chunk.length > 0 && bytes + entry.bytes > limits.maxBytes) break;
    chunk.push(entry);
    bytes += entry.bytes;
  }
  return chunk;
}
