import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import { HttpError } from './http-error.ts';
import { hashSecret } from './secrets.ts';

/** Who is calling: a device of one team. Every endpoint but enrolment needs one. */
export interface DeviceAuth {
  readonly deviceId: string;
  readonly teamId: string;
  readonly teamName: string;
}

interface DeviceRow {
  device_id: string;
  team_id: string;
  team_name: string;
}

/** Resolves `Authorization: Bearer <token>` to its device; 401 UNAUTHORIZED when absent or forged. */
export function createAuthenticator(db: Database.Database): (req: IncomingMessage) => DeviceAuth {
  const byTokenHash = db.prepare<[string], DeviceRow>(`
    SELECT d.id AS device_id, d.team_id AS team_id, t.name AS team_name
    FROM devices d JOIN teams t ON t.id = d.team_id
    WHERE d.token_hash = ? AND d.revoked_at IS NULL`);
  return (req) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,256})\s*$/.exec(req.headers.authorization ?? '');
    const token = match?.[1];
    // The lookup is by hash, so the stored value never meets the presented one.
    const row = token ? byTokenHash.get(hashSecret(token)) : undefined;
    if (!row) throw new HttpError(401, 'UNAUTHORIZED', {}, { 'www-authenticate': 'Bearer realm="langso"' });
    return { deviceId: row.device_id, teamId: row.team_id, teamName: row.team_name };
  };
}
