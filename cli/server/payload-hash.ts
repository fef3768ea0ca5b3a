import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/sync/canonical.ts';

/**
 * hashPayload (shared/sync/canonical.ts) with Node's synchronous SHA-256: the same canonical
 * bytes, so the same hash, at a fraction of the cost of one WebCrypto promise per record — the
 * server hashes every record of every batch.
 */
export function payloadHash(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}
