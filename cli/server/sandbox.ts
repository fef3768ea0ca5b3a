import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database.ts';
import type { ServerEvent } from './server-event.ts';
import type { CatalogSource } from './catalog.ts';
import { closeServer, listen } from './listen.ts';
import { PROTOCOL_SERVER_MIGRATIONS } from './migrations.ts';
import type { ServerPolicy } from './policy.ts';
import { createProtocolServer, type ProtocolServer } from './protocol-server.ts';
import { referenceCatalog } from './reference-catalog.ts';
import type { Clock, RandomSource } from './runtime.ts';

export interface SandboxOptions {
  readonly dbFile: string;
  readonly host: string;
  readonly port: number;
  readonly policy?: Partial<ServerPolicy>;
  readonly catalog?: CatalogSource;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly log?: (line: string) => void;
  readonly onEvent?: (event: ServerEvent) => void;
}

export interface RunningSandbox {
  readonly url: string;
  readonly db: Database.Database;
  readonly protocol: ProtocolServer;
  /** Stops serving, stops the province, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens the sandbox database and serves the protocol on host:port. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const db = openSandboxDatabase(options.dbFile);
  let protocol: ProtocolServer | undefined;
  try {
    protocol = createProtocolServer({
      db,
      catalog: options.catalog ?? referenceCatalog(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const { server, url } = await listen(protocol.handle, options.host, options.port);
    const running = protocol;
    let closing: Promise<void> | undefined;
    return {
      url,
      db,
      protocol: running,
      close: () => {
        closing ??= (async () => {
          running.stop();
          await closeServer(server);
          db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    protocol?.stop();
    db.close();
    throw error;
  }
}

export function openSandboxDatabase(file: string, mustExist = false): Database.Database {
  return openDatabase(file, { migrations: PROTOCOL_SERVER_MIGRATIONS, mustExist });
}
