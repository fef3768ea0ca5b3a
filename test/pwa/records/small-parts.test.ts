import { describe, expect, it } from 'vitest';
import { findProcedure } from '../../../shared/catalog/procedures.ts';
import { ageOn } from '../../../pwa/records/age.ts';
import { documentsToPhotograph } from '../../../pwa/records/required-documents.ts';
import { reasonText } from '../../../pwa/records/reason-text.ts';
import { translator } from '../../../pwa/i18n/ui.ts';
import { vi } from '../../../pwa/i18n/vi.ts';
import { fitLongEdge } from '../../../pwa/photo/downscale.ts';

describe('age in whole years', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('2012-03-02', '2026-03-01')).toBe(13);
    expect(ageOn('2012-03-01', '2026-03-01')).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('papers to photograph for a procedure', () => {
  it('asks for the birth certificate, leaves case-by-case papers optional and skips the form itself', () => {
    const procedure = findProcedure('1.001193');
    if (!procedure) throw new Error('catalog lacks 1.001193');
    const docs = documentsToPhotograph(procedure.documents);
    expect(docs.find((d) => d.text.startsWith('Giấy chứng sinh'))?.required).toBe(true);
    expect(docs.find((d) => d.text.startsWith('Trường hợp trẻ em bị bỏ rơi'))?.required).toBe(false);
    expect(docs.some((d) => d.text.startsWith('Tờ khai'))).toBe(false);
    expect(new Set(docs.map((d) => d.key)).size).toBe(docs.length);
  });
});

describe('reasons in plain words', () => {
  const t = translator(vi);
  it('puts our words first, the province’s after, and the code for the team lead', () => {
    expect(reasonText(t, { code: 'RECORD_INVALID', message: 'payload.dateOfBirth' })).toBe('Thông tin chưa đúng, cần sửa. — payload.dateOfBirth (RECORD_INVALID)');
    expect(reasonText(t, { code: 'SOMETHING_NEW' })).toBe('SOMETHING_NEW (SOMETHING_NEW)');
  });
});

describe('photo size', () => {
  it('brings the long edge to 1024 px and never enlarges', () => {
    expect(fitLongEdge(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(fitLongEdge(3000, 4000, 1024)).toEqual({ width: 768, height: 1024 });
    expect(fitLongEdge(800, 600, 1024)).toEqual({ width: 800, height: 600 });
  });
});
