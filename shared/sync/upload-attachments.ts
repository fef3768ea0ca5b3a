import { callWithRetry } from './call-with-retry.ts';
import { sha256Hex } from './canonical.ts';
import type { OutboxEntry, QuarantineReason } from './outbox-store.ts';
import type { RunContext } from './run-context.ts';
import { runLevelStop } from './run-level.ts';
import type { RunStop } from './run-stop.ts';
import type { MissingAttachments } from './send-batch.ts';
import { quarantineEntry } from './set-aside.ts';

export type AttachmentsOutcome = { readonly stop: RunStop } | { readonly ready: readonly OutboxEntry[] };

/**
 * Makes sure the server holds every attachment these entries need, before the batch that needs
 * them: HEAD, then PUT only what it lacks (content-addressed, so a repeat is harmless). Bytes are
 * read one attachment at a time, right before their PUT, and checked against their hash. An entry
 * whose attachment cannot be read, does not match its hash, or is refused by the server is
 * quarantined with that reason; the others are ready. Hashes in `mustPut` skip the HEAD: a
 * receipt just said the server lacks them.
 */
export async function uploadAttachments(
  ctx: RunContext,
  needs: readonly MissingAttachments[],
  mustPut: ReadonlySet<string> = new Set(),
): Promise<AttachmentsOutcome> {
  const failed = new Map<string, QuarantineReason>();
  for (const sha256 of new Set(needs.flatMap((need) => need.hashes))) {
    if (ctx.tally.serverHas.has(sha256) && !mustPut.has(sha256)) continue;
    const outcome = await ensureOne(ctx, sha256, mustPut.has(sha256));
    if ('stop' in outcome) return outcome;
    if (outcome.reason) failed.set(sha256, outcome.reason);
  }
  const ready: OutboxEntry[] = [];
  for (const { entry, hashes } of needs) {
    const reason = hashes.map((sha256) => failed.get(sha256)).find((found) => found !== undefined);
    if (reason) await quarantineEntry(ctx, entry, reason);
    else ready.push(entry);
  }
  return { ready };
}

type OneOutcome = { readonly stop: RunStop } | { readonly reason?: QuarantineReason };

async function ensureOne(ctx: RunContext, sha256: string, skipHead: boolean): Promise<OneOutcome> {
  if (!skipHead) {
    const head = await callWithRetry(ctx, (signal) => ctx.transport.headAttachment(sha256, signal));
    if ('stop' in head) return { stop: head.stop };
    // A server that refuses HEAD still takes the PUT: HEAD only saves bytes.
    if (head.ok && head.value.present) {
      ctx.tally.serverHas.add(sha256);
      ctx.emit({ kind: 'attachment', sha256, uploaded: false });
      return {};
    }
  }
  const short = `${sha256.slice(0, 12)}…`;
  const bytes = await ctx.store.readAttachment(sha256);
  if (bytes === undefined) return { reason: { code: 'ATTACHMENT_UNREADABLE', message: `attachment ${short} is not on this device` } };
  if ((await sha256Hex(bytes)) !== sha256) {
    return { reason: { code: 'ATTACHMENT_CORRUPT', message: `attachment ${short} does not match its hash` } };
  }
  const put = await callWithRetry(ctx, (signal) => ctx.transport.putAttachment(sha256, bytes, signal));
  if ('stop' in put) return { stop: put.stop };
  if ('refused' in put) {
    const stop = runLevelStop(put.refused);
    return stop ? { stop } : { reason: { code: put.refused.code, message: put.refused.message } };
  }
  ctx.tally.serverHas.add(sha256);
  ctx.emit({ kind: 'attachment', sha256, uploaded: true });
  return {};
}
