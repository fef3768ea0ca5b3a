import { describe, expect, it } from 'vitest';
import type { EForm } from '../../../shared/catalog/eforms/form-field.ts';
import { findProcedure } from '../../../shared/catalog/procedures.ts';
import { validateFormValues } from '../../../shared/validate/form-values.ts';

const today = '2026-01-15';
const birth = findProcedure('1.001193');
if (birth === undefined) throw new Error('the birth registration procedure is in the catalog');

const goodBirth = {
  childName: 'Nguyễn Gia  Bảo',
  childDateOfBirth: '02/01/2026',
  childSex: 'male',
  placeOfBirth: 'Bệnh viện Sản Nhi Cà Mau',
  ethnicity: 'Kinh',
  motherName: 'Trần Thị Mỹ Linh',
  motherCccd: '096 185 086719',
  applicantRelationship: 'mother',
};

describe('validateFormValues', () => {
  it('checks the names and ID numbers of an e-form with the member form’s rules', () => {
    const result = validateFormValues(birth, { ...goodBirth, motherName: 'Trần Thị 2', fatherName: 'Lê Văn Hai', fatherCccd: '096185086719' }, { today });
    // A mother's number whose 4th digit says male, a father's that says female, a name with a digit.
    const byField = new Map(result.issues.map((i) => [i.field, i]));
    expect(byField.get('motherName')).toMatchObject({ code: 'NAME_CHARS', params: { chars: '2' } });
    expect(byField.get('fatherCccd')).toMatchObject({ code: 'CCCD_CENTURY_SEX', params: { variant: 'sex', sex: 'male', actual: 1 } });
    const male = validateFormValues(birth, { ...goodBirth, motherCccd: '096085086719' }, { today });
    expect(male.issues).toEqual([expect.objectContaining({ field: 'motherCccd', code: 'CCCD_CENTURY_SEX', params: expect.objectContaining({ sex: 'female', expected: '1' }) })]);
  });

  it('accepts a birth registration and normalises its values', () => {
    const result = validateFormValues(birth, goodBirth, { today });
    expect(result.issues).toEqual([]);
    expect(result.values).toMatchObject({
      childName: 'Nguyễn Gia Bảo',
      childDateOfBirth: '2026-01-02',
      motherCccd: '096185086719',
    });
    expect(result.values).not.toHaveProperty('fatherName');
  });

  it('a required field left empty is FORM_REQUIRED', () => {
    const result = validateFormValues(birth, { ...goodBirth, childName: '  ' }, { today });
    expect(result.issues).toEqual([{ field: 'childName', code: 'FORM_REQUIRED' }]);
    expect(result.values).toBeUndefined();
  });

  it('a child born tomorrow is DATE_FUTURE; 31/02 is DATE_FORMAT', () => {
    expect(validateFormValues(birth, { ...goodBirth, childDateOfBirth: '16/01/2026' }, { today }).issues[0]?.code).toBe(
      'DATE_FUTURE',
    );
    expect(validateFormValues(birth, { ...goodBirth, childDateOfBirth: '31/02/2025' }, { today }).issues[0]?.code).toBe(
      'DATE_FORMAT',
    );
  });

  it('a CCCD field is checked like any CCCD, under its own key', () => {
    expect(validateFormValues(birth, { ...goodBirth, motherCccd: '381234567' }, { today }).issues).toEqual([
      { field: 'motherCccd', code: 'CCCD_LEGACY_CMND' },
    ]);
  });

  it('a choice that is not offered is FORM_OPTION', () => {
    expect(validateFormValues(birth, { ...goodBirth, childSex: 'boy' }, { today }).issues[0]).toEqual({
      field: 'childSex',
      code: 'FORM_OPTION',
      params: { value: 'boy' },
    });
  });

  it('a value for a field the form does not have is FORM_UNKNOWN_FIELD', () => {
    expect(validateFormValues(birth, { ...goodBirth, nickname: 'Bi' }, { today }).issues).toEqual([
      { field: 'nickname', code: 'FORM_UNKNOWN_FIELD' },
    ]);
  });

  const form: EForm = [
    { key: 'copies', type: 'number', label: { vi: 'Số bản', en: 'Copies' }, required: true, min: 1, max: 20, integer: true },
    { key: 'note', type: 'text', label: { vi: 'Ghi chú', en: 'Note' }, required: false, maxLength: 5 },
    { key: 'phone', type: 'phone', label: { vi: 'Điện thoại', en: 'Phone' }, required: false },
    { key: 'email', type: 'email', label: { vi: 'Thư', en: 'Email' }, required: false },
  ];

  it.each([
    [{ copies: 3 }, []],
    [{ copies: '3' }, []],
    [{ copies: 0 }, ['FORM_NUMBER']],
    [{ copies: 21 }, ['FORM_NUMBER']],
    [{ copies: 2.5 }, ['FORM_NUMBER']],
    [{ copies: 'ba' }, ['FORM_NUMBER']],
    [{ copies: true }, ['FORM_TYPE']],
    [{ copies: 1, note: 'quá dài' }, ['FORM_TOO_LONG']],
    [{ copies: 1, note: 42 }, ['FORM_TYPE']],
    [{ copies: 1, phone: '+84 912 345 678' }, []],
    [{ copies: 1, phone: '0123' }, ['PHONE_FORMAT']],
    [{ copies: 1, email: 'a@b' }, ['EMAIL_FORMAT']],
  ])('%j → %j', (values, codes) => {
    expect(validateFormValues({ form }, values).issues.map((i) => i.code)).toEqual(codes);
  });

  it('numbers come out as numbers and phones in the 0-form', () => {
    expect(validateFormValues({ form }, { copies: '3', phone: '+84 912 345 678' }).values).toEqual({
      copies: 3,
      phone: '0912345678',
    });
  });
});
