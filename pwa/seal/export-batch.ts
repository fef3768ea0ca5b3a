import { uuidv7 } from 'uuidv7';
import { failure, ok, type Failure, type Result } from '../../shared/domain/result.ts';
import type { SealErrorCode } from '../../shared/seal/errors.ts';
import type { OutboxEntry } from '../../shared/sync/outbox-store.ts';
import { seal, type SealItem } from '../../shared/seal/seal.ts';
import { readAttachmentBytes } from '../store/attachments.ts';
import type { LangsoDb } from '../store/db.ts';
import { DexieOutboxStore } from '../store/dexie-outbox-store.ts';
import { SETTINGS, writeSetting, type DeviceSettings, type LastExport } from '../store/settings-registry.ts';
import { leadPublicKeys, readDeviceKeys, readLeadKeys } from './device-keys.ts';
import type { BatchFileBlocker } from './readiness.ts';

/** A sealed `.langso` file made on the phone, ready to download or share. */
export interface BatchFile {
  readonly blob: Blob;
  readonly fileName: string;
  readonly fileId: string;
  readonly records: number;
  readonly attachments: number;
}

export type ExportOutcome = Result<BatchFile, Failure<BatchFileBlocker | SealErrorCode>>;

/**
 * Seals every unsent record of the outbox (oldest first, with the photos they need) to the team
 * lead's key, signed with this phone's key (shared/seal). Nothing leaves the outbox:
 * the records go on waiting for a receipt — a later sync or the lead's receipt file — so a lost
 * file loses nothing. Quarantined records are left out: the province refused them, they need a
 * fix first.
 */
export async function exportBatchFile(db: LangsoDb, device: DeviceSettings, now: Date): Promise<ExportOutcome> {
  if (device.teamId === undefined) return failure('BATCH_NO_TEAM');
  const lead = await readLeadKeys(db);
  if (!lead) return failure('BATCH_NO_LEAD_KEYS');
  const keys = await readDeviceKeys(db);
  if (!keys) return failure('BATCH_NO_DEVICE_KEY');

  const rows = await new DexieOutboxStore(db).listPending();
  const sink = blobSink();
  const fileId = uuidv7();
  const createdAt = now.toISOString();
  const sealed = await seal({
    items: outboxItems(db, rows),
    write: sink.write,
    recipient: leadPublicKeys(lead),
    device: { deviceId: device.deviceId, keys },
    teamId: device.teamId,
    fileId,
    createdAt,
  });
  // A refused input: the parts written so far are simply dropped with the sink.
  if (!sealed.ok) return sealed;
  const last: LastExport = { fileId, at: createdAt, records: sealed.value.records };
  await writeSetting(db, SETTINGS.lastExport, last);
  return ok({ blob: sink.blob(), fileName: batchFileName(device.deviceId, now), fileId, records: sealed.value.records, attachments: sealed.value.attachments });
}

/**
 * Records and then the photos each one needs, read and decrypted one at a time as the sealer asks
 * for them. A photo already purged (sent before, named again by a later edit) is not on the
 * phone any more; the lead's side already has it or fetches it with the record's next sync.
 */
async function* outboxItems(db: LangsoDb, rows: readonly OutboxEntry[]): AsyncGenerator<SealItem> {
  const seen = new Set<string>();
  for (const row of rows) {
    yield { kind: 'record', record: row.record };
    for (const sha256 of row.record.attachments) {
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const bytes = await readAttachmentBytes(db, sha256);
      if (bytes) yield { kind: 'attachment', sha256, bytes };
    }
  }
}

/** Folds parts into Blobs every few MiB, so the browser can move a large file out of the JS heap. */
function blobSink(): { write: (bytes: Uint8Array<ArrayBuffer>) => void; blob: () => Blob } {
  const FOLD_BYTES = 8 * 1024 * 1024;
  const folded: Blob[] = [];
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let held = 0;
  return {
    write(bytes) {
      parts.push(bytes);
      held += bytes.length;
      if (held >= FOLD_BYTES) {
        folded.push(new Blob(parts));
        parts = [];
        held = 0;
      }
    },
    blob: () => new Blob([...folded, ...parts], { type: 'application/octet-stream' }),
  };
}

/** `lo-ho-so-20260301-1530-ab12cd.langso`: Vietnam time, and the end of the device id. */
export function batchFileName(deviceId: string, now: Date): string {
  const vn = new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString();
  const stamp = `${vn.slice(0, 10).replaceAll('-', '')}-${vn.slice(11, 16).replace(':', '')}`;
  const device = deviceId.replace(/[^A-Za-z0-9]/g, '').slice(-6).toLowerCase();
  return `lo-ho-so-${stamp}${device ? `-${device}` : ''}.langso`;
}
