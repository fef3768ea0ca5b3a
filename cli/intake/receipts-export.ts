import type Database from 'better-sqlite3';
import type { LeadKeys } from '../../shared/seal/keys.ts';
import { signReceiptFile } from '../../shared/seal/receipts.ts';
import { writeReceiptFile } from '../seal/receipt-file.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { devicesWithSealedFiles, sealedReceiptsFor } from './sealed-files.ts';

/** The receipt file's own bound (shared/seal/receipts.ts): the newest ones when a phone sent more. */
const MAX_RECEIPTS = 100_000;

export interface ReceiptsRequest {
  readonly deviceId: string;
  readonly out: string;
  readonly teamId: string;
  readonly issuedAt: string;
}

/**
 * `langso receipts export`: what the lead received from one phone through `.langso` files, as a
 * receipt file signed with the lead's ECDSA key. The phone checks it with the lead's public key
 * (from enrolment) and lets those records leave its outbox; until then it keeps them, so a batch
 * file lost on the way loses nothing. Exporting again is harmless: receipts are idempotent.
 */
export async function exportReceipts(
  db: Database.Database,
  /** Unlocks the lead's key: called only once there is something to sign. */
  lead: () => Promise<Pick<LeadKeys, 'signingKey' | 'signingKeyId'>>,
  request: ReceiptsRequest,
): Promise<{ readonly count: number }> {
  const receipts = sealedReceiptsFor(db, request.deviceId, MAX_RECEIPTS);
  if (receipts.length === 0) {
    const known = devicesWithSealedFiles(db);
    throw new UserError('LEAD_RECEIPTS_NONE', { deviceId: request.deviceId, devices: known.length > 0 ? known.join(', ') : '—' }, EXIT.usage);
  }
  const file = await signReceiptFile(await lead(), {
    teamId: request.teamId,
    deviceId: request.deviceId,
    issuedAt: request.issuedAt,
    receipts,
  });
  try {
    await writeReceiptFile(request.out, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new UserError('LEAD_FILE_UNWRITABLE', { path: request.out, reason: code ?? String(error) }, EXIT.usage, { cause: error });
  }
  return { count: receipts.length };
}
