import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as v from 'valibot';
import { initWorkspace } from '../../../cli/workspace/init-workspace.ts';
import { withWorkspace } from '../../../cli/workspace/workspace-db.ts';
import { EnrolResponseSchema } from '../../../shared/sync/protocol.ts';
import type { Device } from '../protocol-server/harness.ts';
import { startHub, type HubOptions, type RunningHub } from '../../../cli/hub/start-hub.ts';

export const TEAM = 'Tổ ấp Tân Lợi';
export const COMMUNE = '32002';

/** `langso init` done in-process (the child-process tests run the real command). */
export async function initTestWorkspace(dir: string, team = TEAM): Promise<void> {
  await withWorkspace({ workspace: dir, env: {}, create: true }, ({ db }) => {
    initWorkspace(db, { team, communeCode: COMMUNE, force: false, at: '2026-11-27T02:00:00.000Z' }, dir);
  });
}

export const HASHED_ASSET = 'assets/index-AbCd1234.js';

/**
 * A small built PWA as vite lays one out, a secret beside it (what a traversal would reach), and
 * a symbolic link inside pointing at that secret.
 */
export function writeTestPwa(parent: string): { readonly pwaDir: string; readonly secret: string } {
  const pwaDir = join(parent, 'pwa');
  mkdirSync(join(pwaDir, 'assets'), { recursive: true });
  mkdirSync(join(pwaDir, 'icons'), { recursive: true });
  writeFileSync(join(pwaDir, 'index.html'), '<!doctype html><title>Làng số</title><script type="module" src="/assets/index-AbCd1234.js"></script>');
  writeFileSync(join(pwaDir, 'manifest.webmanifest'), JSON.stringify({ name: 'Làng số', start_url: '/', display: 'standalone' }));
  writeFileSync(join(pwaDir, 'sw.js'), `self.addEventListener('install', () => self.skipWaiting());\n${'// precache\n'.repeat(200)}`);
  writeFileSync(join(pwaDir, HASHED_ASSET), `console.log('app');\n${'export const x = 1;\n'.repeat(200)}`);
  writeFileSync(join(pwaDir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(join(pwaDir, '.env'), 'SECRET=1');
  const secret = join(parent, 'secret.txt');
  writeFileSync(secret, 'TOP SECRET outside the site');
  symlinkSync(secret, join(pwaDir, 'link.txt'));
  return { pwaDir, secret };
}

/** A phone enrolling with a one-time code over HTTP. */
export async function enrolPhone(url: string, code: string, deviceName = 'Điện thoại chị Lan'): Promise<Device> {
  const res = await fetch(`${url}/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
  const body = v.parse(EnrolResponseSchema, await res.json());
  return { deviceId: body.deviceId, token: body.token, teamId: body.teamId };
}

export interface LeadRow {
  id: string;
  type: string;
  rev: number;
  source: string;
  review_state: string;
  sync_state: string;
  valid: number;
  issues: string;
  full_name: string | null;
  hamlet: string | null;
  cccd: string | null;
  eid_level: number | null;
  procedure_code: string | null;
  training: number;
  updated_at: string;
}

/** The lead's records as the review queue holds them, read-only (the hub may be running: WAL). */
export function leadRows(workspaceDir: string): LeadRow[] {
  const db = new Database(join(workspaceDir, 'langso.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT id, type, rev, source, review_state, sync_state, valid, issues, full_name, hamlet, cccd, eid_level,
           procedure_code, training, updated_at FROM records ORDER BY id`,
      )
      .all() as LeadRow[];
  } finally {
    db.close();
  }
}

/** Waits until `check` holds (the hand-off runs just after a batch commits), or fails after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A plain-HTTP hub on 127.0.0.1 over a test workspace, with no app to serve and no LAN; a failed
 * hand-off to the lead's queue fails the test.
 */
export function startTestHub(workspaceDir: string, options: Partial<HubOptions> = {}): Promise<RunningHub> {
  return startHub({
    workspaceDir,
    host: '127.0.0.1',
    port: 0,
    https: false,
    pwaDir: undefined,
    corsOrigins: [],
    acceptTraining: false,
    codes: 1,
    lan: [],
    onIngest: () => {},
    onIngestError: (error) => {
      throw error;
    },
    log: () => {},
    ...options,
  });
}
