import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { ATTACHMENT_PATH, createAttachmentHandlers, createAttachmentLookup } from './attachments.ts';
import { createAuthenticator } from './auth.ts';
import { createBatchHandler } from './batches.ts';
import { createCatalogHandler, syncCatalogVersion, type CatalogSource } from './catalog.ts';
import { createDecider } from './decider.ts';
import { createDispatcher } from './dispatch.ts';
import { createEnrolHandler } from './enrol.ts';
import { createFaults } from './faults.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { resolvePolicy, type ServerPolicy } from './policy.ts';
import { createRecordStore } from './record-store.ts';
import type { Route } from './route-context.ts';
import { cryptoRandom, systemClock, type Clock, type RandomSource } from './runtime.ts';
import { createUpdatesHandler } from './updates.ts';

export interface ProtocolServerOptions {
  /** Opened with PROTOCOL_SERVER_MIGRATIONS (see openDatabase). The caller closes it. */
  readonly db: Database.Database;
  readonly catalog: CatalogSource;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly policy?: Partial<ServerPolicy>;
  /** Internal failures, one line each (default: stderr). */
  readonly log?: (line: string) => void;
}

export interface ProtocolServer {
  /** The node:http request listener. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly policy: ServerPolicy;
  /** Lets the province decide whatever is due now; returns the number of steps taken. */
  decideNow(): number;
  /** Stops the decider's timer (the caller closes the HTTP server and the database). */
  stop(): void;
}

/**
 * Sync protocol v1 (DESIGN §3) over a SQLite store, independent of how it is served: the
 * sandbox province serves it on its own, the LAN hub (issue #5) reuses the same pieces.
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
  const faults = createFaults(policy);
  const decider = createDecider(db, store, policy, clock);
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
          receive: { store, hasAttachment: createAttachmentLookup(db) },
        }),
      },
    },
    { pattern: /^\/v1\/updates$/, methods: { GET: createUpdatesHandler(db, () => decider.run(), authenticate) } },
  ];

  const timer = setInterval(() => {
    try {
      decider.run();
    } catch (error) {
      log(`decider: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, Math.max(10, policy.decideTickMs));
  timer.unref();

  return {
    handle: createDispatcher({ routes, policy, faults, log }),
    policy,
    decideNow: () => decider.run(),
    stop: () => clearInterval(timer),
  };
}
