import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceiptFile } from '../../../shared/seal/receipts.ts';
import type { SealItem } from '../../../shared/seal/seal.ts';
import { langso, parseJson, readDb, scratch } from '../helpers/lead-cli.ts';
import { enrolledTeam, phoneBatch, phoneResident, rowCounts, sealFile, type EnrolledTeam, type PhoneBatch } from './team-fixture.ts';

const SealedResultSchema = v.object({
  files: v.array(
    v.object({
      kind: v.literal('sealed'),
      source: v.string(),
      records: v.number(),
      new: v.number(),
      changed: v.number(),
      unchanged: v.number(),
      duplicate: v.number(),
      invalid: v.number(),
      importId: v.nullable(v.string()),
      sealed: v.object({
        fileId: v.string(),
        deviceId: v.string(),
        deviceName: v.nullable(v.string()),
        fingerprint: v.string(),
        attachments: v.number(),
        replayed: v.boolean(),
        code: v.optional(v.string()),
        message: v.optional(v.string()),
      }),
    }),
  ),
  failed: v.array(v.object({ file: v.string(), code: v.string(), message: v.string() })),
});

const StatusSchema = v.object({ byType: v.array(v.object({ type: v.string(), total: v.number(), pending: v.number() })) });

const tmp = scratch('seal-import-round-trip');
afterAll(() => tmp.dispose());

let team: EnrolledTeam;
let batch: PhoneBatch;

// Each CLI start costs a second or more (plus a key derivation per import): one team for the file.
describe('a phone’s sealed batch file, imported by the team lead', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    team = await enrolledTeam(tmp.dir);
    // A 1.5 MB portrait spans many chunks.
    batch = await phoneBatch(4, [1_500_000, 150_000]);
  });

  it('verifies and stores every record and photo, with who sent it, in one import', async () => {
    const { path, fileId } = await sealFile(team, join(tmp.dir, 'lo-ho-so-chi-lan.langso'), batch.items);
    const before = rowCounts(team.workspace);
    const run = await langso(['import', path, '--workspace', team.workspace, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [file] = v.parse(SealedResultSchema, parseJson(run)).files;
    expect(file).toMatchObject({ records: 4, new: 4, changed: 0, unchanged: 0, invalid: 0, source: 'Điện thoại chị Lan' });
    expect(file?.sealed).toMatchObject({ fileId, deviceId: team.deviceId, attachments: 2, replayed: false });
    expect(file?.sealed.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);

    expect(rowCounts(team.workspace)).toEqual({ ...before, records: 4, imports: 1, attachments: 2, sealed_files: 1, sealed_receipts: 4 });
    const stored = readDb(team.workspace, (db) => db.prepare('SELECT sha256, bytes FROM attachments ORDER BY length(bytes) DESC').all()) as {
      sha256: string;
      bytes: Buffer;
    }[];
    expect(stored.map((row) => row.sha256)).toEqual(batch.attachments.map((a) => a.sha256));
    // Byte for byte (a deep equal of 1.5 MB would take the test's whole time budget).
    stored.forEach((row, i) => expect(row.bytes.equals(batch.attachments[i]?.bytes ?? new Uint8Array()), row.sha256).toBe(true));
    const sources = readDb(team.workspace, (db) => db.prepare('SELECT DISTINCT source, device_id FROM records').all());
    expect(sources).toEqual([{ source: `sealed:${team.deviceId}`, device_id: team.deviceId }]);

    const status = await langso(['status', '--workspace', team.workspace, '--json']);
    expect(status.code).toBe(0);
    expect(v.parse(StatusSchema, parseJson(status)).byType).toEqual([expect.objectContaining({ type: 'resident', total: 4, pending: 4 })]);
    // The photos parked between reading and storing are gone.
    expect(readdirSync(join(team.workspace, 'tmp'))).toEqual([]);
  });

  it('says "nothing new" for the same file again: exit 0, not a single row written', async () => {
    const path = join(tmp.dir, 'lo-ho-so-chi-lan.langso');
    const before = rowCounts(team.workspace);
    const run = await langso(['import', path, '--workspace', team.workspace, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [file] = v.parse(SealedResultSchema, parseJson(run)).files;
    expect(file).toMatchObject({ new: 0, changed: 0, unchanged: 4, importId: null });
    expect(file?.sealed).toMatchObject({ replayed: true, code: 'SEAL_REPLAYED' });
    expect(file?.sealed.message).toContain('không có gì mới');
    expect(rowCounts(team.workspace)).toEqual(before);

    const human = await langso(['--lang', 'en', 'import', path, '--workspace', team.workspace]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('was imported before: nothing new');
  });

  it('takes the next file of the same phone, which still carries the records it has no receipt for', async () => {
    const extra = await phoneResident(5);
    const items: SealItem[] = [...batch.items, { kind: 'record', record: extra }];
    const { path } = await sealFile(team, join(tmp.dir, 'lo-ho-so-chi-lan-2.langso'), items);
    const run = await langso(['import', path, '--workspace', team.workspace, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(v.parse(SealedResultSchema, parseJson(run)).files[0]).toMatchObject({ records: 5, new: 1, unchanged: 4 });
    expect(rowCounts(team.workspace)).toMatchObject({ records: 5, attachments: 2, sealed_files: 2, sealed_receipts: 5 });
  });

  it('exports the phone’s receipts, signed by the lead, which the phone verifies with the key it got at enrolment', async () => {
    const out = join(tmp.dir, 'bien-nhan-chi-lan.json');
    const run = await langso(['receipts', 'export', '--device', team.deviceId, '--out', out, '--workspace', team.workspace, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ deviceId: team.deviceId, teamId: team.teamId, receipts: 5 });

    const file: unknown = JSON.parse(readFileSync(out, 'utf8'));
    const verified = await verifyReceiptFile(file, { lead: team.recipient, teamId: team.teamId, deviceId: team.deviceId });
    if (!verified.ok) throw new Error(verified.code);
    const ids = readDb(team.workspace, (db) => db.prepare('SELECT id, rev FROM records ORDER BY id').all());
    expect([...verified.value.receipts].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (ids as { id: string; rev: number }[]).map((r) => ({ ...r, status: 'accepted' })),
    );
    // Another phone cannot take it for its own.
    expect(await verifyReceiptFile(file, { lead: team.recipient, teamId: team.teamId, deviceId: 'another-phone' })).toMatchObject({
      ok: false,
      code: 'SEAL_RECEIPT_OTHER_DEVICE',
    });
  });

  it('refuses receipts for a device it has no batch from, naming the devices it has', async () => {
    const run = await langso(['receipts', 'export', '--device', 'dien-thoai-khac', '--out', join(tmp.dir, 'x.json'), '--workspace', team.workspace]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dien-thoai-khac');
    expect(run.stderr).toContain(team.deviceId);
  });
});
