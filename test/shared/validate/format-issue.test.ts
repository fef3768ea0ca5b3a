import { describe, expect, it } from 'vitest';
import { checkCccd } from '../../../shared/validate/cccd.ts';
import { formatIssue } from '../../../shared/validate/format-issue.ts';
import { formerCommuneHint } from '../../../shared/validate/former-commune-hint.ts';
import { validateResidentInput } from '../../../shared/validate/resident.ts';

const [century] = checkCccd('096399123457', { dateOfBirth: '1999-03-12', sex: 'female' });
if (century === undefined) throw new Error('the CCCD of the example disagrees with its birth year');

describe('formatIssue', () => {
  it('names the field and the digit in Vietnamese, with diacritics', () => {
    expect(formatIssue('vi', century)).toBe(
      'Số định danh cá nhân: chữ số thứ 4 là 3 (nữ, sinh 2000–2099) nhưng năm sinh là 1999; chữ số đúng là 1.',
    );
  });

  it('and in English', () => {
    expect(formatIssue('en', century)).toBe(
      'Personal ID number: digit 4 is 3 (female, born 2000–2099) but the birth year is 1999; the right digit is 1.',
    );
  });

  it('translates the sex words it puts in the sentence', () => {
    const [sex] = checkCccd('096187223344', { dateOfBirth: '1987-05-01', sex: 'male' });
    expect(sex && formatIssue('vi', sex)).toBe(
      'Số định danh cá nhân: chữ số thứ 4 là 1 (nữ, sinh 1900–1999) nhưng giới tính là nam; chữ số đúng là 0.',
    );
  });

  it('says which new commune a pre-2025 code became', () => {
    const [commune] = validateResidentInput({ communeCode: '31999' }, { today: '2026-01-15', formerCommunes: formerCommuneHint }).issues.filter(
      (i) => i.field === 'communeCode',
    );
    expect(commune && formatIssue('vi', commune)).toBe(
      'Xã/phường: mã 31999 là Phường 9, Thành phố Cà Mau trước 01/07/2025, nay là Phường An Xuyên (32002); hãy dùng mã mới.',
    );
  });

  it('uses the localised name of every resident field', () => {
    const issues = validateResidentInput({ cccd: '1', phone: '1', email: 'x' }, { today: '2026-01-15' }).issues;
    expect(issues.map((i) => formatIssue('vi', i).split(':')[0])).toEqual([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số định danh cá nhân',
      'Số điện thoại',
      'Thư điện tử',
      'Xã/phường',
      'Ấp/khóm',
    ]);
  });

  it('takes the label of an e-form field from its procedure', () => {
    expect(formatIssue('en', { field: 'childName', code: 'FORM_REQUIRED' }, { fieldLabel: "Child's full name" })).toBe(
      "Child's full name: missing.",
    );
  });

  it('falls back to the field key and the plain wording for an unknown variant', () => {
    expect(formatIssue('en', { field: 'x', code: 'HAMLET_REQUIRED', params: { variant: 'nope' } })).toBe('x: missing.');
  });

  it('leaves no placeholder unfilled in the messages of real issues', () => {
    const issues = [
      ...validateResidentInput(
        { fullName: 'A1', dateOfBirth: '31/02/1990', sex: 'x', cccd: '097399123457', phone: '1', communeCode: '32017' },
        { today: '2026-01-15' },
      ).issues,
      ...checkCccd('096399123457', { dateOfBirth: '1999-03-12', sex: 'male' }),
      ...checkCccd('09639912345A'),
      ...checkCccd('381234567'),
    ];
    for (const issue of issues) {
      expect(formatIssue('vi', issue)).not.toMatch(/\{\w+\}/);
      expect(formatIssue('en', issue)).not.toMatch(/\{\w+\}/);
    }
  });
});
