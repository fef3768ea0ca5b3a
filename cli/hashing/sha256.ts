import { hash } from 'node:crypto';
import { canonicalJson } from '../../shared/sync/canonical.ts';

// crypto.hash is the one-shot form of createHash().update().digest(): the same bytes, without a
// Hash object per call — an import hashes 100,000 rows, an approval 100,000 payloads.

/**
 * SHA-256 (hex) of a value's canonical JSON: the same bytes as the shared `hashPayload`, computed
 * synchronously so an import of 100,000 rows stays one transaction with no await inside.
 */
export function canonicalSha256(value: unknown): string {
  return hash('sha256', canonicalJson(value), 'hex');
}

export function bytesSha256(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/** SHA-256 (hex) of a string's UTF-8 bytes. */
export function textSha256(text: string): string {
  return hash('sha256', text, 'hex');
}
