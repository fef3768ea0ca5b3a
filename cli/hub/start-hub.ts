import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { openDatabase } from '../db/open-database.ts';
import { readConfig } from '../workspace/config.ts';
import { ingestHubRecords, type HubIngestResult } from '../intake/ingest-hub-records.ts';
import { readWorkspaceLeadPublicKeys } from '../keys/lead-keys.ts';
import { LEAD_MIGRATIONS } from '../workspace/migrations.ts';
import { LEAD_DB_FILE } from '../workspace/workspace-db.ts';
import { closeServer, listen } from '../protocol-server/listen.ts';
import { createProtocolServer, type ProtocolServer } from '../protocol-server/protocol-server.ts';
import { relayReception } from '../protocol-server/reception.ts';
import { referenceCatalog } from '../protocol-server/reference-catalog.ts';
import { cryptoRandom, systemClock } from '../protocol-server/runtime.ts';
import { UserError } from '../program/user-error.ts';
import { caOnlyHandler, createCaSite, fingerprintOf } from './ca-site.ts';
import { openHubDatabase } from '../workspace/hub-database.ts';
import { hubTeamCodes } from '../workspace/hub-team.ts';
import { createIngestScheduler } from './ingest-scheduler.ts';
import { certificateNames, lanIPv4s, reachableHosts } from './lan-addresses.ts';
import { caName, ensureLocalCa } from './local-ca.ts';
import { ensureServerCert } from './server-cert.ts';
import { createStaticSite } from './static-site.ts';

export interface HubOptions {
  readonly workspaceDir: string;
  readonly host: string;
  readonly port: number;
  /** HTTPS with the team's local CA; the certificate page is then served on port + 1. */
  readonly https: boolean;
  /** The built PWA to serve, or undefined to serve the sync API only. */
  readonly pwaDir: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly acceptTraining: boolean;
  readonly codes: number;
  /** The machine's LAN addresses (injected in tests). */
  readonly lan?: readonly string[];
  /** What was handed to the lead's review queue after a batch (and at start). */
  readonly onIngest: (result: HubIngestResult) => void;
  /** The hand-off failed; the hub's journal keeps everything for the next run. */
  readonly onIngestError: (error: unknown) => void;
  /** Internal failures of the protocol server, one line each. */
  readonly log: (line: string) => void;
}

export interface HubCertificate {
  readonly caName: string;
  readonly fingerprint: string;
  /** The CA was made on this start: every phone must install it. */
  readonly caCreated: boolean;
  /** Plain-HTTP pages where phones fetch the CA (one per LAN address). */
  readonly pageUrls: readonly string[];
  readonly names: readonly string[];
  readonly renewed: boolean;
}

export interface RunningHub {
  /** Where phones open the app: one URL per address they can reach the hub at. */
  readonly urls: readonly string[];
  readonly teamId: string;
  readonly teamName: string;
  readonly codes: readonly string[];
  readonly certificate: HubCertificate | undefined;
  /** Stops serving, hands over anything accepted meanwhile, closes both databases. Safe twice. */
  close(): Promise<void>;
}

