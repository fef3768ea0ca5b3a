import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { EnrolRequestSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { HttpError } from './http-error.ts';
import { firstProblem } from './issues.ts';
import { parseJsonBody, readBody } from './read-body.ts';
import { json } from './reply.ts';
import type { Handler } from './route-context.ts';
import { isoAt, type Clock, type RandomSource } from './runtime.ts';
import { createIdMaker, hashSecret, newToken, normaliseTeamCode } from './secrets.ts';
import { teamLeadKeys } from './team-lead-keys.ts';

/** Enrolment requests are small; a public key is the largest part. */
const MAX_ENROL_BYTES = 16 * 1024;

interface CodeRow {
  team_id: string;
  team_name: string;
  used_at: string | null;
  lead_public_key: string | null;
}

/**
 * `POST /v1/devices`: a one-time team code buys a device id and a bearer token. A code that is
 * unknown or already used gets the same 403 ENROL_CODE_INVALID, so guessing learns nothing.
 * The device's public key (if sent) is kept so the lead's `langso import` can check who signed a
 * `.langso` file; the answer carries the lead's public keys when the team has them.
 */
export function createEnrolHandler(db: Database.Database, clock: Clock, random: RandomSource): Handler {
  const newId = createIdMaker(clock, random);
  const findCode = db.prepare<[string], CodeRow>(`
    SELECT c.team_id AS team_id, t.name AS team_name, c.used_at AS used_at, t.lead_public_key AS lead_public_key
    FROM enrol_codes c JOIN teams t ON t.id = c.team_id WHERE c.code_hash = ?`);
  const useCode = db.prepare('UPDATE enrol_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ? AND used_at IS NULL');
  const insertDevice = db.prepare(
    'INSERT INTO devices (id, team_id, token_hash, name, public_key, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return async ({ req }) => {
    const parsed = v.safeParse(EnrolRequestSchema, parseJsonBody(await readBody(req, MAX_ENROL_BYTES)));
    if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', firstProblem(parsed.issues));
    const request = parsed.output;
    const codeHash = hashSecret(normaliseTeamCode(request.code));
    const deviceId = newId();
    const token = newToken(random);
    const now = clock.now();

    const team = db.transaction(() => {
      const row = findCode.get(codeHash);
      if (!row || row.used_at !== null) return undefined;
      useCode.run(isoAt(now), deviceId, codeHash);
      insertDevice.run(
        deviceId,
        row.team_id,
        hashSecret(token),
        request.deviceName ?? null,
        request.publicKey ? JSON.stringify(request.publicKey) : null,
        isoAt(now),
      );
      return row;
    }).immediate();
    if (!team) throw new HttpError(403, 'ENROL_CODE_INVALID');

    const leadKeys = await teamLeadKeys(team.lead_public_key);
    const body: EnrolResponse = {
      deviceId,
      token,
      teamId: team.team_id,
      teamName: team.team_name,
      serverTime: isoAt(now),
      ...(leadKeys ? { leadKeys } : {}),
    };
    return json(201, body);
  };
}
