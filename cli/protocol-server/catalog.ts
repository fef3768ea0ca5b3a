import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { canonicalJson } from '../../shared/sync/canonical.ts';
import type { TeamLeadKeys } from '../../shared/sync/protocol.ts';
import { textSha256 } from '../hashing/sha256.ts';
import type { DeviceAuth } from './auth.ts';
import { empty, jsonText } from './reply.ts';
import type { Handler } from './route-context.ts';
import { isoAt, type Clock } from './runtime.ts';
import { teamLeadKeys } from './team-lead-keys.ts';

export interface ProcedureSummary {
  readonly code: string;
  readonly name: string;
  /** Cấp thực hiện: the level of government that handles it (Cấp xã, Cấp tỉnh…). */
  readonly level: string;
  readonly online: boolean;
}

export interface CommuneSummary {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}

/** The reference data a server hands to devices. */
export interface CatalogSource {
  readonly procedures: readonly ProcedureSummary[];
  readonly communes: readonly CommuneSummary[];
}

/** `GET /v1/catalog` body. */
export interface CatalogBody {
  readonly version: number;
  readonly teamId: string;
  readonly procedures: readonly ProcedureSummary[];
  readonly communes: readonly CommuneSummary[];
  /**
   * The team lead's ECDH public key (JWK) that sealed batch files are encrypted to; null while
   * the team has none. Kept for older clients: `leadKeys` says the same and more.
   */
  readonly leadPublicKey: Record<string, unknown> | null;
  /** Both public keys of the team lead with their ids; absent while the team has none. */
  readonly leadKeys?: TeamLeadKeys;
}

const JwkSchema = v.record(v.string(), v.unknown());

/** A bare JWK kept by an older store (before `leadKeys`), handed out as it is. */
function storedJwk(stored: string | null): Record<string, unknown> | null {
  if (stored === null) return null;
  try {
    const parsed = v.safeParse(JwkSchema, JSON.parse(stored));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Bumps the stored catalog version when the reference data changed since the last start. */
export function syncCatalogVersion(db: Database.Database, source: CatalogSource, clock: Clock): number {
  const contentHash = textSha256(canonicalJson(source));
  return db.transaction(() => {
    const row = db.prepare<[], { version: number; content_hash: string }>(
      'SELECT version, content_hash FROM catalog_version WHERE id = 1',
    ).get();
    if (row && row.content_hash === contentHash) return row.version;
    const version = (row?.version ?? 0) + 1;
    db.prepare(
      `INSERT INTO catalog_version (id, version, content_hash, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash,
         updated_at = excluded.updated_at`,
    ).run(version, contentHash, isoAt(clock.now()));
    return version;
  })();
}

/** A strong ETag matches `If-None-Match` whether the client kept it weak or listed several. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** `GET /v1/catalog`: the team's view of the reference data, with an ETag and 304 when unchanged. */
export function createCatalogHandler(
  db: Database.Database,
  source: CatalogSource,
  version: number,
  authenticate: (req: Parameters<Handler>[0]['req']) => DeviceAuth,
): Handler {
  const leadKey = db.prepare<[string], { lead_public_key: string | null }>('SELECT lead_public_key FROM teams WHERE id = ?');
  return async ({ req }) => {
    const auth = authenticate(req);
    const stored = leadKey.get(auth.teamId)?.lead_public_key ?? null;
    const leadKeys = await teamLeadKeys(stored);
    const body: CatalogBody = {
      version,
      teamId: auth.teamId,
      procedures: source.procedures,
      communes: source.communes,
      leadPublicKey: leadKeys ? { ...leadKeys.encryption } : storedJwk(stored),
      ...(leadKeys ? { leadKeys } : {}),
    };
    const text = JSON.stringify(body);
    const etag = `"${version}-${textSha256(text).slice(0, 32)}"`;
    if (etagMatches(req.headers['if-none-match'], etag)) return empty(304, { etag });
    return jsonText(200, text, { etag });
  };
}
