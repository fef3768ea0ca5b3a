import { describe, expect, it } from 'vitest';
import { checkFullName, normaliseName } from '../../../shared/validate/names.ts';
import { searchKey } from '../../../shared/domain/search-key.ts';

const NFC = 'Nguyễn Văn Đức';
const NFD = NFC.normalize('NFD');

describe('normaliseName', () => {
  it('turns NFD into NFC', () => {
    expect(NFD).not.toBe(NFC);
    expect(normaliseName(NFD)).toBe(NFC);
  });
  it('trims and keeps single spaces, tabs and no-break spaces included', () => {
    expect(normaliseName('  Trần\t Thị \u00a0 Mai  ')).toBe('Trần Thị Mai');
  });
  it('keeps the case the person wrote', () => {
    expect(normaliseName('ĐẶNG QUỐC BẢO')).toBe('ĐẶNG QUỐC BẢO');
  });
});

describe('searchKey', () => {
  it('nguyen van a finds NGUYỄN VĂN A', () => {
    expect(searchKey('NGUYỄN VĂN A')).toBe(searchKey('nguyen van a'));
  });
  it('a name in NFD finds its NFC twin', () => {
    expect(searchKey(NFD)).toBe(searchKey(NFC));
    expect(searchKey(NFD)).toBe('nguyen van duc');
  });
  it('folds đ and Đ to d, and ư/ơ/ô/ă/â/ê to their base letters', () => {
    expect(searchKey('Đặng Đình')).toBe('dang dinh');
    expect(searchKey('Ưng Ơn Ông Ăn Ân Êm')).toBe('ung on ong an an em');
  });
  it('collapses spaces', () => {
    expect(searchKey('  Lê   Thị  ')).toBe('le thi');
  });
});

describe('checkFullName', () => {
  it.each([
    ['a Kinh name', 'Nguyễn Thị Thu Trang'],
    ['a name in capitals', 'TRẦN VĂN HÙNG'],
    ['a name in lower case', 'lê văn tám'],
    ['an Ê Đê name with an apostrophe', "H'Hen Niê"],
    ['a Khmer name with a hyphen', 'Thạch Sô-phia'],
    ['a typographic apostrophe', 'Y’Thông Ksor'],
    ['a one-word name', 'Út'],
    ['a name in NFD (after normalising)', normaliseName(NFD)],
  ])('accepts %s', (_name, name) => {
    expect(checkFullName(name)).toEqual([]);
  });

  it('an empty name is NAME_REQUIRED', () => {
    expect(checkFullName('')).toEqual([{ field: 'fullName', code: 'NAME_REQUIRED' }]);
  });

  it.each([
    ['a digit', 'Nguyễn Văn 2', '2'],
    ['a CCCD pasted into the name', 'Lê Thị 096185', '0 9 6 1 8'],
    ['symbols', 'Trần @Văn#', '@ #'],
    ['a comma', 'Nguyễn, Văn A', ','],
    ['a dot', 'Nguyễn V. A', '.'],
  ])('refuses %s, naming the characters', (_name, name, chars) => {
    expect(checkFullName(name)).toEqual([{ field: 'fullName', code: 'NAME_CHARS', params: { chars } }]);
  });

  it('refuses punctuation with no letter at all', () => {
    expect(checkFullName("'-'")[0]?.code).toBe('NAME_CHARS');
  });
});
