import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Update } from '../../shared/sync/protocol.ts';
import { hubDatabaseFile, openHubDatabase } from './hub-database.ts';

/** `relayed`: phones will see it; `known`: it was relayed before; `no-team`: the hub has never run. */
export type RelayOutcome = 'relayed' | 'known' | 'no-team';

/**
 * Puts one of the province's decisions (pulled upstream by `langso updates`) where the hub's
 * phones read them: an event of /v1/updates for the team, and the record's status, so the hub
 * refuses a change the province no longer allows (NOT_EDITABLE) just as the province would.
 * The hub decides nothing itself. Relaying the same decision twice changes nothing.
 */
export function relayDecisionToHub(hubDb: Database.Database, update: Update): RelayOutcome {
  return hubDb.transaction((): RelayOutcome => {
    const held = hubDb.prepare<[string], { team_id: string }>('SELECT team_id FROM records WHERE id = ?').get(update.id);
    // A record the hub never held (it came by a sealed file) still concerns the team's phones.
    const teamId =
      held?.team_id ?? hubDb.prepare<[], string>('SELECT id FROM teams ORDER BY created_at, id LIMIT 1').pluck().get();
    if (teamId === undefined) return 'no-team';
    const known = hubDb
      .prepare(
        `SELECT 1 FROM record_events WHERE record_id = ? AND status = ? AND at = ? AND team_id = ?
           AND coalesce(code, '') = ? AND coalesce(server_ref, '') = ?`,
      )
      .get(update.id, update.status, update.at, teamId, update.code ?? '', update.serverRef ?? '');
    if (known) return 'known';
    hubDb
      .prepare(
        `INSERT INTO record_events (team_id, record_id, type, status, server_ref, code, message, appointment_at, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        teamId,
        update.id,
        update.type,
        update.status,
        update.serverRef ?? null,
        update.code ?? null,
        update.message ?? null,
        update.appointmentAt ?? null,
        update.at,
      );
    if (held) {
      hubDb
        .prepare(`UPDATE records SET status = ?, decided_at = ?, server_ref = coalesce(?, server_ref) WHERE id = ?`)
        .run(update.status, update.at, update.serverRef ?? null, update.id);
    }
    return 'relayed';
  }).immediate();
}

/**
 * For `langso updates`: relays a page of decisions to the workspace's hub, if it has one
 * (the hub may be running: WAL lets both write). Returns how many were new to it.
 */
export function relayDecisionsToWorkspaceHub(workspaceDir: string, updates: readonly Update[]): number {
  if (updates.length === 0 || !existsSync(hubDatabaseFile(workspaceDir))) return 0;
  const db = openHubDatabase(workspaceDir, true);
  try {
    return updates.filter((update) => relayDecisionToHub(db, update) === 'relayed').length;
  } finally {
    db.close();
  }
}
