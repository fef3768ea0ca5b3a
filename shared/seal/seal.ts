import { ok } from '../domain/result.ts';
import * as v from 'valibot';
import { canonicalJson, hashPayload, toHex } from '../sync/canonical.ts';
import { WireRecordSchema, type WireRecord } from '../sync/protocol.ts';
import { fromHex, sha256, utf8, type Bytes } from './bytes.ts';
import { sealFailure, type SealFailure, type SealResult } from './errors.ts';
import { ManifestSchema, MAX_ENTRY_BYTES, type Manifest, type ManifestAttachment, type ManifestRecord } from './format.ts';
import type { DeviceKeys } from './keys.ts';
import { SealWriter, type ByteSink } from './seal-writer.ts';
import { TaskWindow } from './task-window.ts';
import type { LeadPublicKeys } from '../sync/public-keys.ts';

export type SealItem =
  | { readonly kind: 'record'; readonly record: WireRecord }
  /** An attachment's bytes, keyed by their SHA-256 (hex), as records list them. */
  | { readonly kind: 'attachment'; readonly sha256: string; readonly bytes: Uint8Array };

export interface SealOptions {
  /** Records and attachments in any order; read once, one at a time. */
  readonly items: AsyncIterable<SealItem> | Iterable<SealItem>;
  readonly write: ByteSink;
  /** The team lead's public keys, received at enrolment. */
  readonly recipient: LeadPublicKeys;
  readonly device: { readonly deviceId: string; readonly keys: DeviceKeys };
  readonly teamId: string;
  /** A new UUIDv7 from the caller's id source: the file's identity for replay checks. */
  readonly fileId: string;
  /** From the caller's clock (ISO timestamp). */
  readonly createdAt: string;
  /** Plaintext bytes per chunk (default 1 MiB). */
  readonly chunkSize?: number;
}

const IdentitySchema = v.pick(ManifestSchema, ['fileId', 'createdAt', 'teamId', 'deviceId']);

export interface SealedSummary {
  readonly fileId: string;
  readonly records: number;
  readonly attachments: number;
  readonly chunks: number;
  readonly bytes: number;
}

export type SealInputCode =
  | 'SEAL_INPUT_EMPTY'
  | 'SEAL_INPUT_RECORD_INVALID'
  | 'SEAL_INPUT_RECORD_HASH'
  | 'SEAL_INPUT_ATTACHMENT_HASH'
  | 'SEAL_INPUT_ATTACHMENT_TOO_LARGE';

/**
 * Seals records and their attachments into a `.langso` file for the team lead (format.ts).
 * Memory stays at one chunk plus the item in hand, whatever the batch size. A refused input
 * returns its code after some bytes may already have gone to `write`: the caller discards them
 * (the Node adapter deletes its temp file; the PWA drops the Blob parts).
 */
export async function seal(options: SealOptions): Promise<SealResult<SealedSummary, SealInputCode>> {
  // A bad id or time here is the caller's bug, not bad input: it throws, before any byte is written.
  v.parse(IdentitySchema, { fileId: options.fileId, createdAt: options.createdAt, teamId: options.teamId, deviceId: options.device.deviceId });
  const writer = await SealWriter.start({
    recipient: options.recipient.encryption,
    write: options.write,
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
  });
  const records: ManifestRecord[] = [];
  const attachments: ManifestAttachment[] = [];
  const seenAttachments = new Set<string>();
  // Digests run in a window while later items are written; a hash problem found there is
  // reported once the window drains (the caller discards the bytes written meanwhile).
  const window = new TaskWindow();
  let hashProblem: SealFailure<'SEAL_INPUT_RECORD_HASH' | 'SEAL_INPUT_ATTACHMENT_HASH'> | undefined;

  for await (const item of options.items) {
    if (item.kind === 'record') {
      const parsed = v.safeParse(WireRecordSchema, item.record);
      if (!parsed.success) {
        return sealFailure('SEAL_INPUT_RECORD_INVALID', {
          id: String((item.record as { id?: unknown }).id),
          field: v.getDotPath(parsed.issues[0]) ?? '',
        });
      }
      const record = parsed.output;
      const bytes = utf8(canonicalJson(record));
      if (bytes.length > MAX_ENTRY_BYTES.record) {
        return sealFailure('SEAL_INPUT_RECORD_INVALID', { id: record.id, field: 'payload' });
      }
      await writer.writeEntry('record', bytes);
      const index = records.push({ id: record.id, rev: record.rev, type: record.type, sha256: '' }) - 1;
      await window.add(
        (async () => {
          const [payloadHash, digest] = await Promise.all([hashPayload(record.payload), sha256(bytes)]);
          if (payloadHash !== record.hash) hashProblem ??= sealFailure('SEAL_INPUT_RECORD_HASH', { id: record.id });
          records[index] = { id: record.id, rev: record.rev, type: record.type, sha256: toHex(digest) };
        })(),
      );
    } else {
      // Content-addressed: two records sharing a photo carry it once.
      if (seenAttachments.has(item.sha256)) continue;
      if (item.bytes.length > MAX_ENTRY_BYTES.attachment) {
        return sealFailure('SEAL_INPUT_ATTACHMENT_TOO_LARGE', {
          sha256: item.sha256.slice(0, 12),
          bytes: item.bytes.length,
          max: MAX_ENTRY_BYTES.attachment,
        });
      }
      const bytes: Bytes = item.bytes.buffer instanceof ArrayBuffer ? (item.bytes as Bytes) : item.bytes.slice();
      const claimed = item.sha256.length === 64 ? fromHex(item.sha256) : undefined;
      if (!claimed) return sealFailure('SEAL_INPUT_ATTACHMENT_HASH', { sha256: item.sha256.slice(0, 12) });
      await writer.writeEntry('attachment', bytes, claimed);
      attachments.push({ sha256: item.sha256, bytes: bytes.length });
      await window.add(
        (async () => {
          if (toHex(await sha256(bytes)) !== item.sha256) {
            hashProblem ??= sealFailure('SEAL_INPUT_ATTACHMENT_HASH', { sha256: item.sha256.slice(0, 12) });
          }
        })(),
        bytes.length,
      );
      seenAttachments.add(item.sha256);
    }
  }
  await window.drain();
  if (hashProblem) return hashProblem;
  if (records.length === 0) return sealFailure('SEAL_INPUT_EMPTY');

  const manifest: Manifest = {
    format: 1,
    fileId: options.fileId,
    teamId: options.teamId,
    deviceId: options.device.deviceId,
    devicePublicKey: options.device.keys.publicJwk,
    createdAt: options.createdAt,
    records,
    attachments,
  };
  const privateKey = options.device.keys.privateKey;
  const totals = await writer.finish(utf8(canonicalJson(manifest)), async (statement) =>
    new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, statement)),
  );
  return ok({ fileId: options.fileId, records: records.length, attachments: attachments.length, ...totals });
}
