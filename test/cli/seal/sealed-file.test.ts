import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { openSealedFile, sealToFile } from '../../../cli/seal/sealed-file.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import type { Bytes } from '../../../shared/seal/bytes.ts';
import { makeTeam, sampleBatch, sealOptionsFor, type SampleBatch, type Team } from '../../shared/seal/seal-fixtures.ts';
import { flipByte, layoutOf } from './file-layout.ts';

describe('sealed batch files on disk', () => {
  let dir: string;
  let team: Team;
  let batch: SampleBatch;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-seal-file-'));
    team = await makeTeam();
    // A 2.5 MiB photo spans three 1 MiB chunks; the small ones share chunks with records.
    batch = await sampleBatch(30, [2.5 * 1024 * 1024, 150_000, 150_000]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = (path: string) => openSealedFile(path, { lead: team.lead, teamId: team.teamId, devices: team.devices });

  it('seals in the phone code, writes the file, and the importer gets identical records and attachments', async () => {
    const path = join(dir, 'lo-ho-so.langso');
    const sealed = await sealToFile(path, { ...sealOptionsFor(team), items: batch.items });
    if (!sealed.ok) throw new Error(sealed.code);
    expect((await stat(path)).size).toBe(sealed.value.bytes);
    expect(sealed.value.chunks).toBeGreaterThanOrEqual(3);

    const opened = await open(path);
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.value.file.summary.fileId).toBe(sealed.value.fileId);
    const records: WireRecord[] = [];
    const attachments = new Map<string, Bytes>();
    const delivered = await opened.value.file.deliver({
      record: (record) => void records.push(record),
      attachment: (sha256, bytes) => void attachments.set(sha256, bytes),
    });
    expect(delivered).toEqual({ ok: true, value: { records: 30, attachments: 3 } });
    expect(records).toEqual(batch.records);
    for (const a of batch.attachments) {
      // Buffer.equals rather than toEqual: a readable diff of 2.5 MiB helps nobody.
      expect(Buffer.from(attachments.get(a.sha256) ?? []).equals(a.bytes), a.sha256).toBe(true);
    }
  });

  it('writes owner-only files and leaves no temp file behind', async () => {
    const path = join(dir, 'private.langso');
    await sealToFile(path, { ...sealOptionsFor(team), items: batch.items.slice(-2) });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no file at all when the input is refused', async () => {
    const path = join(dir, 'refused.langso');
    const record = { ...(batch.records[0] as WireRecord), hash: '0'.repeat(64) };
    const sealed = await sealToFile(path, { ...sealOptionsFor(team), items: [...batch.items.slice(0, 2), { kind: 'record', record }] });
    expect(sealed).toMatchObject({ ok: false, code: 'SEAL_INPUT_RECORD_HASH' });
    expect((await readdir(dir)).filter((name) => name.startsWith('refused') || name.includes('refused'))).toEqual([]);
  });

  it('answers FILE_NOT_FOUND for a path that does not exist', async () => {
    expect(await open(join(dir, 'missing.langso'))).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' });
  });

  it('stops delivery with SEAL_CHANGED_DURING_READ when the file is replaced between the passes', async () => {
    const path = join(dir, 'swapped.langso');
    await sealToFile(path, { ...sealOptionsFor(team), items: batch.items.slice(-3) });
    const opened = await open(path);
    if (!opened.ok) throw new Error(opened.code);
    await sealToFile(path, { ...sealOptionsFor(team), fileId: uuidv7(), items: batch.items.slice(-3) });
    let rows = 0;
    const delivered = await opened.value.file.deliver({ record: () => void (rows += 1), attachment: () => void (rows += 1) });
    expect(delivered).toMatchObject({ ok: false, code: 'SEAL_CHANGED_DURING_READ' });
    expect(rows).toBe(0);
  });

  it('stops delivery with SEAL_CHANGED_DURING_READ when a later chunk is damaged between the passes', async () => {
    const path = join(dir, 'edited.langso');
    await sealToFile(path, { ...sealOptionsFor(team), items: batch.items });
    const opened = await open(path);
    if (!opened.ok) throw new Error(opened.code);
    const bytes = await readFile(path);
    const lastChunk = layoutOf(bytes).chunks.at(-1);
    await writeFile(path, flipByte(bytes, (lastChunk?.start ?? 0) + 3));
    const delivered = await opened.value.file.deliver({ record: () => undefined, attachment: () => undefined });
    expect(delivered).toMatchObject({ ok: false, code: 'SEAL_CHANGED_DURING_READ' });
  });
});
