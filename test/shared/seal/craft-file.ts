import { uuidv7 } from 'uuidv7';
import { canonicalJson, toHex } from '../../../shared/sync/canonical.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { sha256, utf8, type Bytes } from '../../../shared/seal/bytes.ts';
import type { Manifest } from '../../../shared/seal/format.ts';
import type { EcPublicJwk } from '../../../shared/sync/public-keys.ts';
import { SealWriter } from '../../../shared/seal/seal-writer.ts';
import { memorySink } from './seal-fixtures.ts';

/**
 * Builds `.langso` files the honest `seal()` never would — a signed manifest that lies, a record
 * that is not a record — through the same low-level writer, as a misbehaving device could.
 */
export type CraftEntry =
  | { readonly kind: 'record'; readonly record: WireRecord | Record<string, unknown> }
  | { readonly kind: 'attachment'; readonly bytes: Bytes; readonly claimedSha256?: Bytes };

export interface CraftOptions {
  readonly recipient: EcPublicJwk;
  readonly entries: readonly CraftEntry[];
  readonly manifest: Omit<Manifest, 'records' | 'attachments' | 'format' | 'fileId'> & { readonly fileId?: string };
  /** Edits the honest manifest before it is written. */
  readonly editManifest?: (manifest: Manifest) => Manifest;
  readonly signingKey: CryptoKey;
  readonly chunkSize?: number;
}

export async function craftFile(options: CraftOptions): Promise<Bytes> {
  const sink = memorySink();
  const writer = await SealWriter.start({ recipient: options.recipient, write: sink.write, chunkSize: options.chunkSize ?? 1024 });
  const manifest: Manifest = {
    format: 1,
    fileId: uuidv7(),
    ...options.manifest,
    records: [],
    attachments: [],
  };
  for (const entry of options.entries) {
    if (entry.kind === 'record') {
      const bytes = utf8(canonicalJson(entry.record));
      await writer.writeEntry('record', bytes);
      const r = entry.record as WireRecord;
      manifest.records.push({ id: r.id, rev: r.rev, type: r.type, sha256: toHex(await sha256(bytes)) });
    } else {
      const digest = entry.claimedSha256 ?? (await sha256(entry.bytes));
      await writer.writeEntry('attachment', entry.bytes, digest);
      manifest.attachments.push({ sha256: toHex(digest), bytes: entry.bytes.length });
    }
  }
  const finalManifest = options.editManifest ? options.editManifest(manifest) : manifest;
  await writer.finish(utf8(canonicalJson(finalManifest)), async (statement) =>
    new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, options.signingKey, statement)),
  );
  return sink.bytes();
}
