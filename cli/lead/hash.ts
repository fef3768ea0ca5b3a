import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/sync/canonical.ts';

/**
 * SHA-256 (hex) of a value's canonical JSON: the same bytes as the shared `hashPayload`, computed
 * synchronously so an import of 100,000 rows stays one transaction with no await inside.
 */
export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function bytesSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 (hex) of a string's UTF-8 bytes. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
