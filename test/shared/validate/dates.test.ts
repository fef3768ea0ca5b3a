import { describe, expect, it } from 'vitest';
import { checkDateOfBirth, parseDate, todayInHoChiMinh } from '../../../shared/validate/dates.ts';

describe('parseDate', () => {
  it.each([
    ['1990-02-28', '1990-02-28'],
    ['28/02/1990', '1990-02-28'],
    ['5/6/2004', '2004-06-05'],
    ['05/6/2004', '2004-06-05'],
    [' 01/01/2000 ', '2000-01-01'],
    ['29/02/2000', '2000-02-29'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('%s → %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each([
    ['31 February', '31/02/1990'],
    ['29 February of a non-leap year', '29/02/1990'],
    ['29 February 1900 (not a leap year)', '29/02/1900'],
    ['31 April', '31/04/1990'],
    ['month 13', '01/13/1990'],
    ['day 0', '00/01/1990'],
    ['an ISO date that does not exist', '1990-02-30'],
    ['unpadded ISO', '1990-2-3'],
    ['a two-digit year', '01/02/90'],
    ['dots', '01.02.1990'],
    ['American order beyond 12', '12/31/1990'],
    ['a timestamp', '1990-02-01T00:00:00Z'],
    ['words', 'mùng 1 tháng 2'],
    ['empty', ''],
  ])('refuses %s', (_name, raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('todayInHoChiMinh', () => {
  it('is already the next day in Vietnam from 17:00 UTC', () => {
    expect(todayInHoChiMinh(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(todayInHoChiMinh(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});

describe('checkDateOfBirth', () => {
  const today = '2026-01-15';
  it('normalises to ISO', () => {
    expect(checkDateOfBirth('12/03/1999', today)).toEqual({ issues: [], value: '1999-03-12' });
  });
  it('accepts a baby born today', () => {
    expect(checkDateOfBirth('15/01/2026', today).issues).toEqual([]);
  });
  it('refuses tomorrow as DOB_FUTURE', () => {
    expect(checkDateOfBirth('16/01/2026', today).issues).toEqual([
      { field: 'dateOfBirth', code: 'DOB_FUTURE', params: { value: '2026-01-16', today } },
    ]);
  });
  it('refuses 31/02/1990 as DOB_FORMAT, quoting what was typed', () => {
    expect(checkDateOfBirth('31/02/1990', today).issues).toEqual([
      { field: 'dateOfBirth', code: 'DOB_FORMAT', params: { value: '31/02/1990' } },
    ]);
  });
  it('refuses an empty date with its own wording', () => {
    expect(checkDateOfBirth('  ', today).issues[0]?.params).toEqual({ variant: 'empty', value: '' });
  });
});
