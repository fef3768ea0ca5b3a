import type { RecordEnvelope } from '../../shared/domain/records.ts';

/**
 * The type of an attachment the lead's workspace keeps: what a dossier document declares, else
 * what the bytes say (portraits and drawn signatures are JPEG, PNG or WebP from the phone).
 */
export function attachmentMime(envelope: RecordEnvelope, sha256: string, bytes: Uint8Array): string {
  if (envelope.type === 'dossier') {
    const declared = envelope.payload.documents.find((doc) => doc.sha256 === sha256);
    if (declared) return declared.mime;
  }
  return sniffMime(bytes);
}

export function sniffMime(bytes: Uint8Array): string {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return 'image/webp';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  return 'application/octet-stream';
}
