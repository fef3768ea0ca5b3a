import { failure, ok, type Failure, type Result } from '../../shared/domain/result.ts';
import type { SealErrorCode } from '../../shared/seal/errors.ts';
import { verifyReceiptFile } from '../../shared/seal/receipts.ts';
import { isStoredReceipt } from '../../shared/sync/receipt-reason.ts';
import type { LangsoDb } from '../store/db.ts';
import { DexieOutboxStore } from '../store/dexie-outbox-store.ts';
import type { DeviceSettings } from '../store/settings-registry.ts';
import { leadPublicKeys, readLeadKeys } from './device-keys.ts';
import type { BatchFileBlocker } from './readiness.ts';

export interface ReceiptsApplied {
  /** Records that left the outbox with this file (accepted or duplicate). */
  readonly cleared: number;
  /** Records the lead refused: quarantined with the lead's reason, as after a sync. */
  readonly held: number;
  /** Receipts for records no longer waiting (a sync or an earlier file came first). */
  readonly known: number;
}

export type ReceiptImportOutcome = Result<ReceiptsApplied, Failure<BatchFileBlocker | SealErrorCode>>;

/** A receipt file holds ids and statuses only; 100,000 of them fit well under this. */
const MAX_RECEIPT_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The return path of a batch file: the lead's signed receipt file, checked
 * with the lead's public ECDSA key from enrolment, for this team and this phone. Only a file
 * that passes every check is applied, and through the same `applyReceipts` as a sync answer — so
 * records leave the outbox, rejections are quarantined, and sent photos are purged exactly as
 * they would be after a sync. A refused file changes nothing.
 */
export async function importReceiptFile(db: LangsoDb, device: DeviceSettings, file: Blob, now: Date): Promise<ReceiptImportOutcome> {
  if (device.teamId === undefined) return failure('BATCH_NO_TEAM');
  const lead = await readLeadKeys(db);
  if (!lead) return failure('BATCH_NO_LEAD_KEYS');
  if (file.size > MAX_RECEIPT_FILE_BYTES) return failure('SEAL_RECEIPT_INVALID');
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return failure('SEAL_RECEIPT_INVALID');
  }
  const verified = await verifyReceiptFile(json, { lead: leadPublicKeys(lead), teamId: device.teamId, deviceId: device.deviceId });
  if (!verified.ok) return verified;

  const waiting = await db.outbox.bulkGet(verified.value.receipts.map((receipt): [string, number] => [receipt.id, receipt.rev]));
  let cleared = 0;
  let held = 0;
  verified.value.receipts.forEach((receipt, i) => {
    if (!waiting[i]) return;
    if (isStoredReceipt(receipt)) cleared += 1;
    else held += 1;
  });
  await new DexieOutboxStore(db).applyReceipts(verified.value.receipts, now.toISOString());
  return ok({ cleared, held, known: verified.value.receipts.length - cleared - held });
}
