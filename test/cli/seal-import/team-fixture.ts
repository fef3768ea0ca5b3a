import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import * as v from 'valibot';
import { expect } from 'vitest';
import { sealToFile } from '../../../cli/seal/sealed-file.ts';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/seal/keys.ts';
import type { SealItem } from '../../../shared/seal/seal.ts';
import { hashPayload } from '../../../shared/sync/canonical.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { attachment, residentRecord } from '../../shared/seal/seal-fixtures.ts';
import { EnrolResponseSchema, TeamLeadKeysSchema, type TeamLeadKeys } from '../../../shared/sync/protocol.ts';
import { startHubProcess } from '../hub/hub-process.ts';
import { langso, parseJson, readDb } from '../helpers/lead-cli.ts';
import { LeadPublicKeysSchema, type LeadPublicKeys } from '../../../shared/sync/public-keys.ts';

export const TEAM = 'Tổ CNS ấp Tân Hưng';

const HubReadySchema = v.object({ url: v.string(), teamId: v.string(), codes: v.array(v.string()) });
const CatalogLeadKeysSchema = v.object({ leadKeys: TeamLeadKeysSchema, leadPublicKey: v.record(v.string(), v.unknown()) });

/** A lead's workspace with its keys, and one phone enrolled with its hub, as a field team has them. */
export interface EnrolledTeam {
  readonly workspace: string;
  readonly teamId: string;
  readonly deviceId: string;
  readonly device: DeviceKeys;
  /** What the phone received at enrolment (and found again in the catalog). */
  readonly leadKeys: TeamLeadKeys;
  /** The same, as the sealing code takes them. */
  readonly recipient: LeadPublicKeys;
  /** What `langso init --json` printed. */
  readonly fingerprint: string;
}

/**
 * `langso init` (keys made with the tests' passphrase), `langso hub` on 127.0.0.1, one phone
 * enrolled over HTTP with its own signing key, then the hub stopped: the phone is now somewhere
 * without network, and its work comes back as a file.
 */
export async function enrolledTeam(dir: string): Promise<EnrolledTeam> {
  const workspace = join(dir, 'ws');
  const init = await langso(['init', '--team', TEAM, '--commune', '32002', '--workspace', workspace, '--json']);
  expect(init.code, init.stderr).toBe(0);
  const { leadKeys: made } = parseJson<{ leadKeys: { fingerprint: string; encryptionKeyId: string } }>(init);

  const hub = await startHubProcess(workspace, ['--json', '--codes', '1'], /^\{/);
  try {
    const ready = v.parse(HubReadySchema, JSON.parse(hub.lines[0] ?? ''));
    const device = await generateDeviceKeys();
    const enrolled = await fetch(`${ready.url}/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: ready.codes[0], deviceName: 'Điện thoại chị Lan', publicKey: device.publicJwk }),
    });
    expect(enrolled.status).toBe(201);
    const answer = v.parse(EnrolResponseSchema, await enrolled.json());
    if (!answer.leadKeys) throw new Error('the hub handed out no lead keys at enrolment');
    expect(answer.leadKeys.encryptionKeyId).toBe(made.encryptionKeyId);

    const catalog = await fetch(`${ready.url}/v1/catalog`, { headers: { authorization: `Bearer ${answer.token}` } });
    const fromCatalog = v.parse(CatalogLeadKeysSchema, await catalog.json());
    expect(fromCatalog.leadKeys).toEqual(answer.leadKeys);
    expect(fromCatalog.leadPublicKey).toEqual(answer.leadKeys.encryption);

    return {
      workspace,
      teamId: answer.teamId,
      deviceId: answer.deviceId,
      device,
      leadKeys: answer.leadKeys,
      recipient: v.parse(LeadPublicKeysSchema, answer.leadKeys),
      fingerprint: made.fingerprint,
    };
  } finally {
    await hub.stop();
  }
}

/** Seals `items` as the phone does and writes the `.langso` file; overrides make foreign files. */
export async function sealFile(
  team: EnrolledTeam,
  path: string,
  items: readonly SealItem[],
  over: { readonly teamId?: string; readonly deviceId?: string; readonly device?: DeviceKeys; readonly recipient?: LeadPublicKeys } = {},
): Promise<{ readonly path: string; readonly fileId: string }> {
  const fileId = uuidv7();
  const sealed = await sealToFile(path, {
    items,
    recipient: over.recipient ?? team.recipient,
    device: { deviceId: over.deviceId ?? team.deviceId, keys: over.device ?? team.device },
    teamId: over.teamId ?? team.teamId,
    fileId,
    createdAt: '2026-02-02T09:30:00.000Z',
    // Small chunks: a few records and photos already span many of them.
    chunkSize: 16 * 1024,
  });
  if (!sealed.ok) throw new Error(sealed.code);
  return { path, fileId };
}

/** Every row a sealed import may write, counted straight from langso.db. */
export function rowCounts(workspace: string): Record<string, number> {
  return readDb(workspace, (db) =>
    Object.fromEntries(
      ['records', 'imports', 'attachments', 'sealed_files', 'sealed_receipts', 'outbox'].map((table) => [
        table,
        db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
      ]),
    ),
  );
}

/** Made-up people (no real person): letters-only names, CCCDs of the Cà Mau range, born 2003. */
const NAMES = ['Nguyễn Văn Thử', 'Trần Thị Mẫu', 'Lê Văn Giả', 'Phạm Thị Tập', 'Võ Văn Huấn', 'Đặng Thị Diễn'];

/** A resident record as the phone's outbox holds it, valid for the lead's checks. */
export async function phoneResident(index: number, attachments: readonly string[] = []): Promise<WireRecord> {
  const base = await residentRecord(index, attachments);
  const name = NAMES[index % NAMES.length] ?? 'Nguyễn Văn Thử';
  const payload = { ...(base.payload as Record<string, unknown>), fullName: name, cccd: `0962030012${String(index).padStart(2, '0')}` };
  const consent = base.consent === null ? null : { ...base.consent, subjectName: name };
  return { ...base, payload, hash: await hashPayload(payload), consent };
}

export interface PhoneBatch {
  readonly records: readonly WireRecord[];
  readonly attachments: readonly { readonly sha256: string; readonly bytes: Uint8Array }[];
  readonly items: readonly SealItem[];
}

/** `count` records; the first ones carry a photo each, of the given sizes. */
export async function phoneBatch(count: number, photoSizes: readonly number[], firstIndex = 1): Promise<PhoneBatch> {
  const attachments = await Promise.all(photoSizes.map((size, i) => attachment(size, firstIndex * 100 + i)));
  const records = await Promise.all(
    Array.from({ length: count }, (_, i) => phoneResident(firstIndex + i, attachments[i] ? [attachments[i].sha256] : [])),
  );
  const items: SealItem[] = [
    ...attachments.map((a): SealItem => ({ kind: 'attachment', sha256: a.sha256, bytes: a.bytes })),
    ...records.map((record): SealItem => ({ kind: 'record', record })),
  ];
  return { records, attachments, items };
}
