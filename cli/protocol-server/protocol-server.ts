import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { ATTACHMENT_PATH, createAttachmentHandlers, createAttachmentLookup } from './attachments.ts';
import { createAuthenticator } from './auth.ts';
import { createBatchHandler } from './batches.ts';
import type { ServerEvent } from './server-event.ts';
import { createCatalogHandler, syncCatalogVersion, type CatalogSource } from './catalog.ts';
import { createDispatcher } from './dispatch.ts';
import { createEnrolHandler } from './enrol.ts';
import { NO_FAULTS, type Faults } from './faults.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { createJournal, type Journal } from './journal.ts';
import { resolvePolicy, type ServerPolicy } from './policy.ts';
import type { Reception } from './reception.ts';
import { createRecordStore, type RecordStore } from './record-store.ts';
import type { Route } from './route-context.ts';
import { cryptoRandom, systemClock, type Clock, type RandomSource } from './runtime.ts';
import { createUpdatesHandler } from './updates.ts';

/** The store a role works over: the server's records and its journal, prepared once. */
export interface RoleStores {
  readonly store: RecordStore;
  readonly journal: Journal;
}

/**
 * What makes the one protocol server a province stand-in (cli/sandbox) or a LAN hub (cli/hub):
 * what it does with an accepted revision, whether it decides, and the faults it injects.
 */
export interface ServerRole {
  readonly reception: Reception;
  /** Takes whatever decisions are due now (run before each /v1/updates); returns the steps taken. */
  readonly decide?: () => number;
  readonly faults?: Faults;
}

export interface ProtocolServerOptions {
  /** Opened with PROTOCOL_SERVER_MIGRATIONS (see openDatabase). The caller closes it. */
  readonly db: Database.Database;
  readonly catalog: CatalogSource;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly policy?: Partial<ServerPolicy>;
  /** Internal failures, one line each (default: stderr). */
  readonly log?: (line: string) => void;
  readonly role: (stores: RoleStores) => ServerRole;
  /** Told after a batch that accepted at least one revision has committed. */
  readonly onAccepted?: () => void;
  /** Injected faults and replays, for a trainer watching the sandbox (`langso sandbox` prints them). */
  readonly onEvent?: (event: ServerEvent) => void;
}

export interface ProtocolServer {
  /** The node:http request listener. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly policy: ServerPolicy;
  /** The role's decisions due now (a province's; none for a relay): the steps taken. */
  decide(): number;
}

/**
 * Sync protocol v1 (docs/PROTOCOL.md) over a SQLite store, independent of how it is served and of
 * its role: the sandbox serves it as the province, the LAN hub as a relay to the team lead.
 */
export function createProtocolServer(options: ProtocolServerOptions): ProtocolServer {
  const { db, catalog } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const policy = resolvePolicy(options.policy);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const idempotency = createIdempotencyStore(db, clock);
  idempotency.housekeep(policy.idempotencyRetentionDays);
  const catalogVersion = syncCatalogVersion(db, catalog, clock);

  const authenticate = createAuthenticator(db);
  const store = createRecordStore(db);
  const journal = createJournal(db);
  const role = options.role({ store, journal });
  const faults = role.faults ?? NO_FAULTS;
  const decide = role.decide ?? (() => 0);
  const attachments = createAttachmentHandlers(db, clock, policy.maxAttachmentBytes, authenticate);

  const routes: Route[] = [
    { pattern: /^\/v1\/devices$/, methods: { POST: createEnrolHandler(db, clock, random) } },
    { pattern: /^\/v1\/catalog$/, methods: { GET: createCatalogHandler(db, catalog, catalogVersion, authenticate) } },
    { pattern: ATTACHMENT_PATH, methods: { HEAD: attachments.head, PUT: attachments.put } },
    {
      pattern: /^\/v1\/batches$/,
      ownLatency: true,
      methods: {
        POST: createBatchHandler({
          db,
          clock,
          policy,
          faults,
          idempotency,
          authenticate,
          receive: { store, hasAttachment: createAttachmentLookup(db), reception: role.reception },
          onAccepted: options.onAccepted,
          onEvent: options.onEvent,
        }),
      },
    },
    { pattern: /^\/v1\/updates$/, methods: { GET: createUpdatesHandler(journal, decide, authenticate) } },
  ];

  return {
    handle: createDispatcher({ routes, policy, faults, log, onEvent: options.onEvent }),
    policy,
    decide,
  };
}
