import { describe, expect, it } from 'vitest';
import { FORM_FIELD_TYPES } from '../../../shared/catalog/eforms/form-field.ts';
import {
  PROCEDURES_PROVENANCE,
  findProcedure,
  procedures,
  searchProcedures,
} from '../../../shared/catalog/procedures.ts';

describe('the procedure catalog', () => {
  it('holds the 21 sample procedures with national codes', () => {
    expect(procedures()).toHaveLength(21);
    expect(procedures().every((p) => /^\d\.\d{6}$/.test(p.code))).toBe(true);
    expect(JSON.stringify(PROCEDURES_PROVENANCE.source)).toContain('dichvucong.gov.vn');
  });

  it('keeps what a screen needs: names, field, level, channels, documents to bring', () => {
    const birth = findProcedure('1.001193');
    expect(birth).toMatchObject({
      shortName: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp xã',
      online: true,
    });
    expect(birth?.channels.map((c) => c.channel)).toContain('Trực tuyến');
    expect(birth?.documents.some((d) => d.text.startsWith('Giấy chứng sinh'))).toBe(true);
  });

  it('leaves out the portal notes that are not documents', () => {
    const birth = findProcedure('1.001193');
    expect(birth?.documents.some((d) => d.quantity.startsWith('0 bản chính'))).toBe(false);
    expect(birth?.documents.some((d) => d.group === 'Lưu ý')).toBe(false);
  });

  describe.each(procedures().map((p) => [p.code, p] as const))('the e-form of %s', (_code, procedure) => {
    it('has 5 to 10 typed fields with unique keys and labels in both languages', () => {
      const form = procedure.form;
      expect(form.length).toBeGreaterThanOrEqual(5);
      expect(form.length).toBeLessThanOrEqual(10);
      expect(new Set(form.map((f) => f.key)).size).toBe(form.length);
      for (const field of form) {
        expect(FORM_FIELD_TYPES).toContain(field.type);
        expect(field.label.vi.trim()).not.toBe('');
        expect(field.label.en.trim()).not.toBe('');
        if (field.type === 'select') {
          expect(field.options.length).toBeGreaterThanOrEqual(2);
          expect(field.options.every((o) => o.label.vi !== '' && o.label.en !== '')).toBe(true);
        }
      }
      expect(form.some((f) => f.required)).toBe(true);
    });
  });

  it('the birth registration form asks what the issue says it should', () => {
    const keys = findProcedure('1.001193')?.form.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'childName',
        'childDateOfBirth',
        'childSex',
        'placeOfBirth',
        'fatherName',
        'fatherCccd',
        'motherName',
        'motherCccd',
        'applicantRelationship',
      ]),
    );
  });
});

describe('searchProcedures', () => {
  const codes = (q: string) => searchProcedures(q).map((p) => p.code);

  it('finds by name without diacritics, in any case', () => {
    expect(codes('khai sinh')[0]).toBe('1.001193');
    expect(codes('dang ky khai sinh')[0]).toBe('1.001193');
    expect(codes('ĐĂNG KÝ KHAI SINH')[0]).toBe('1.001193');
    expect(codes('khai sinh')).toEqual(expect.arrayContaining(['1.004884', '2.000986']));
  });

  it('finds by code, or the start of one', () => {
    expect(codes('1.004222')).toEqual(['1.004222']);
    expect(codes('3.000')).toEqual(['3.000333', '3.000228']);
  });

  it('finds by field', () => {
    expect(codes('cu tru')).toEqual(expect.arrayContaining(['1.004222', '1.004194', '1.003677']));
  });

  it('returns nothing for a word no procedure has, and everything for an empty query', () => {
    expect(codes('xyzzy')).toEqual([]);
    expect(codes('  ')).toHaveLength(21);
  });
});
