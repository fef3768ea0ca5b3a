import type Database from 'better-sqlite3';
import type { LeadPublicKeys } from '../../shared/sync/public-keys.ts';
import type { Clock, RandomSource } from '../protocol-server/runtime.ts';
import { leadKeysColumn } from '../protocol-server/team-lead-keys.ts';
import { addEnrolCode, createTeam } from '../protocol-server/teams.ts';

export interface HubCodes {
  readonly teamId: string;
  /** One-time codes, one per phone; shown once (the database keeps their hashes). */
  readonly codes: readonly string[];
}

/**
 * The hub serves one team, the workspace's: made on the first start, renamed when the lead
 * renamed the team (`langso init --force`) so enrolled phones keep their tokens. It carries the
 * lead's public keys (the workspace's `lead-public.json`), which phones receive at enrolment and
 * in the catalog. Returns that team and `count` fresh one-time codes for it.
 */
export function hubTeamCodes(
  db: Database.Database,
  teamName: string,
  count: number,
  clock: Clock,
  random: RandomSource,
  leadKeys?: LeadPublicKeys,
): HubCodes {
  return db.transaction((): HubCodes => {
    const existing = db
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM teams ORDER BY created_at, id LIMIT 1')
      .get();
    const codes: string[] = [];
    let teamId: string;
    if (existing) {
      teamId = existing.id;
      if (existing.name !== teamName) db.prepare('UPDATE teams SET name = ? WHERE id = ?').run(teamName, teamId);
    } else {
      const created = createTeam(db, teamName, clock, random);
      teamId = created.teamId;
      if (count > 0) codes.push(created.code);
    }
    if (leadKeys) setHubLeadKeys(db, teamId, leadKeys);
    while (codes.length < count) {
      const code = addEnrolCode(db, teamId, clock, random);
      if (code === undefined) throw new Error(`hub team ${teamId} vanished`);
      codes.push(code);
    }
    return { teamId, codes };
  }).immediate();
}

/** Hands phones these keys from now on (enrolment, catalog); a no-op when they are the same. */
export function setHubLeadKeys(db: Database.Database, teamId: string, leadKeys: LeadPublicKeys): void {
  db.prepare('UPDATE teams SET lead_public_key = ? WHERE id = ? AND lead_public_key IS NOT ?').run(
    leadKeysColumn(leadKeys),
    teamId,
    leadKeysColumn(leadKeys),
  );
}

/** The hub's team (the first one made), or undefined before the hub ever started. */
export function hubTeamId(db: Database.Database): string | undefined {
  return db.prepare<[], { id: string }>('SELECT id FROM teams ORDER BY created_at, id LIMIT 1').get()?.id;
}
