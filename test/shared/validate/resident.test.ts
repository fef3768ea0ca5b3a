import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ResidentSchema } from '../../../shared/domain/records.ts';
import { formerCommuneHint } from '../../../shared/validate/former-commune-hint.ts';
import { validateResidentInput, type ResidentInput } from '../../../shared/validate/resident.ts';
import { parseSex } from '../../../shared/validate/sex.ts';

const today = '2026-01-15';
const good: ResidentInput = {
  fullName: '  Trần  Thị Mỹ Linh ',
  dateOfBirth: '21/07/1985',
  sex: 'nữ',
  cccd: '096 185 086719',
  phone: '+84 913 456 702',
  communeCode: ' 32047 ',
  hamlet: 'Ấp  Chín Tầng',
};
const codes = (input: ResidentInput) => validateResidentInput(input, { today }).issues.map((i) => i.code);

describe('validateResidentInput', () => {
  it('normalises a valid resident into Resident payload fields', () => {
    const result = validateResidentInput({ ...good, email: ' linh@example.com ', house: ' 12 ' }, { today });
    expect(result).toEqual({
      issues: [],
      value: {
        fullName: 'Trần Thị Mỹ Linh',
        dateOfBirth: '1985-07-21',
        sex: 'female',
        cccd: '096185086719',
        phone: '0913456702',
        email: 'linh@example.com',
        address: { provinceCode: '96', communeCode: '32047', hamlet: 'Ấp Chín Tầng', house: '12' },
      },
    });
  });

  it('produces values the domain schema accepts', () => {
    const { value } = validateResidentInput(good, { today });
    expect(v.safeParse(ResidentSchema, value).success).toBe(true);
  });

  it('a child may have no CCCD and no phone: the keys are left out', () => {
    const result = validateResidentInput({ ...good, dateOfBirth: '2019-04-10', cccd: '', phone: undefined }, { today });
    expect(result.issues).toEqual([]);
    expect(result.value).not.toHaveProperty('cccd');
    expect(result.value).not.toHaveProperty('phone');
  });

  it('checks the CCCD against the date of birth and sex of the same record', () => {
    expect(codes({ ...good, sex: 'nam' })).toEqual(['CCCD_CENTURY_SEX']);
    expect(codes({ ...good, dateOfBirth: '21/07/1986' })).toEqual(['CCCD_YEAR']);
  });

  it('does not compare the CCCD with a date it could not read', () => {
    expect(codes({ ...good, dateOfBirth: '31/02/1990' })).toEqual(['DOB_FORMAT']);
  });

  it.each([
    ['fullName', { fullName: '' }, 'NAME_REQUIRED'],
    ['fullName', { fullName: 'Lê Văn 3' }, 'NAME_CHARS'],
    ['dateOfBirth', { dateOfBirth: '' }, 'DOB_FORMAT'],
    ['dateOfBirth', { dateOfBirth: '01/01/2099' }, 'DOB_FUTURE'],
    ['sex', { sex: '' }, 'SEX_INVALID'],
    ['sex', { sex: 'M' }, 'SEX_INVALID'],
    ['cccd', { cccd: '381234567' }, 'CCCD_LEGACY_CMND'],
    ['phone', { phone: '0283 456 789' }, 'PHONE_FORMAT'],
    ['email', { email: 'linh@' }, 'EMAIL_FORMAT'],
    ['communeCode', { communeCode: '' }, 'COMMUNE_UNKNOWN'],
    ['communeCode', { communeCode: '99999' }, 'COMMUNE_UNKNOWN'],
    ['communeCode', { communeCode: '31999' }, 'COMMUNE_UNKNOWN'],
    ['hamlet', { hamlet: '   ' }, 'HAMLET_REQUIRED'],
  ])('%s %j → %s, and no value', (field, change, code) => {
    const result = validateResidentInput({ ...good, ...change }, { today });
    expect(result.issues.map((i) => [i.field, i.code])).toEqual([[field, code]]);
    expect(result.value).toBeUndefined();
  });

  it('a pre-2025 commune code names the commune it became, given the commune history', () => {
    const [issue] = validateResidentInput({ ...good, communeCode: '31999' }, { today, formerCommunes: formerCommuneHint }).issues;
    expect(issue?.params).toEqual({
      variant: 'former',
      value: '31999',
      oldName: 'Phường 9, Thành phố Cà Mau',
      successors: 'Phường An Xuyên (32002)',
    });
  });

  it('a pre-2025 commune split in several names them all', () => {
    const [issue] = validateResidentInput({ ...good, communeCode: '32017' }, { today, formerCommunes: formerCommuneHint }).issues;
    expect(issue?.params?.['variant']).toBe('formerSplit');
    expect(issue?.params?.['successors']).toBe('Phường Tân Thành (32025), Phường Hòa Thành (32041)');
  });

  it('without the history (the PWA, whose picker offers only 2025 communes) a retired code is just unknown', () => {
    const [issue] = validateResidentInput({ ...good, communeCode: '31999' }, { today }).issues;
    expect(issue).toMatchObject({ field: 'communeCode', code: 'COMMUNE_UNKNOWN', params: { value: '31999' } });
    expect(issue?.params?.['variant']).toBeUndefined();
  });

  it('an old code that lives on as a 2025 code is valid as it is', () => {
    expect(codes({ ...good, communeCode: '32002' })).toEqual([]);
  });

  it('reports every problem of a record, in field order', () => {
    expect(validateResidentInput({}, { today }).issues.map((i) => i.field)).toEqual([
      'fullName',
      'dateOfBirth',
      'sex',
      'communeCode',
      'hamlet',
    ]);
  });
});

describe('parseSex', () => {
  it.each([
    ['male', 'male'],
    ['female', 'female'],
    ['nam', 'male'],
    ['Nam', 'male'],
    ['NAM', 'male'],
    ['nữ', 'female'],
    ['Nữ', 'female'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    ['nữ'.normalize('NFD'), 'female'],
    [' Female ', 'female'],
  ])('%s → %s', (raw, sex) => {
    expect(parseSex(raw)).toBe(sex);
  });
  it.each(['m', 'f', 'x', 'trai', '', 'nam nữ'])('refuses %j', (raw) => {
    expect(parseSex(raw)).toBeUndefined();
  });
});
