import type { IncomingMessage, ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { ATTACHMENT_PATH, createAttachmentHandlers, createAttachmentLookup } from './attachments.ts';
import { createAuthenticator } from './auth.ts';
import { createBatchHandler } from './batches.ts';
import type { ServerEvent } from './server-event.ts';
import { createCatalogHandler, syncCatalogVersion, type CatalogSource } from './catalog.ts';
import { createDecider } from './decider.ts';
import { createDispatcher } from './dispatch.ts';
import { createEnrolHandler } from './enrol.ts';
import { createFaults } from './faults.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { resolvePolicy, type ServerPolicy } from './policy.ts';
import { provinceReception, relayReception } from './reception.ts';
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
  /**
   * `province` (the sandbox, the default) numbers what it receives and decides it; `relay` (the
   * LAN hub) keeps it for the team lead, decides nothing, and serves in /v1/updates only the
   * province's decisions relayed to it (cli/hub/relay-decision.ts).
   */
  readonly role?: ServerRole;
  /** Told after a batch that accepted at least one revision has committed. */
  readonly onAccepted?: () => void;
  /** Injected faults and replays, for a trainer watching the sandbox (`langso sandbox` prints them). */
  readonly onEvent?: (event: ServerEvent) => void;
}

export type ServerRole = 'province' | 'relay';

export interface ProtocolServer {
  /** The node:http request listener. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly policy: ServerPolicy;
  /** Lets the province decide whatever is due now; returns the number of steps taken (0 for a relay). */
  decideNow(): number;
  /** Stops the decider's timer, if any (the caller closes the HTTP server and the database). */
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
  const province = (options.role ?? 'province') === 'province';
  const decider = province ? createDecider(db, store, policy, clock) : undefined;
  const decide = (): number => decider?.run() ?? 0;
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
          receive: {
            store,
            hasAttachment: createAttachmentLookup(db),
            reception: province ? provinceReception(store, policy) : relayReception(store),
          },
          onAccepted: options.onAccepted,
          onEvent: options.onEvent,
        }),
      },
    },
    { pattern: /^\/v1\/updates$/, methods: { GET: createUpdatesHandler(db, decide, authenticate) } },
  ];

  const timer = decider
    ? setInterval(() => {
        try {
          decider.run();
        } catch (error) {
          log(`decider: ${error instanceof Error ? error.message : String(error)}`);
        }
      }, Math.max(10, policy.decideTickMs))
    : undefined;
  timer?.unref();

  return {
    handle: createDispatcher({ routes, policy, faults, log, onEvent: options.onEvent }),
    policy,
    decideNow: decide,
    stop: () => clearInterval(timer),
  };
}
