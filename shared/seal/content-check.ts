import * as v from 'valibot';
import { hashPayload, toHex } from '../sync/canonical.ts';
import { WireRecordSchema } from '../sync/protocol.ts';
import { sha256 } from './bytes.ts';
import { parseJsonBytes } from './json-bytes.ts';
import type { Entry } from './entry-parser.ts';
import { sealFailure, type SealFailure } from './errors.ts';
import type { Manifest, ManifestAttachment, ManifestRecord } from './format.ts';
import { TaskWindow } from './task-window.ts';

export type ContentCode = 'SEAL_RECORD_INVALID' | 'SEAL_HASH_MISMATCH';

/**
 * Pass 1's view of the content: the digest of every entry, each record parsed, and the first
 * problem found. Its verdict is asked for only after the signature, the team and the device have
 * been checked: content of a file nobody vouches for is not worth describing.
 */
export class ContentCheck {
  readonly records: ManifestRecord[] = [];
  readonly attachments: ManifestAttachment[] = [];
  manifestBytes: Uint8Array | undefined;
  /** The problem of the earliest entry that has one (digests finish out of order). */
  private problem: { readonly ordinal: number; readonly failure: SealFailure<ContentCode> } | undefined;
  private ordinal = 0;
  private readonly window = new TaskWindow();

  async add(entry: Entry): Promise<void> {
    if (entry.kind === 'manifest') {
      this.manifestBytes = entry.bytes;
      return;
    }
    const ordinal = this.ordinal++;
    if (entry.kind === 'attachment') {
      const index = this.attachments.push({ sha256: '', bytes: entry.bytes.length }) - 1;
      await this.window.add(this.checkAttachment(entry.bytes, entry.sha256, index, ordinal), entry.bytes.length);
      return;
    }
    const index = this.records.length;
    this.records.push({ id: '', rev: 0, type: 'resident', sha256: '' });
    await this.window.add(this.checkRecord(entry.bytes, index, ordinal));
  }

  /** Waits for the digests still running; call before `verdict`. */
  settle(): Promise<void> {
    return this.window.drain();
  }

  private async checkAttachment(bytes: Uint8Array<ArrayBuffer>, claimed: Uint8Array, index: number, ordinal: number): Promise<void> {
    const digest = toHex(await sha256(bytes));
    this.attachments[index] = { sha256: digest, bytes: bytes.length };
    if (digest !== toHex(claimed)) this.note(ordinal, 'SEAL_HASH_MISMATCH', { item: toHex(claimed).slice(0, 12) });
  }

  private async checkRecord(bytes: Uint8Array<ArrayBuffer>, index: number, ordinal: number): Promise<void> {
    const digest = toHex(await sha256(bytes));
    const parsed = v.safeParse(WireRecordSchema, parseJsonBytes(bytes));
    if (!parsed.success) {
      this.records[index] = { id: '', rev: 0, type: 'resident', sha256: digest };
      this.note(ordinal, 'SEAL_RECORD_INVALID', { index: index + 1, field: v.getDotPath(parsed.issues[0]) ?? '' });
      return;
    }
    const record = parsed.output;
    this.records[index] = { id: record.id, rev: record.rev, type: record.type, sha256: digest };
    if ((await hashPayload(record.payload)) !== record.hash) this.note(ordinal, 'SEAL_HASH_MISMATCH', { item: record.id });
  }

  /** The first problem in the content, or in how it matches the manifest's lists. */
  verdict(manifest: Manifest): SealFailure<ContentCode> | undefined {
    if (this.problem) return this.problem.failure;
    const recordCount = Math.max(manifest.records.length, this.records.length);
    for (let i = 0; i < recordCount; i += 1) {
      const listed = manifest.records[i];
      const found = this.records[i];
      if (!listed || !found || !sameRecord(listed, found)) {
        return sealFailure('SEAL_HASH_MISMATCH', { item: listed?.id ?? found?.id ?? String(i + 1) });
      }
    }
    const attachmentCount = Math.max(manifest.attachments.length, this.attachments.length);
    for (let i = 0; i < attachmentCount; i += 1) {
      const listed = manifest.attachments[i];
      const found = this.attachments[i];
      if (!listed || !found || listed.sha256 !== found.sha256 || listed.bytes !== found.bytes) {
        return sealFailure('SEAL_HASH_MISMATCH', { item: (listed ?? found)?.sha256.slice(0, 12) ?? String(i + 1) });
      }
    }
    return undefined;
  }

  private note(ordinal: number, code: ContentCode, params: Record<string, string | number>): void {
    if (!this.problem || ordinal < this.problem.ordinal) this.problem = { ordinal, failure: sealFailure(code, params) };
  }
}

function sameRecord(a: ManifestRecord, b: ManifestRecord): boolean {
  return a.id === b.id && a.rev === b.rev && a.type === b.type && a.sha256 === b.sha256;
}
