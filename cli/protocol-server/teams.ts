import type Database from 'better-sqlite3';
import { isoAt, type Clock, type RandomSource } from './runtime.ts';
import { createIdMaker, hashSecret, newTeamCode, normaliseTeamCode } from './secrets.ts';

export interface CreatedTeam {
  readonly teamId: string;
  readonly teamName: string;
  /** Shown once; the database keeps only its hash. */
  readonly code: string;
}

/** Creates a team and its first one-time enrolment code. */
export function createTeam(db: Database.Database, name: string, clock: Clock, random: RandomSource): CreatedTeam {
  const teamId = createIdMaker(clock, random)();
  const at = isoAt(clock.now());
  const code = newTeamCode(random);
  db.transaction(() => {
    db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)').run(teamId, name, at);
    db.prepare('INSERT INTO enrol_codes (code_hash, team_id, created_at) VALUES (?, ?, ?)').run(
      hashSecret(normaliseTeamCode(code)),
      teamId,
      at,
    );
  })();
  return { teamId, teamName: name, code };
}

/** One more one-time code for an existing team (each phone uses its own); undefined if no such team. */
export function addEnrolCode(
  db: Database.Database,
  teamId: string,
  clock: Clock,
  random: RandomSource,
): string | undefined {
  if (!db.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId)) return undefined;
  const code = newTeamCode(random);
  db.prepare('INSERT INTO enrol_codes (code_hash, team_id, created_at) VALUES (?, ?, ?)').run(
    hashSecret(normaliseTeamCode(code)),
    teamId,
    isoAt(clock.now()),
  );
  return code;
}
