import type Database from 'better-sqlite3';
import type { Clock } from './runtime.ts';

/** What the store says about a batch's Idempotency-Key before the batch is processed. */
export type Claim =
  | { readonly kind: 'new' }
  /** Done before with the same body: the stored answer, to send again byte for byte. */
  | { readonly kind: 'replay'; readonly status: number; readonly body: string }
  /** The same key and body are being processed right now. */
  | { readonly kind: 'in_flight' }
  /** The key was used with another body. */
  | { readonly kind: 'reused' };

interface KeyRow {
  request_hash: string;
  state: 'in_flight' | 'done';
  status: number | null;
  response: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Idempotency keys per team. A key is claimed (in flight) in its own small transaction, so a
 * second request sees it at once; it is completed inside the batch's own transaction, so the
 * records and the answer to replay are committed together or not at all.
 */
export function createIdempotencyStore(db: Database.Database, clock: Clock) {
  const find = db.prepare<[string, string], KeyRow>(
    'SELECT request_hash, state, status, response FROM idempotency WHERE team_id = ? AND key = ?',
  );
  const insert = db.prepare(
    "INSERT INTO idempotency (team_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)",
  );
  const complete = db.prepare(
    "UPDATE idempotency SET state = 'done', status = ?, response = ? WHERE team_id = ? AND key = ? AND state = 'in_flight'",
  );
  const release = db.prepare("DELETE FROM idempotency WHERE team_id = ? AND key = ? AND state = 'in_flight'");

  return {
    claim(teamId: string, key: string, requestHash: string): Claim {
      return db.transaction((): Claim => {
        const row = find.get(teamId, key);
        if (!row) {
          insert.run(teamId, key, requestHash, clock.now());
          return { kind: 'new' };
        }
        if (row.request_hash !== requestHash) return { kind: 'reused' };
        if (row.state === 'in_flight' || row.status === null || row.response === null) return { kind: 'in_flight' };
        return { kind: 'replay', status: row.status, body: row.response };
      }).immediate();
    },

    /** Call inside the batch transaction. */
    complete(teamId: string, key: string, status: number, response: string): void {
      const changed = complete.run(status, response, teamId, key).changes;
      if (changed !== 1) throw new Error('idempotency key was not in flight');
    },

    /** The batch failed before committing: free the key so a retry can run it. */
    release(teamId: string, key: string): void {
      release.run(teamId, key);
    },

    /**
     * At start: drop keys older than the retention, and claims left in flight by a process that
     * died (nothing of theirs was committed, so a retry must be allowed to run).
     */
    housekeep(retentionDays: number): { purged: number; abandoned: number } {
      const cutoff = clock.now() - retentionDays * DAY_MS;
      return db.transaction(() => ({
        purged: db.prepare("DELETE FROM idempotency WHERE state = 'done' AND created_at < ?").run(cutoff).changes,
        abandoned: db.prepare("DELETE FROM idempotency WHERE state = 'in_flight'").run().changes,
      }))();
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
