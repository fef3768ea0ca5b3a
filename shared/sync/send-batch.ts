import { callWithRetry } from './call-with-retry.ts';
import { noteClock } from './note-clock.ts';
import { entryKey } from './outbox-entry.ts';
import type { OutboxEntry } from './outbox-store.ts';
import { PROTOCOL_VERSION, type BatchRequest, type Receipt } from './protocol.ts';
import { isStoredReceipt, reasonOfReceipt } from './receipt-reason.ts';
import type { RunContext } from './run-context.ts';
import { runLevelStop } from './run-level.ts';
import type { RunStop } from './run-stop.ts';
import { deferEntries, noteQuarantined, quarantineEntry } from './set-aside.ts';
import type { PermanentFailure } from './transport.ts';

/** A record the server would not accept yet, and the attachments it said it still lacks. */
export interface MissingAttachments {
  readonly entry: OutboxEntry;
  readonly hashes: readonly string[];
}

export type SendOutcome = { readonly stop: RunStop } | { readonly missing: readonly MissingAttachments[] };

/**
 * POSTs entries as one batch and applies its receipts durably before returning. The batch id is
 * made once and is the Idempotency-Key of every retry of this same body, so an answer lost after
 * the server committed comes back identical on the retry. A permanent refusal of the whole batch
 * splits it in halves until the one record that causes it is alone, and quarantines only that
 * record; the rest keep moving.
 */
export async function sendBatch(ctx: RunContext, entries: readonly OutboxEntry[], rekeyed = false): Promise<SendOutcome> {
  const batchId = ctx.ids.next();
  const request: BatchRequest = {
    protocol: PROTOCOL_VERSION,
    batchId,
    deviceId: ctx.deviceId,
    records: entries.map((entry) => entry.record),
  };
  const keys = entries.map(({ id, rev }) => ({ id, rev }));
  const outcome = await callWithRetry(
    ctx,
    (signal) => ctx.transport.postBatch(request, batchId, signal),
    () => ctx.write(() => ctx.store.recordAttempt(keys)),
  );
  if ('stop' in outcome) return { stop: outcome.stop };
  if ('refused' in outcome) return onRefused(ctx, entries, outcome.refused, rekeyed);
  if (outcome.value.batchId !== batchId) {
    return { stop: { status: 'failed', problem: { code: 'BAD_RESPONSE', message: 'the answer names another batch' } } };
  }
  await noteClock(ctx, outcome, outcome.value.serverTime);
  return applyAnswer(ctx, entries, outcome.value.receipts);
}

async function onRefused(ctx: RunContext, entries: readonly OutboxEntry[], failure: PermanentFailure, rekeyed: boolean): Promise<SendOutcome> {
  // The key was used before for another body (a restart reused an id?): a fresh key is safe,
  // because the server answers `duplicate` for any record it already holds.
  if (failure.code === 'IDEMPOTENCY_KEY_REUSED' && !rekeyed) return sendBatch(ctx, entries, true);
  const stop = runLevelStop(failure);
  if (stop) return { stop };
  const [only] = entries;
  if (entries.length === 1 && only) {
    await quarantineEntry(ctx, only, { code: failure.code, message: failure.message });
    return { missing: [] };
  }
  const middle = Math.ceil(entries.length / 2);
  const missing: MissingAttachments[] = [];
  for (const half of [entries.slice(0, middle), entries.slice(middle)]) {
    const sent = await sendBatch(ctx, half);
    if ('stop' in sent) return sent;
    missing.push(...sent.missing);
  }
  return { missing };
}

async function applyAnswer(ctx: RunContext, entries: readonly OutboxEntry[], receipts: readonly Receipt[]): Promise<SendOutcome> {
  const byKey = new Map(entries.map((entry) => [entryKey(entry), entry]));
  // Only receipts for what this batch carried: a stray receipt must never remove another record.
  const answered = new Map<string, Receipt>();
  for (const receipt of receipts) if (byKey.has(entryKey(receipt))) answered.set(entryKey(receipt), receipt);

  const apply: Receipt[] = [];
  const missing: MissingAttachments[] = [];
  for (const [key, receipt] of answered) {
    const entry = byKey.get(key);
    if (entry && !isStoredReceipt(receipt) && receipt.code === 'ATTACHMENT_MISSING') {
      missing.push({ entry, hashes: receipt.missing ?? entry.record.attachments });
    } else {
      apply.push(receipt);
    }
  }
  await ctx.write(() => ctx.store.applyReceipts(apply, ctx.nowIso()));

  const { tally } = ctx;
  tally.sent += entries.length;
  for (const receipt of apply) {
    if (receipt.status === 'accepted') tally.accepted += 1;
    else if (receipt.status === 'duplicate') tally.duplicate += 1;
    else noteQuarantined(ctx, receipt, reasonOfReceipt(receipt));
  }
  ctx.emit({ kind: 'receipts', sent: tally.sent, accepted: tally.accepted, duplicate: tally.duplicate, quarantined: tally.quarantined });

  const unanswered = entries.filter((entry) => !answered.has(entryKey(entry)));
  await deferEntries(ctx, unanswered, { code: 'NO_RECEIPT', message: 'the server answered the batch without a receipt for this record' });
  return { missing };
}
