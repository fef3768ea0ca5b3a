/**
 * Runs in the browser for bench/pwa.bench.ts: the app's own store and search code over real
 * IndexedDB, timed with performance.now() inside the (CPU-throttled) page.
 */
import { LangsoDb } from '../../../pwa/store/db.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { loadSearchIndex, recordSearchKey, type SearchIndex } from '../../../pwa/search/search-index.ts';
import { newRecord, type Author } from '../../../pwa/records/envelope.ts';
import type { Consent } from '../../../shared/domain/consent.ts';
import type { RecordEnvelope } from '../../../shared/domain/records.ts';
import type { StoredRecord } from '../../../pwa/store/types.ts';
import { seededRandom } from '../../../shared/random/seeded-random.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thạch', 'Danh', 'Lâm', 'Quách', 'Tô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hoàng', 'Thanh', 'Hữu', 'Kim', 'Quốc', 'Mỹ'];
const GIVEN = ['An', 'Bảo', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Lợi', 'Phúc', 'Tâm', 'Anh', 'Bích', 'Hằng', 'Hoa', 'Lan', 'Linh', 'Mai', 'Nhung', 'Thảo', 'Út'];
const HAMLETS = [...Array.from({ length: 12 }, (_, i) => `Ấp ${i + 1}`), 'Ấp Tân Lợi', 'Khóm 3', 'Ấp Đầm Dơi', 'Ấp Cái Nước'];


const consent: Consent = {
  textVersion: 'langso-consent-2026-01-vi',
  purposes: ['household_register'],
  dataCategories: ['identity', 'contact', 'address', 'household'],
  processor: 'Tổ công nghệ số cộng đồng',
  rightsShown: true,
  givenAt: '2026-03-01T08:00:00.000Z',
  method: 'tick',
  subjectName: 'Người Thử',
  volunteerId: 'bench',
};

const author = (): Author => ({ deviceId: 'bench-device', training: false, now: new Date() });

/** Synthetic households of four, seeded: the same people on every run. */
function* people(count: number, seed: number): Generator<RecordEnvelope> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let n = 0; n < count; n += 4) {
    const hamlet = pick(HAMLETS);
    const address = { provinceCode: '96' as const, communeCode: '32002', hamlet };
    const head = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const home = newRecord('household', { headName: head, address }, consent, author());
    yield home;
    for (let m = 0; m < 4 && n + m < count; m += 1) {
      const year = 1940 + Math.floor(random() * 80);
      const female = random() < 0.5;
      const digit4 = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
      yield newRecord(
        'resident',
        {
          householdId: home.id,
          relationship: m === 0 ? 'head' : 'child',
          fullName: m === 0 ? head : `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
          dateOfBirth: `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
          sex: female ? 'female' : 'male',
          cccd: `096${digit4}${String(year % 100).padStart(2, '0')}${String(n + m).padStart(6, '0')}`,
          phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
          address,
        },
        consent,
        author(),
      );
    }
  }
}

function stored(record: RecordEnvelope): StoredRecord {
  const householdId = record.type === 'resident' ? record.payload.householdId : record.id;
  return { id: record.id, type: record.type, rev: 1, status: 'queued', updatedAt: record.updatedAt, searchKey: recordSearchKey(record), envelope: record, ...(householdId ? { householdId } : {}) };
}

/** Saves `count` residents one by one, as the form does; the time of each save. */
async function saves(count: number): Promise<number[]> {
  const db = new LangsoDb(`bench-save-${Date.now()}`);
  const times: number[] = [];
  let n = 0;
  for (const record of people(count + 40, 11)) {
    const started = performance.now();
    await saveRecord(db, { record, searchKey: recordSearchKey(record), at: new Date().toISOString() });
    if (n >= 40 && record.type === 'resident') times.push(performance.now() - started);
    n += 1;
    if (times.length >= count) break;
  }
  await db.delete();
  return times;
}

/** 50,000 residents in IndexedDB; the index load, then each query's time. */
async function search(residents: number, queries: readonly string[]): Promise<{ loadMs: number; rows: number; times: number[]; hits: number[] }> {
  const db = new LangsoDb(`bench-search-${Date.now()}`);
  let batch: StoredRecord[] = [];
  const flush = async () => {
    await db.records.bulkPut(batch);
    await db.searchKeys.bulkPut(batch.filter((r) => r.type === 'household' || r.type === 'resident').map((r) => ({ id: r.id, householdId: r.householdId ?? r.id, key: r.searchKey })));
    batch = [];
  };
  for (const record of people(residents, 23)) {
    batch.push(stored(record));
    if (batch.length === 5000) await flush();
  }
  await flush();
  db.close();
  const reopened = new LangsoDb(db.name);
  const started = performance.now();
  const index: SearchIndex = await loadSearchIndex(reopened.searchKeys);
  const loadMs = performance.now() - started;
  const times: number[] = [];
  const hits: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const query of queries) {
      const t0 = performance.now();
      const found = index.search(query, 30);
      times.push(performance.now() - t0);
      if (round === 0) hits.push(found.length);
    }
  }
  await reopened.delete();
  return { loadMs, rows: index.size, times, hits };
}

(globalThis as unknown as { langsoBench: unknown }).langsoBench = { saves, search };
