import { describe, expect, it } from 'vitest';
import { findProcedure } from '../../../shared/catalog/procedures.ts';
import { ageOn } from '../../../pwa/records/age.ts';
import { documentsToPhotograph } from '../../../pwa/records/required-documents.ts';
import { reasonText } from '../../../pwa/records/reason-text.ts';
import { saveFailure } from '../../../pwa/records/save.ts';
import { StaleRecordError } from '../../../pwa/store/save-record.ts';
import { domainWordsIn } from '../../../pwa/i18n/domain-words.ts';
import { domainEn } from '../../../pwa/i18n/en.ts';
import { fitLongEdge } from '../../../pwa/photo/downscale.ts';
import { t as cliT } from '../../../cli/i18n/index.ts';

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
  const vi = domainWordsIn('vi', undefined);
  it('puts our words first, the province’s after, and the code for the team lead', () => {
    expect(reasonText(vi, { code: 'RECORD_INVALID', message: 'payload.dateOfBirth' })).toBe('Thông tin chưa đúng, cần sửa rồi gửi lại. — payload.dateOfBirth (RECORD_INVALID)');
    expect(reasonText(vi, { code: 'SOMETHING_NEW' })).toBe('SOMETHING_NEW (SOMETHING_NEW)');
  });

  it('says a refusal in the same words the team lead’s CLI prints for it, in English once loaded', () => {
    expect(reasonText(domainWordsIn('en', domainEn), { code: 'CONSENT_MISSING' })).toBe(`${cliT('en', 'CONSENT_MISSING')} (CONSENT_MISSING)`);
    expect(reasonText(vi, { code: 'REV_CONFLICT' })).toBe(`${cliT('vi', 'REV_CONFLICT')} (REV_CONFLICT)`);
  });

  it('fills a storage error’s cause into its sentence instead of repeating it', () => {
    expect(reasonText(vi, { code: 'STORAGE_ERROR', message: 'QuotaExceededError' })).toBe(`${cliT('vi', 'STORAGE_ERROR', { reason: 'QuotaExceededError' })} (STORAGE_ERROR)`);
  });
});

describe('why a save failed', () => {
  it('names a save that lost to another, a full phone and any other storage failure by their codes', () => {
    expect(saveFailure(new StaleRecordError('r1', 2, 2))).toEqual({ ok: false, code: 'RECORD_STALE', params: { id: 'r1' } });
    expect(saveFailure(new DOMException('quota', 'QuotaExceededError'))).toEqual({ ok: false, code: 'STORAGE_FULL', params: {} });
    expect(saveFailure(new TypeError('closed'))).toEqual({ ok: false, code: 'STORAGE_ERROR', params: { reason: 'TypeError: closed' } });
    for (const code of ['RECORD_STALE', 'STORAGE_FULL', 'STORAGE_ERROR'] as const) {
      expect(domainWordsIn('vi', undefined)(code, { reason: 'x' })).not.toBe(code);
      expect(domainWordsIn('en', domainEn)(code, { reason: 'x' })).not.toBe(code);
    }
  });
});

describe('photo size', () => {
  it('brings the long edge to 1024 px and never enlarges', () => {
    expect(fitLongEdge(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(fitLongEdge(3000, 4000, 1024)).toEqual({ width: 768, height: 1024 });
    expect(fitLongEdge(800, 600, 1024)).toEqual({ width: 800, height: 600 });
  });
});
