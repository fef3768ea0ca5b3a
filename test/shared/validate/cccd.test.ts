import { describe, expect, it } from 'vitest';
import { checkCccd, decodeDigit4, normaliseCccd } from '../../../shared/validate/cccd.ts';
import { formatIssue } from '../../../shared/validate/format-issue.ts';

const codes = (raw: string, context: Parameters<typeof checkCccd>[1] = {}) => checkCccd(raw, context).map((i) => i.code);

describe('checkCccd', () => {
  it.each([
    ['a Cà Mau man born 1978', '096078584845', { dateOfBirth: '1978-03-12', sex: 'male' as const }],
    ['a Cà Mau woman born 1985', '096185086719', { dateOfBirth: '1985-07-21', sex: 'female' as const }],
    ['a boy born 2001 (digit 2)', '096201677217', { dateOfBirth: '2001-11-02', sex: 'male' as const }],
    ['a girl born 2004 (digit 3)', '096304878216', { dateOfBirth: '2004-06-05', sex: 'female' as const }],
    ['a Bạc Liêu (095) birth, still valid after the merger', '095192500806', { dateOfBirth: '1992-01-14', sex: 'female' as const }],
    ['a Hà Nội (001) birth', '001099000001', { dateOfBirth: '1999-01-01', sex: 'male' as const }],
    ['grouped with spaces as printed on the card', '096 0 78 584845', { dateOfBirth: '1978-03-12', sex: 'male' as const }],
    ['no context to compare with', '096078584845', {}],
  ])('accepts %s', (_name, cccd, context) => {
    expect(checkCccd(cccd, context)).toEqual([]);
  });

  it.each([
    ['11 digits', '09607858484', 'CCCD_FORMAT'],
    ['13 digits', '0960785848451', 'CCCD_FORMAT'],
    ['a letter inside', '09607858484A', 'CCCD_FORMAT'],
    ['dashes', '096-078-584845', 'CCCD_FORMAT'],
    ['empty', '', 'CCCD_FORMAT'],
    ['the old 9-digit CMND', '381234567', 'CCCD_LEGACY_CMND'],
    ['a province code that does not exist (097)', '097078584845', 'CCCD_PROVINCE'],
    ['a gap in the list (003)', '003078584845', 'CCCD_PROVINCE'],
    ['a first digit other than 0 (abroad)', '196078584845', 'CCCD_PROVINCE'],
  ])('refuses %s', (_name, cccd, code) => {
    expect(codes(cccd)).toEqual([code]);
  });

  it('says how many digits it counted and whether other characters were there', () => {
    expect(checkCccd('09607858484')[0]?.params).toEqual({ length: 11 });
    expect(checkCccd('09607858484A')[0]?.params).toEqual({ variant: 'chars', length: 11 });
    expect(checkCccd('196078584845')[0]?.params).toMatchObject({ variant: 'abroad', actual: '196' });
  });

  it('born 1999 with digit 3 (female, 2000s): names digit 4, its meaning and the right digit', () => {
    const [issue] = checkCccd('096399123457', { dateOfBirth: '1999-03-12', sex: 'female' });
    expect(issue).toEqual({
      field: 'cccd',
      code: 'CCCD_CENTURY_SEX',
      params: {
        variant: 'century',
        digit: 4,
        actual: 3,
        digitSex: 'female',
        from: 2000,
        to: 2099,
        expected: '1',
        sex: 'female',
        birthYear: 1999,
      },
    });
  });

  it('born before 1900 (a mistyped date): says no digit stands for that year, never a dash for the right digit', () => {
    const [issue] = checkCccd('096099123457', { dateOfBirth: '1899-03-12', sex: 'male' });
    expect(issue).toEqual({ field: 'cccd', code: 'CCCD_CENTURY_SEX', params: { variant: 'before1900', digit: 4, birthYear: 1899 } });
    const text = formatIssue('vi', issue ?? { field: 'cccd', code: 'CCCD_FORMAT' });
    expect(text).toContain('trước năm 1900');
    expect(text).not.toContain('–');
  });

  it('born 2000 needs digit 2 or 3; digit 0 or 1 is the previous century', () => {
    expect(codes('096200123456', { dateOfBirth: '2000-01-01', sex: 'male' })).toEqual([]);
    expect(codes('096300123456', { dateOfBirth: '2000-01-01', sex: 'female' })).toEqual([]);
    expect(codes('096000123456', { dateOfBirth: '2000-01-01', sex: 'male' })).toEqual(['CCCD_CENTURY_SEX']);
    expect(codes('096100123456', { dateOfBirth: '2000-01-01', sex: 'female' })).toEqual(['CCCD_CENTURY_SEX']);
  });

  it('a man with a female digit and a woman with a male digit are both caught', () => {
    const man = checkCccd('096187223344', { dateOfBirth: '1987-05-01', sex: 'male' });
    expect(man.map((i) => [i.code, i.params?.['variant'], i.params?.['expected']])).toEqual([
      ['CCCD_CENTURY_SEX', 'sex', '0'],
    ]);
    const woman = checkCccd('096287223344', { dateOfBirth: '2087-05-01', sex: 'female' });
    expect(woman.map((i) => [i.code, i.params?.['variant'], i.params?.['expected']])).toEqual([
      ['CCCD_CENTURY_SEX', 'sex', '3'],
    ]);
  });

  it('wrong sex and wrong century at once is one issue naming both', () => {
    const [issue] = checkCccd('096399123457', { dateOfBirth: '1999-03-12', sex: 'male' });
    expect(issue?.params).toMatchObject({ variant: 'both', expected: '0', sex: 'male', birthYear: 1999 });
  });

  it('without a birth date, a sex mismatch suggests the same century', () => {
    const [issue] = checkCccd('096187223344', { sex: 'male' });
    expect(issue?.params).toMatchObject({ variant: 'sex', expected: '0' });
    expect(issue?.params).not.toHaveProperty('birthYear');
  });

  it('digits 5–6 must be the last two digits of the birth year', () => {
    expect(checkCccd('096192556677', { dateOfBirth: '1993-10-20', sex: 'female' })).toEqual([
      { field: 'cccd', code: 'CCCD_YEAR', params: { digits: '5–6', actual: '92', expected: '93', birthYear: 1993 } },
    ]);
    expect(codes('096205123456', { dateOfBirth: '2005-01-01' })).toEqual([]);
  });

  it('reports province, century and year together when all three are wrong', () => {
    expect(codes('097398123456', { dateOfBirth: '1999-01-01', sex: 'female' })).toEqual([
      'CCCD_PROVINCE',
      'CCCD_CENTURY_SEX',
      'CCCD_YEAR',
    ]);
  });

  it('uses the field name it is given (e-form fields)', () => {
    expect(checkCccd('123', {}, 'motherCccd')[0]?.field).toBe('motherCccd');
  });
});

describe('decodeDigit4', () => {
  it.each([
    [0, 'male', 1900],
    [1, 'female', 1900],
    [2, 'male', 2000],
    [3, 'female', 2000],
    [4, 'male', 2100],
    [5, 'female', 2100],
    [6, 'male', 2200],
    [7, 'female', 2200],
    [8, 'male', 2300],
    [9, 'female', 2300],
  ])('digit %i is %s, born from %i', (digit, sex, from) => {
    expect(decodeDigit4(digit)).toEqual({ sex, from, to: from + 99 });
  });
});

describe('normaliseCccd', () => {
  it('removes spaces only', () => {
    expect(normaliseCccd(' 096 078 584 845 ')).toBe('096078584845');
    expect(normaliseCccd('096-078')).toBe('096-078');
  });
});
