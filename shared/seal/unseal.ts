import { ok } from '../domain/result.ts';
import * as v from 'valibot';
import { WireRecordSchema, type WireRecord } from '../sync/protocol.ts';
import { toHex } from '../sync/canonical.ts';
import type { Bytes } from './bytes.ts';
import { ContentCheck } from './content-check.ts';
import { sealFailure, type SealResult } from './errors.ts';
import { ManifestSchema, type Manifest, type ManifestAttachment, type ManifestRecord } from './format.ts';
import { importPublicJwk, keyId, shortFingerprint } from './jwk.ts';
import { parseJsonBytes } from './json-bytes.ts';
import type { LeadKeys } from './keys.ts';
import { scanSealed } from './scan.ts';

/**
 * Opening a `.langso` file: verify everything, then hand out records — never the other way round.
 *
 * Two passes over the bytes. Pass 1 (`verifySealed`) decrypts every chunk, hashes every entry and
 * keeps only digests, then checks signature, team, device, content and replay; nothing reaches
 * the caller. Pass 2 (`deliver`) reads the file again, compares each chunk with the digest pass 1
 * verified before opening it, and hands out records and attachments as they come.
 *
 * Why two passes rather than spilling to temp storage: memory stays at one chunk plus one
 * attachment (≤ 10 MiB) for any file size, shared/ needs no storage interface, and a file on
 * disk or a browser File can both be read twice; the price is decrypting twice (AES-GCM runs
 * at hundreds of MB/s). If the bytes change between the passes, `deliver` stops with
 * SEAL_CHANGED_DURING_READ, possibly after handing out some verified items: the caller writes
 * inside one transaction and rolls it back on any failure.
 */
export interface EnrolledDevice {
  readonly deviceId: string;
  /** The key id (`keyId` of its public JWK) registered at enrolment. */
  readonly keyId: string;
}

export interface VerifyOptions {
  /** The file's bytes; called once per pass, so it must be able to read the file from the start. */
  readonly source: () => AsyncIterable<Uint8Array>;
  readonly lead: Pick<LeadKeys, 'decryptionKey' | 'encryptionKeyId'>;
  readonly teamId: string;
  readonly devices: readonly EnrolledDevice[];
  /** True when a file with this id was imported before. */
  readonly isFileSeen?: (fileId: string) => boolean | Promise<boolean>;
}

export interface BatchSummary {
  readonly fileId: string;
  readonly teamId: string;
  readonly deviceId: string;
  readonly deviceKeyId: string;
  readonly createdAt: string;
  readonly records: readonly ManifestRecord[];
  readonly attachments: readonly ManifestAttachment[];
}

export interface BatchSink {
  record(record: WireRecord): Promise<void> | void;
  attachment(sha256: string, bytes: Bytes): Promise<void> | void;
}

export interface VerifiedBatch {
  readonly summary: BatchSummary;
  deliver(sink: BatchSink): Promise<SealResult<{ readonly records: number; readonly attachments: number }, 'SEAL_CHANGED_DURING_READ'>>;
}

export async function verifySealed(options: VerifyOptions): Promise<SealResult<{ readonly batch: VerifiedBatch }>> {
  const content = new ContentCheck();
  const scanned = await scanSealed({
    source: options.source(),
    recipientKeyId: options.lead.encryptionKeyId,
    decryptionKey: options.lead.decryptionKey,
    onEntry: (entry) => content.add(entry),
  });
  if (!scanned.ok) return scanned;
  await content.settle();

  const manifest = v.safeParse(ManifestSchema, content.manifestBytes && parseJsonBytes(content.manifestBytes));
  if (!manifest.success) return sealFailure('SEAL_CORRUPT', { offset: 0 });
  const claimed: Manifest = manifest.output;
  if (!(await signatureHolds(claimed, scanned.value.statement, scanned.value.signature))) return sealFailure('SEAL_SIGNATURE');
  if (claimed.teamId !== options.teamId) return sealFailure('SEAL_OTHER_TEAM', { teamId: claimed.teamId });
  const deviceKeyId = await keyId(claimed.devicePublicKey);
  const enrolled = options.devices.some((d) => d.keyId === deviceKeyId && d.deviceId === claimed.deviceId);
  if (!enrolled) {
    return sealFailure('SEAL_UNKNOWN_DEVICE', { deviceId: claimed.deviceId, fingerprint: shortFingerprint(deviceKeyId) });
  }
  const problem = content.verdict(claimed);
  if (problem) return problem;
  if (await options.isFileSeen?.(claimed.fileId)) return sealFailure('SEAL_REPLAYED', { fileId: claimed.fileId });

  const summary: BatchSummary = {
    fileId: claimed.fileId,
    teamId: claimed.teamId,
    deviceId: claimed.deviceId,
    deviceKeyId,
    createdAt: claimed.createdAt,
    records: claimed.records,
    attachments: claimed.attachments,
  };
  const expected = { headHash: scanned.value.head.headHash, chunkHashes: scanned.value.chunkHashes };
  return ok({ batch: { summary, deliver: (sink) => deliver(options, expected, sink) } });
}

async function signatureHolds(manifest: Manifest, statement: Bytes, signature: Bytes): Promise<boolean> {
  try {
    const key = await importPublicJwk(manifest.devicePublicKey, 'ECDSA');
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, statement);
  } catch {
    // A manifest key that is not a point on the curve cannot have signed anything.
    return false;
  }
}

async function deliver(
  options: VerifyOptions,
  expected: { readonly headHash: Bytes; readonly chunkHashes: readonly Bytes[] },
  sink: BatchSink,
): Promise<SealResult<{ readonly records: number; readonly attachments: number }, 'SEAL_CHANGED_DURING_READ'>> {
  let records = 0;
  let attachments = 0;
  const scanned = await scanSealed({
    source: options.source(),
    recipientKeyId: options.lead.encryptionKeyId,
    decryptionKey: options.lead.decryptionKey,
    expected,
    onEntry: async (entry) => {
      if (entry.kind === 'record') {
        // Pass 1 parsed this very chunk content; parsing again only recovers the typed value.
        await sink.record(v.parse(WireRecordSchema, parseJsonBytes(entry.bytes)));
        records += 1;
      } else if (entry.kind === 'attachment') {
        await sink.attachment(toHex(entry.sha256), entry.bytes);
        attachments += 1;
      }
    },
  });
  if (!scanned.ok) return sealFailure('SEAL_CHANGED_DURING_READ');
  return ok({ records, attachments });
}

/** Verify, then deliver: the one-call form for callers that need no look at the summary first. */
export async function unseal(
  options: VerifyOptions & { readonly sink: BatchSink },
): Promise<SealResult<{ readonly summary: BatchSummary; readonly records: number; readonly attachments: number }>> {
  const verified = await verifySealed(options);
  if (!verified.ok) return verified;
  const delivered = await verified.value.batch.deliver(options.sink);
  if (!delivered.ok) return delivered;
  return ok({ summary: verified.value.batch.summary, records: delivered.value.records, attachments: delivered.value.attachments });
}
