import type Database from 'better-sqlite3';
import type { Clock, RandomSource } from '../server/runtime.ts';
import { addEnrolCode, createTeam } from '../server/teams.ts';

export interface HubCodes {
  readonly teamId: string;
  /** One-time codes, one per phone; shown once (the database keeps their hashes). */
  readonly codes: readonly string[];
}

/**
 * The hub serves one team, the workspace's: made on the first start, renamed when the lead
 * renamed the team (`langso init --force`) so enrolled phones keep their tokens. Returns that
 * team and `count` fresh one-time codes for it.
 */
export function hubTeamCodes(
  db: Database.Database,
  teamName: string,
  count: number,
  clock: Clock,
  random: RandomSource,
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
    while (codes.length < count) {
      const code = addEnrolCode(db, teamId, clock, random);
      if (code === undefined) throw new Error(`hub team ${teamId} vanished`);
      codes.push(code);
    }
    return { teamId, codes };
  }).immediate();
}
