import { describe, expect, it } from 'vitest';
import { findDuplicateCccds } from '../../../shared/validate/duplicates.ts';
import { validateResidentList } from '../../../shared/validate/resident-list.ts';

const pairs = (list: (string | undefined)[]) =>
  findDuplicateCccds(list).map((d) => [d.index, d.issue.code, d.issue.params?.['otherIndex']]);

describe('findDuplicateCccds', () => {
  it('flags both records of a pair, each naming the other', () => {
    expect(pairs(['096078584845', '096185086719', '096078584845'])).toEqual([
      [0, 'DUPLICATE_CCCD', 2],
      [2, 'DUPLICATE_CCCD', 0],
    ]);
  });

  it('names the other record 1-based for people too', () => {
    const [dup] = findDuplicateCccds(['096078584845', '096078584845']);
    expect(dup?.issue.params).toEqual({ otherIndex: 1, otherRecord: 2 });
  });

  it('in a group of three, the first names the second and the others name the first', () => {
    expect(pairs(['096078584845', '096078584845', '096078584845'])).toEqual([
      [0, 'DUPLICATE_CCCD', 1],
      [1, 'DUPLICATE_CCCD', 0],
      [2, 'DUPLICATE_CCCD', 0],
    ]);
  });

  it('sees through the spaces of a grouped number', () => {
    expect(pairs(['096 078 584845', '096078584845'])).toHaveLength(2);
  });

  it('ignores missing and malformed numbers (they have issues of their own)', () => {
    expect(pairs([undefined, '', '', '381234567', '381234567', '096185086719'])).toEqual([]);
  });
});

describe('validateResidentList', () => {
  const row = { fullName: 'Hồ Văn Tư', dateOfBirth: '01/02/1980', sex: 'nam', cccd: '096080389294', communeCode: '32206', hamlet: 'Ấp 13' };

  it('counts valid records and turns a duplicate into an issue of each record', () => {
    const result = validateResidentList([row, { ...row, hamlet: 'Ấp 14' }, { ...row, cccd: '' }], { today: '2026-01-15' });
    expect(result.records).toBe(3);
    expect(result.valid).toBe(1);
    expect(result.issues.map((i) => [i.index, i.issue.code])).toEqual([
      [0, 'DUPLICATE_CCCD'],
      [1, 'DUPLICATE_CCCD'],
    ]);
    expect(result.values.map((value) => value !== undefined)).toEqual([false, false, true]);
  });

  it('an empty list is valid', () => {
    expect(validateResidentList([], { today: '2026-01-15' })).toEqual({ records: 0, valid: 0, issues: [], values: [] });
  });
});