/**
 * `langso hub`: the lead's laptop serving the PWA and the sync API to the team's phones on the
 * village Wi-Fi. The protocol is the sandbox's own code in its relay role (hub.db); what it
 * accepts goes into the lead's review queue (langso.db); the province's decisions reach it only
 * by `langso updates` (relay-decision.ts).
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const team = workspaceTeam(options.workspaceDir);
  const leadDb = openDatabase(join(options.workspaceDir, LEAD_DB_FILE), { migrations: LEAD_MIGRATIONS });
  let hubDb: Database.Database | undefined;
  const servers: Server[] = [];
  try {
    hubDb = openHubDatabase(options.workspaceDir);
    const issued = hubTeamCodes(hubDb, team, options.codes, systemClock, cryptoRandom, readWorkspaceLeadPublicKeys(options.workspaceDir));
    const db = hubDb;
    const ingest = (): void => {
      const result = ingestHubRecords(db, leadDb, { today: todayInHoChiMinh(new Date()) });
      options.onIngest(result);
    };
    const scheduler = createIngestScheduler(ingest, options.onIngestError);
    // Whatever a crash left between the two databases is handed over before anything new.
    scheduler.runNow();
    const protocol = createProtocolServer({
      db,
      catalog: referenceCatalog(),
      role: ({ journal }) => ({ reception: relayReception(journal) }),
      policy: { acceptTraining: options.acceptTraining, corsOrigins: options.corsOrigins },
      onAccepted: () => scheduler.request(),
      log: options.log,
    });

    const lan = options.lan ?? lanIPv4s();
    const hosts = reachableHosts(options.host, lan);
    const tls = options.https ? await prepareTls(options, team, lan) : undefined;
    const site = options.pwaDir && existsSync(join(options.pwaDir, 'index.html')) ? createStaticSite(options.pwaDir) : undefined;

    const scheme = options.https ? 'https' : 'http';
    // The certificate page on the HTTPS port needs the hub's URLs, known once it listens.
    let caOnMain: CaSite | undefined;
    const main = await listen(hubHandler(protocol, () => caOnMain, site), options.host, options.port, tls?.identity);
    servers.push(main.server);
    const port = Number(new URL(main.url).port);
    const urls = hosts.map((host) => `${scheme}://${host}:${port}`);

    let certificate: HubCertificate | undefined;
    if (tls) {
      const facts = { caName: tls.caName, certDer: tls.certDer, hubUrls: urls };
      caOnMain = createCaSite({ ...facts, prefix: '/ca' });
      const page = caOnlyHandler(createCaSite({ ...facts, prefix: '' }));
      // Port + 1 when the lead chose the port (easy to say aloud), any free one otherwise.
      const wanted = options.port !== 0 && port < 65_535 ? port + 1 : 0;
      const pageServer = await listen(page, options.host, wanted).catch(() => listen(page, options.host, 0));
      servers.push(pageServer.server);
      const pagePort = Number(new URL(pageServer.url).port);
      certificate = {
        caName: tls.caName,
        fingerprint: fingerprintOf(tls.certDer),
        caCreated: tls.caCreated,
        pageUrls: hosts.map((host) => `http://${host}:${pagePort}/`),
        names: tls.names,
        renewed: tls.renewed,
      };
    }

    let closing: Promise<void> | undefined;
    return {
      urls,
      teamId: issued.teamId,
      teamName: team,
      codes: issued.codes,
      certificate,
      close: () => {
        closing ??= (async () => {
          await Promise.all(servers.map((server) => closeServer(server)));
          scheduler.stop();
          db.close();
          leadDb.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await Promise.all(servers.map((server) => closeServer(server)));
    hubDb?.close();
    leadDb.close();
    throw error;
  }
}

type CaSite = ReturnType<typeof createCaSite>;
type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The sync API under /v1, the CA page under /ca (HTTPS only), the PWA for everything else. */
function hubHandler(protocol: ProtocolServer, caSite: () => CaSite | undefined, site: Listener | undefined): Listener {
  return (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (path === '/v1' || path.startsWith('/v1/')) return protocol.handle(req, res);
    if (caSite()?.(req, res)) return;
    if (site) return site(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 9, 'cache-control': 'no-store' });
    res.end('Not Found');
  };
}

/** The team the workspace was initialised for; the hub refuses to start without one. */
export function workspaceTeam(workspaceDir: string): string {
  const file = join(workspaceDir, LEAD_DB_FILE);
  if (!existsSync(file)) throw new UserError('HUB_NOT_INITIALISED', { path: workspaceDir });
  const db = openDatabase(file, { migrations: LEAD_MIGRATIONS });
  try {
    const config = readConfig(db);
    if (!config) throw new UserError('HUB_NOT_INITIALISED', { path: workspaceDir });
    return config.team;
  } finally {
    db.close();
  }
}

interface PreparedTls {
  readonly identity: { readonly cert: string; readonly key: string };
  readonly caName: string;
  readonly certDer: Uint8Array;
  readonly caCreated: boolean;
  readonly names: readonly string[];
  readonly renewed: boolean;
}

/** The team's CA (made once) and a server certificate for today's addresses. */
async function prepareTls(options: HubOptions, team: string, lan: readonly string[]): Promise<PreparedTls> {
  const now = new Date();
  const ca = await ensureLocalCa(options.workspaceDir, team, now);
  const names = certificateNames(options.host, lan);
  const server = await ensureServerCert(options.workspaceDir, ca, names, now);
  return {
    identity: { cert: server.cert, key: server.key },
    caName: ca.cert.subjectName.getField('CN')[0] ?? caName(team),
    certDer: ca.certDer,
    caCreated: ca.created,
    names: [...names.ips, ...names.dns],
    renewed: server.renewed || ca.created,
  };
}
