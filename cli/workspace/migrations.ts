import type { Migration } from '../db/migrate.ts';

/**
 * The team lead's database, `<workspace>/langso.db`. Forward only: a released migration never
 * changes; a new need is a new migration.
 *
 * `records` holds every record the lead has (any type, from any source), with the fields reports
 * and dedup query pulled out into columns. `outbox`, `receipts`, `sync_state` and `decisions` are
 * the tables the shared sync engine runs over (shared/sync/outbox-store.ts): approving a record
 * writes its outbox row in the same transaction, so approved records are what goes upstream.
 */
export const LEAD_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'lead workspace',
    up: `
      CREATE TABLE config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('json', 'csv', 'sealed')),
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows INTEGER NOT NULL,
        new_count INTEGER NOT NULL,
        changed_count INTEGER NOT NULL,
        duplicate_count INTEGER NOT NULL,
        invalid_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX imports_by_file ON imports (file_sha256);

      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('household', 'resident', 'eid', 'dossier')),
        rev INTEGER NOT NULL CHECK (rev >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1)),
        consent TEXT,
        -- The domain payload (JSON) when the record is valid; NULL while it is not.
        payload TEXT,
        -- The record as it arrived, kept while it is invalid (what was typed, to show and fix).
        raw TEXT,
        -- Hash of the record as it arrived: a re-import with the same hash changes nothing.
        raw_sha256 TEXT NOT NULL,
        -- Who it came from (a volunteer or device) and its identity there (see row-key.ts).
        source TEXT NOT NULL,
        source_key TEXT NOT NULL,
        import_id TEXT REFERENCES imports (id),
        line INTEGER,
        -- Validation issues, JSON [{field, code, params}]; valid = no issue.
        issues TEXT NOT NULL DEFAULT '[]',
        valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
        commune_code TEXT,
        hamlet TEXT,
        -- The hamlet folded like a name (case, diacritics): "Ấp 3" and "ấp 3" are one hamlet.
        hamlet_key TEXT,
        full_name TEXT,
        search_key TEXT,
        date_of_birth TEXT,
        sex TEXT,
        cccd TEXT,
        phone TEXT,
        eid_level INTEGER,
        procedure_code TEXT,
        -- The device-side lifecycle status of an e-ID application or dossier.
        lifecycle TEXT,
        review_state TEXT NOT NULL DEFAULT 'pending' CHECK (review_state IN ('pending', 'approved', 'rejected')),
        review_reason TEXT,
        reviewed_at TEXT,
        sync_state TEXT NOT NULL DEFAULT 'local' CHECK (sync_state IN ('local', 'queued', 'sent', 'quarantined')),
        -- What the province said last (receipt or update).
        province_status TEXT,
        server_ref TEXT,
        province_at TEXT,
        UNIQUE (source, source_key)
      ) STRICT;
      CREATE INDEX records_by_cccd ON records (cccd) WHERE cccd IS NOT NULL;
      -- Few indexes on purpose: an import of 100,000 rows maintains each one. Reports and
      -- lists read every row anyway; dedup and re-imports need these two (and the UNIQUE).
      CREATE INDEX records_by_person ON records (search_key, date_of_birth, hamlet_key);

      -- Every decision the lead took, kept as an audit trail.
      CREATE TABLE reviews (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES records (id),
        rev INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
        reason TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reviews_by_record ON reviews (record_id);

      -- The sync engine's queue: the exact wire record, keyed by (id, rev).
      CREATE TABLE outbox (
        id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        type TEXT NOT NULL,
        record TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        quarantine_code TEXT,
        quarantine_message TEXT,
        quarantined_at TEXT,
        PRIMARY KEY (id, rev)
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (queued_at) WHERE quarantined_at IS NULL;

      CREATE TABLE receipts (
        id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        status TEXT NOT NULL,
        code TEXT,
        server_ref TEXT,
        message TEXT,
        missing TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (id, rev)
      ) STRICT;

      -- The province's decisions (GET /v1/updates), in the order they arrived.
      CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        server_ref TEXT,
        code TEXT,
        message TEXT,
        appointment_at TEXT,
        at TEXT NOT NULL,
        -- The same page of updates applied twice (a cursor lost in a crash) adds nothing.
        UNIQUE (record_id, status, at)
      ) STRICT;
      CREATE INDEX decisions_by_record ON decisions (record_id, seq);

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Content-addressed photos and signatures from sealed batch files.
      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT;
    `,
  },
  /**
   * What the lead's workspace remembers of `.langso` files: each file imported, by its id
   * (the same file again is "nothing new"), and per device the outcome of every record revision it
   * carried, which `langso receipts export` signs for the phone.
   */
  {
    version: 2,
    name: 'sealed batch files and their receipts',
    up: `
      CREATE TABLE sealed_files (
        file_id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        device_key_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        -- NULL when the file brought nothing new (every record already known).
        import_id TEXT REFERENCES imports (id),
        records INTEGER NOT NULL,
        attachments INTEGER NOT NULL
      ) STRICT;

      -- One row per record revision a phone handed over in a file: what its receipt says.
      CREATE TABLE sealed_receipts (
        device_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'duplicate', 'rejected', 'conflict')),
        code TEXT,
        file_id TEXT NOT NULL REFERENCES sealed_files (file_id),
        at TEXT NOT NULL,
        PRIMARY KEY (device_id, record_id, rev)
      ) STRICT;
    `,
  },  {
    version: 3,
    name: "the phone's clock offset kept with each record",
    up: `
      -- What the phone measured its clock to be off by at its last sync: sent on upstream with
      -- the record, so the province can tell a skewed clock's times (docs/PROTOCOL.md).
      ALTER TABLE records ADD COLUMN clock_offset_ms INTEGER;
    `,
  },
];
