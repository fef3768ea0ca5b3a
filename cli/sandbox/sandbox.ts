import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database.ts';
import type { ServerEvent } from '../protocol-server/server-event.ts';
import type { CatalogSource } from '../protocol-server/catalog.ts';
import { closeServer, listen } from '../protocol-server/listen.ts';
import { PROTOCOL_SERVER_MIGRATIONS } from '../protocol-server/migrations.ts';
import { createProtocolServer } from '../protocol-server/protocol-server.ts';
import { referenceCatalog } from '../protocol-server/reference-catalog.ts';
import { systemClock, type Clock, type RandomSource } from '../protocol-server/runtime.ts';
import { provinceRole } from './province-role.ts';
import { resolveSandboxPolicy, type SandboxPolicy } from './province-policy.ts';

export interface SandboxOptions {
  readonly dbFile: string;
  readonly host: string;
  readonly port: number;
  readonly policy?: Partial<SandboxPolicy>;
  readonly catalog?: CatalogSource;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly log?: (line: string) => void;
  readonly onEvent?: (event: ServerEvent) => void;
}

export interface RunningSandbox {
  readonly url: string;
  readonly db: Database.Database;
  /** Stops serving, stops the province, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The sandbox province: the protocol server in its province role over its own database, served
 * on host:port, deciding on its own timer (and before every /v1/updates).
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const db = openSandboxDatabase(options.dbFile);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const policy = resolveSandboxPolicy(options.policy);
  let timer: NodeJS.Timeout | undefined;
  try {
    const protocol = createProtocolServer({
      db,
      catalog: options.catalog ?? referenceCatalog(),
      clock,
      ...(options.random ? { random: options.random } : {}),
      policy,
      log,
      role: provinceRole(db, policy, clock),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    timer = setInterval(() => {
      try {
        protocol.decide();
      } catch (error) {
        log(`decider: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, Math.max(10, policy.decideTickMs));
    timer.unref();
    const { server, url } = await listen(protocol.handle, options.host, options.port);
    const ticking = timer;
    let closing: Promise<void> | undefined;
    return {
      url,
      db,
      close: () => {
        closing ??= (async () => {
          clearInterval(ticking);
          await closeServer(server);
          db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    clearInterval(timer);
    db.close();
    throw error;
  }
}

export function openSandboxDatabase(file: string, mustExist = false): Database.Database {
  return openDatabase(file, { migrations: PROTOCOL_SERVER_MIGRATIONS, mustExist });
}
