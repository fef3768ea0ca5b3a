import { entryKey } from './outbox-entry.ts';
import type { OutboxEntry } from './outbox-store.ts';
import type { RunContext } from './run-context.ts';
import type { RunStop } from './run-stop.ts';
import { sendBatch, type MissingAttachments } from './send-batch.ts';
import { deferEntries } from './set-aside.ts';
import { uploadAttachments } from './upload-attachments.ts';

/**
 * Takes one chunk to its end: attachments first, then the batch, then — when receipts say the
 * server still lacks an attachment — that attachment again and the records that need it, a
 * bounded number of times. Every entry of the chunk ends receipted, quarantined with a reason, or
 * deferred to the next run; or the run stops.
 */
export async function processChunk(ctx: RunContext, chunk: readonly OutboxEntry[]): Promise<RunStop | undefined> {
  const { offered, inFlight } = ctx.tally;
  for (const entry of chunk) {
    offered.add(entryKey(entry));
    inFlight.set(entryKey(entry), entry);
  }
  try {
    return await takeChunkToItsEnd(ctx, chunk);
  } finally {
    for (const entry of chunk) inFlight.delete(entryKey(entry));
  }
}

async function takeChunkToItsEnd(ctx: RunContext, chunk: readonly OutboxEntry[]): Promise<RunStop | undefined> {
  ctx.emit({ kind: 'chunk', records: chunk.length, bytes: chunk.reduce((sum, entry) => sum + entry.bytes, 0) });

  let needs: readonly MissingAttachments[] = chunk.map((entry) => ({ entry, hashes: entry.record.attachments }));
  let mustPut = new Set<string>();
  for (let resends = 0; ; resends += 1) {
    const prepared = await uploadAttachments(ctx, needs, mustPut);
    if ('stop' in prepared) return prepared.stop;
    if (prepared.ready.length === 0) return undefined;
    const sent = await sendBatch(ctx, prepared.ready);
    if ('stop' in sent) return sent.stop;
    if (sent.missing.length === 0) return undefined;
    if (resends >= ctx.maxAttachmentRounds) {
      await deferEntries(
        ctx,
        sent.missing.map(({ entry }) => entry),
        { code: 'ATTACHMENT_STILL_MISSING', message: 'the server still lacks an attachment after it was uploaded again' },
      );
      return undefined;
    }
    needs = sent.missing.map(({ entry, hashes }) => ({ entry, hashes: [...new Set([...entry.record.attachments, ...hashes])] }));
    mustPut = new Set(sent.missing.flatMap(({ hashes }) => hashes));
    for (const sha256 of mustPut) ctx.tally.serverHas.delete(sha256);
  }
}
