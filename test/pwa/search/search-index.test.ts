import { describe, expect, it } from 'vitest';
import { indexEntryOf, recordSearchKey, SearchIndex } from '../../../pwa/search/search-index.ts';
import type { StoredRecord } from '../../../pwa/store/types.ts';
import type { RecordEnvelope } from '../../../shared/domain/records.ts';
import { household, resident } from '../helpers/records.ts';

function stored(envelope: RecordEnvelope, householdId: string): StoredRecord {
  return { id: envelope.id, type: envelope.type, rev: 1, status: 'queued', householdId, updatedAt: envelope.updatedAt, searchKey: recordSearchKey(envelope), envelope };
}

function indexOf(records: StoredRecord[]): SearchIndex {
  const index = new SearchIndex();
  for (const record of records) {
    const entry = indexEntryOf(record);
    if (entry) index.upsert(entry);
  }
  return index;
}

describe('household search', () => {
  const home = household({ payload: { headName: 'NGUYỄN VĂN A', address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Đầm Dơi' } } });
  const person = resident(home.id);
  const member = resident(home.id, {
    payload: { ...person.payload, fullName: 'Đặng Thị Bé', cccd: '096192654321', phone: '0912345678' },
  });
  const other = household({ payload: { headName: 'Lê Văn Tư', address: { provinceCode: '96', communeCode: '32002', hamlet: 'Khóm 3' } } });
  const index = indexOf([stored(home, home.id), stored(member, home.id), stored(other, other.id)]);

  it('forgives case and accents, and folds đ to d', () => {
    expect(index.search('nguyen van a', 10)).toEqual([home.id]);
    expect(index.search('dang thi be', 10)).toEqual([home.id]);
    expect(index.search('ĐẦM DƠI', 10)).toEqual([home.id]);
  });

  it('finds a household by a member’s ID number or phone, typed with or without spaces', () => {
    expect(index.search('096192654321', 10)).toEqual([home.id]);
    expect(index.search('0912 345 678', 10)).toEqual([home.id]);
    expect(index.search('5432', 10)).toEqual([home.id]);
  });

  it('needs every word to match, and lists each household once', () => {
    expect(index.search('khom 3', 10)).toEqual([other.id]);
    expect(index.search('van', 10).sort()).toEqual([home.id, other.id].sort());
    expect(index.search('van xyz', 10)).toEqual([]);
    expect(index.search('   ', 10)).toEqual([]);
  });

  it('keeps a changed record current instead of adding it twice', () => {
    const renamed = { ...other, payload: { ...other.payload, headName: 'Lê Văn Năm' } };
    index.upsert({ id: other.id, householdId: other.id, key: recordSearchKey(renamed) });
    expect(index.search('le van tu', 10)).toEqual([]);
    expect(index.search('le van nam', 10)).toEqual([other.id]);
    expect(index.size).toBe(3);
  });

  it('gives the newest households first and stops at the limit', () => {
    const many = new SearchIndex();
    for (let n = 0; n < 1000; n += 1) many.upsert({ id: `r${n}`, householdId: `h${Math.floor(n / 4)}`, key: `nguyen van ${n} ap ${n % 7}` });
    expect(many.search('nguyen', 3)).toEqual(['h249', 'h248', 'h247']);
    expect(many.search('996 van', 5)).toEqual(['h249']);
    // "10" is in residents 910, 810, 710…: the two newest, in households 227 and 202.
    expect(many.search('van 10 ap', 2)).toEqual(['h227', 'h202']);
    expect(many.search('999', 5)).toEqual(['h249']);
  });
});
