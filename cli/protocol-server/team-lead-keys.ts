import * as v from 'valibot';
import { keyId } from '../../shared/seal/jwk.ts';
import { LeadPublicKeysSchema, type LeadPublicKeys } from '../../shared/sync/public-keys.ts';
import { canonicalJson } from '../../shared/sync/canonical.ts';
import type { TeamLeadKeys } from '../../shared/sync/protocol.ts';

/**
 * The team lead's public keys as `teams.lead_public_key` keeps them: the canonical JSON of the
 * workspace's `lead-public.json` (written by the hub at start, and by `langso init` when it makes
 * new keys). Older stores may hold a bare JWK there, or nothing: no `leadKeys` then.
 */
export function leadKeysColumn(keys: LeadPublicKeys): string {
  return canonicalJson(keys);
}

// Key ids are two SHA-256 digests per request otherwise; the column rarely changes.
const known = new Map<string, TeamLeadKeys | null>();

/** What phones receive (`EnrolResponse.leadKeys`, the catalog's `leadKeys`), or undefined. */
export async function teamLeadKeys(stored: string | null | undefined): Promise<TeamLeadKeys | undefined> {
  if (stored === null || stored === undefined) return undefined;
  const cached = known.get(stored);
  if (cached !== undefined) return cached ?? undefined;
  let value: TeamLeadKeys | null = null;
  try {
    const parsed = v.safeParse(LeadPublicKeysSchema, JSON.parse(stored));
    if (parsed.success) {
      value = {
        ...parsed.output,
        encryptionKeyId: await keyId(parsed.output.encryption),
        signingKeyId: await keyId(parsed.output.signing),
      };
    }
  } catch {
    // Not JSON: the same as no keys.
  }
  if (known.size > 100) known.clear();
  known.set(stored, value);
  return value ?? undefined;
}
