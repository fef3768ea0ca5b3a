import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, langso, parseJson, PEOPLE, readDb, scratch } from '../helpers/lead-cli.ts';
import { withoutIds } from '../../helpers/masked-output.ts';

const tmp = scratch('lead-review');
const ws = join(tmp.dir, 'ws');
afterAll(() => tmp.dispose());

interface Item {
  id: string;
  fullName: string | null;
  cccd: string | null;
  valid: boolean;
  issues: { code: string }[];
  duplicates: { kind: string; id: string; fullName: string; source: string }[];
}

const idOf = (name: string): string =>
  readDb(ws, (db) => db.prepare('SELECT id FROM records WHERE full_name = ?').pluck().get(name) as string);
const stateOf = (name: string) =>
  readDb(ws, (db) => db.prepare('SELECT review_state, review_reason, sync_state FROM records WHERE full_name = ?').get(name));

beforeAll(async () => {
  expect((await langso(['init', '--team', 'Tổ Tân Hòa', '--commune', '32002', '--workspace', ws])).code).toBe(0);
  const lan = tmp.file('lan.csv', csv(PEOPLE.an, PEOPLE.binh, PEOPLE.cuong, PEOPLE.dung, PEOPLE.em));
  const hoa = tmp.file('hoa.csv', csv(PEOPLE.anTwin, PEOPLE.binhMaybe));
  expect((await langso(['import', lan, hoa, '--workspace', ws])).code).toBe(1);
});

describe('langso review (scripted)', () => {
  it('lists the records waiting, with their issues and possible duplicates beside them, IDs masked', async () => {
    const run = await langso(['review', '--list', '--json', '--workspace', ws]);
    expect(run.code).toBe(0);
    const { pending, records } = parseJson<{ pending: Record<string, number>; records: Item[] }>(run);
    expect(pending).toEqual({ pending: 7, invalid: 1, duplicates: 4, ready: 2 });
    const an = records.find((r) => r.fullName === 'Nguyễn Văn An');
    expect(an?.cccd).toBe('0960****3456');
    expect(an?.duplicates).toEqual([expect.objectContaining({ kind: 'duplicate', fullName: 'Nguyễn Văn Ân', source: 'hoa.csv' })]);
    const binh = records.find((r) => r.fullName === 'Trần Thị Bình');
    expect(binh?.duplicates).toEqual([expect.objectContaining({ kind: 'possible', fullName: 'TRẦN THỊ BÌNH' })]);
    expect(records.find((r) => r.fullName === 'Huỳnh Thị Em')?.issues.map((i) => i.code)).toEqual(['CCCD_YEAR']);
    const human = await langso(['review', '--list', '--workspace', ws]);
    expect(human.stdout).toContain('Có thể trùng');
    expect(withoutIds(human.stdout)).not.toMatch(/\d{10,}/);
  });

  it('--approve-all-valid approves the valid records with no twin and queues exactly them for sync', async () => {
    const run = await langso(['review', '--approve-all-valid', '--workspace', ws, '--json']);
    expect(run.code).toBe(0);
    const result = parseJson<{ approved: string[]; left: Record<string, number>; noConsent: number }>(run);
    expect(result.approved.sort()).toEqual([idOf('Lê Văn Cường'), idOf('Phạm Thị Dung')].sort());
    expect(result.noConsent).toBe(2);
    expect(result.left).toEqual({ pending: 5, invalid: 1, duplicates: 4, ready: 0 });
    const outbox = readDb(ws, (db) => db.prepare('SELECT id, rev, type, record FROM outbox ORDER BY id').all()) as {
      id: string;
      record: string;
    }[];
    expect(outbox.map((o) => o.id).sort()).toEqual(result.approved.sort());
    const wire = JSON.parse(outbox[0]?.record ?? '{}') as Record<string, unknown>;
    expect(wire).toMatchObject({ type: 'resident', rev: 1, attachments: [], consent: null, training: false });
    expect(wire['hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(stateOf('Lê Văn Cường')).toEqual({ review_state: 'approved', review_reason: null, sync_state: 'queued' });
  });

  it('rejects with a reason given by a unique id prefix, and approves the twin left', async () => {
    const twin = idOf('Nguyễn Văn Ân');
    const run = await langso(['review', '--reject', twin.slice(0, 30), '--reason', 'Trùng với hồ sơ của Lan', '--workspace', ws]);
    expect(run.code).toBe(0);
    expect(stateOf('Nguyễn Văn Ân')).toEqual({ review_state: 'rejected', review_reason: 'Trùng với hồ sơ của Lan', sync_state: 'local' });
    const approve = await langso(['review', '--approve', idOf('Nguyễn Văn An'), '--workspace', ws]);
    expect(approve.code).toBe(0);
    expect(stateOf('Nguyễn Văn An')).toMatchObject({ review_state: 'approved', sync_state: 'queued' });
    const audit = readDb(ws, (db) => db.prepare('SELECT decision, reason FROM reviews WHERE record_id = ?').all(twin));
    expect(audit).toEqual([{ decision: 'rejected', reason: 'Trùng với hồ sơ của Lan' }]);
  });

  it('refuses to approve an invalid record (exit 1) and a second record with an approved CCCD', async () => {
    const em = await langso(['review', '--approve', idOf('Huỳnh Thị Em'), '--workspace', ws, '--json']);
    expect(em.code).toBe(1);
    expect(parseJson<{ refused: { code: string }[] }>(em).refused).toEqual([expect.objectContaining({ code: 'LEAD_REVIEW_INVALID' })]);
    const twin = await langso(['review', '--approve', idOf('Nguyễn Văn Ân'), '--workspace', ws]);
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain(idOf('Nguyễn Văn An'));
    expect(stateOf('Huỳnh Thị Em')).toMatchObject({ review_state: 'pending', sync_state: 'local' });
  });

  it('exits 2 for a reject without reason, an unknown or ambiguous id, and --json without --list', async () => {
    const noReason = await langso(['review', '--reject', idOf('Trần Thị Bình'), '--workspace', ws]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const unknown = await langso(['review', '--approve', 'ffffffff', '--workspace', ws]);
    expect(unknown.code).toBe(2);
    const ambiguous = await langso(['review', '--approve', idOf('Trần Thị Bình').slice(0, 4), '--workspace', ws]);
    expect(ambiguous.code).toBe(2);
    expect((await langso(['review', '--json', '--workspace', ws])).code).toBe(2);
    expect((await langso(['review', '--bogus', '--workspace', ws])).code).toBe(2);
  });

  it('needs a terminal for the one-at-a-time review', async () => {
    const run = await langso(['review', '--workspace', ws]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--approve-all-valid');
  });
});
