import type { ServerEvent } from '../../../cli/protocol-server/server-event.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { Consent } from '../../../shared/domain/consent.ts';
import type { RecordType } from '../../../shared/domain/records.ts';
import { hashPayload, sha256Hex } from '../../../shared/sync/canonical.ts';
import type { BatchRequest, WireRecord } from '../../../shared/sync/protocol.ts';
import type { CatalogSource } from '../../../cli/protocol-server/catalog.ts';
import type { SandboxPolicy } from '../../../cli/sandbox/province-policy.ts';
import { startSandbox, type RunningSandbox } from '../../../cli/sandbox/sandbox.ts';
import { createTeam } from '../../../cli/protocol-server/teams.ts';
import { cryptoRandom, type Clock } from '../../../cli/protocol-server/runtime.ts';

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-27T02:00:00Z')): ManualClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface TestServer extends RunningSandbox {
  readonly dir: string;
  readonly dbFile: string;
  readonly clock: ManualClock;
  /** Creates a team and enrols one device in it over HTTP. */
  enrol(teamName?: string): Promise<Device>;
  /** Closes the server and removes its folder. */
  dispose(): Promise<void>;
}

export interface Device {
  readonly deviceId: string;
  readonly token: string;
  readonly teamId: string;
}

export const SMALL_CATALOG: CatalogSource = {
  procedures: [{ code: '1.001193', name: 'Đăng ký khai sinh', level: 'Cấp xã', online: true }],
  communes: [{ code: '32002', name: 'An Xuyên', type: 'Phường' }],
};

/** A real sandbox on 127.0.0.1, port 0, over a SQLite file in a fresh temp folder. */
export async function startTestServer(
  options: { policy?: Partial<SandboxPolicy>; clock?: ManualClock; dir?: string; catalog?: CatalogSource; onEvent?: (event: ServerEvent) => void } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'langso-sandbox-'));
  const dbFile = join(dir, 'sandbox.db');
  const clock = options.clock ?? manualClock();
  const sandbox = await startSandbox({
    dbFile,
    host: '127.0.0.1',
    port: 0,
    clock,
    catalog: options.catalog ?? SMALL_CATALOG,
    policy: { decideTickMs: 3_600_000, ...options.policy },
    log: () => {},
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return {
    ...sandbox,
    dir,
    dbFile,
    clock,
    async enrol(teamName = 'Tổ ấp Tân Lợi') {
      const team = createTeam(sandbox.db, teamName, clock, cryptoRandom);
      const res = await fetch(`${sandbox.url}/v1/devices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: team.code }),
      });
      if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { deviceId: string; token: string; teamId: string };
      return { deviceId: body.deviceId, token: body.token, teamId: body.teamId };
    },
    async dispose() {
      await sandbox.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ADDRESS = { provinceCode: '96', communeCode: '32002', hamlet: 'Khóm 3', house: '12' } as const;

export function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    textVersion: 'dong-y-v1',
    purposes: ['eid_registration'],
    dataCategories: ['identity', 'contact'],
    processor: 'UBND phường An Xuyên',
    rightsShown: true,
    givenAt: '2026-11-20T03:00:00.000Z',
    method: 'tick',
    subjectName: 'Trần Thị Mai',
    volunteerId: 'tnv-01',
    ...overrides,
  };
}

/** Synthetic payloads that pass the domain schemas. */
export function samplePayload(type: RecordType, extra: Record<string, unknown> = {}): Record<string, unknown> {
  switch (type) {
    case 'household':
      return { address: ADDRESS, headName: 'Trần Văn Hùng', ...extra };
    case 'resident':
      return {
        fullName: 'Trần Thị Mai',
        dateOfBirth: '1990-05-01',
        sex: 'female',
        cccd: '096190012345',
        phone: '0912345678',
        address: ADDRESS,
        ...extra,
      };
    case 'eid':
      return { residentId: uuidv7(), level: 2, ownPhone: '0912345678', chipCardInHand: true, status: 'sent', ...extra };
    case 'dossier':
      return {
        procedureCode: '1.001193',
        applicantResidentId: uuidv7(),
        formValues: { tenTre: 'Trần Minh Khôi' },
        documents: [],
        authMethod: 'sms_otp',
        status: 'sent',
        ...extra,
      };
  }
}

/** A wire record with its hash computed over the payload, as a device would send it. */
export async function wireRecord(
  type: RecordType,
  overrides: Partial<WireRecord> & { payload?: unknown } = {},
): Promise<WireRecord> {
  const payload = overrides.payload ?? samplePayload(type);
  return {
    id: uuidv7(),
    type,
    rev: 1,
    hash: await hashPayload(payload),
    payload,
    attachments: [],
    consent: consent(),
    createdAt: '2026-11-20T03:00:00.000Z',
    updatedAt: '2026-11-20T03:00:00.000Z',
    training: false,
    ...overrides,
  };
}

export function batchOf(device: Device, records: readonly WireRecord[], batchId = uuidv7()): BatchRequest {
  return { protocol: 1, batchId, deviceId: device.deviceId, records: [...records] };
}

export function postBatch(
  url: string,
  device: Device,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const key =
    options.key === null
      ? undefined
      : (options.key ?? (typeof body === 'object' && body !== null && 'batchId' in body ? String(body.batchId) : undefined));
  return fetch(`${url}/v1/batches`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${device.token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function putAttachment(
  url: string,
  device: Device,
  bytes: Uint8Array<ArrayBuffer>,
  name?: string,
): Promise<Response> {
  const sha256 = name ?? (await sha256Hex(bytes));
  return fetch(`${url}/v1/attachments/${sha256}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

export function getUpdates(url: string, device: Device, query = ''): Promise<Response> {
  return fetch(`${url}/v1/updates${query}`, { headers: { authorization: `Bearer ${device.token}` } });
}

/** Every 4xx/5xx body is `{code, message}`. */
export async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { code: string; message: string };
  return { status: res.status, code: body.code, message: body.message };
}
