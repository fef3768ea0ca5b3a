import type { Migration } from '../db/migrate.ts';

/**
 * Schema of a protocol server's store (the sandbox province and the LAN hub).
 * Secrets are kept as SHA-256 only: a copied database gives no working token or team code.
 */
export const PROTOCOL_SERVER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'protocol server v1',
    up: `
      CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- The team lead's public key (JWK JSON), for sealed batch files.
        lead_public_key TEXT
      );

      CREATE TABLE enrol_codes (
        code_hash TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id),
        created_at TEXT NOT NULL,
        used_at TEXT,
        used_by_device TEXT
      );

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id),
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT,
        public_key TEXT,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT
      );

      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id),
        device_id TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        type TEXT NOT NULL,
        rev INTEGER NOT NULL,
        hash TEXT NOT NULL,
        payload TEXT NOT NULL,
        consent TEXT,
        attachments TEXT NOT NULL,
        training INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL,
        server_ref TEXT NOT NULL,
        received_at TEXT NOT NULL,
        decided_at TEXT,
        -- When the province takes its next step on this record (ms), NULL when it has none.
        due_at INTEGER
      );
      CREATE INDEX records_due ON records(due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX records_team_type_status ON records(team_id, type, status);
      CREATE INDEX records_hash ON records(team_id, type, hash);

      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL,
        received_at TEXT NOT NULL
      );

      CREATE TABLE idempotency (
        team_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        status INTEGER,
        response TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, key)
      );
      CREATE INDEX idempotency_created ON idempotency(created_at);

      CREATE TABLE record_events (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        server_ref TEXT,
        code TEXT,
        message TEXT,
        appointment_at TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX record_events_team ON record_events(team_id, cursor);

      -- Per-day sequences of dossier codes and the receipt-number sequence.
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );

      CREATE TABLE catalog_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'accepted revisions journal, for a relay',
    up: `
      -- Every revision a relay (the LAN hub) accepted, in commit order: the team lead's workspace
      -- follows it with a cursor (seq), so nothing accepted is missed, even after a crash.
      CREATE TABLE accepted_revisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      -- A decision relayed twice is found and kept once.
      CREATE INDEX record_events_record ON record_events(record_id, status);
    `,
  },  {
    version: 3,
    name: "the device's clock offset kept with each record",
    up: `
      -- The device's measured offset from this server's clock when it made the record (ms).
      ALTER TABLE records ADD COLUMN clock_offset_ms INTEGER;
    `,
  },
];
