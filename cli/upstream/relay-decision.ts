import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Update } from '../../shared/sync/protocol.ts';
import { createJournal } from '../protocol-server/journal.ts';
import { createRecordStore } from '../protocol-server/record-store.ts';
import { hubDatabaseFile, openHubDatabase } from '../workspace/hub-database.ts';
import { hubTeamId } from '../workspace/hub-team.ts';

/** `relayed`: phones will see it; `known`: it was relayed before; `no-team`: the hub has never run. */
export type RelayOutcome = 'relayed' | 'known' | 'no-team';

/**
 * Puts one of the province's decisions (pulled upstream by `langso updates`) where the hub's
 * phones read them: an event of /v1/updates for the team, and the record's status, so the hub
 * refuses a change the province no longer allows (NOT_EDITABLE) just as the province would.
 * The hub decides nothing itself. Relaying the same decision twice changes nothing.
 */
export function relayDecisionToHub(hubDb: Database.Database, update: Update): RelayOutcome {
  return createHubRelay(hubDb)(update);
}

/** relayDecisionToHub with its statements prepared once, for a page of decisions. */
export function createHubRelay(hubDb: Database.Database): (update: Update) => RelayOutcome {
  const journal = createJournal(hubDb);
  const store = createRecordStore(hubDb);
  return (update) => hubDb.transaction((): RelayOutcome => {
    const held = store.get(update.id);
    // A record the hub never held (it came by a sealed file) still concerns the team's phones.
    const teamId = held?.teamId ?? hubTeamId(hubDb);
    if (teamId === undefined) return 'no-team';
    const event = {
      teamId,
      recordId: update.id,
      type: update.type,
      status: update.status,
      serverRef: update.serverRef ?? null,
      code: update.code ?? null,
      message: update.message ?? null,
      appointmentAt: update.appointmentAt ?? null,
      at: update.at,
    };
    if (journal.hasEvent(event)) return 'known';
    journal.appendEvent(event);
    if (held) store.setDecided(update.id, update.status, update.at, update.serverRef ?? null);
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
    const relay = createHubRelay(db);
    return updates.filter((update) => relay(update) === 'relayed').length;
  } finally {
    db.close();
  }
}
