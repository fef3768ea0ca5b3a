import { describe, expect, it } from 'vitest';
import type { Consent } from '../../../shared/domain/consent.ts';
import { validateConsent, type ConsentNeed } from '../../../shared/validate/consent.ts';

const consent: Consent = {
  textVersion: 'vi-2026-01',
  purposes: ['eid_registration'],
  dataCategories: ['identity', 'contact', 'portrait_photo'],
  processor: 'Tổ công nghệ số cộng đồng ấp Chín Tầng',
  rightsShown: true,
  givenAt: '2026-01-10T09:30:00+07:00',
  method: 'tick',
  subjectName: 'Trần Thị Mỹ Linh',
  volunteerId: 'vol-7',
};
const need: ConsentNeed = { purposes: ['eid_registration'], categories: ['identity', 'contact'] };
const found = (value: unknown, n: ConsentNeed = need) =>
  validateConsent(value, n).map((i) => [i.field, i.code, i.params?.['variant'] ?? '']);

describe('validateConsent', () => {
  it('accepts a consent that covers the purposes and data of the record', () => {
    expect(validateConsent(consent, need)).toEqual([]);
  });

  it('no consent, no sync: CONSENT_MISSING', () => {
    expect(found(null)).toEqual([['consent', 'CONSENT_MISSING', '']]);
    expect(found(undefined)).toEqual([['consent', 'CONSENT_MISSING', '']]);
  });

  it('a purpose the person did not agree to', () => {
    expect(validateConsent(consent, { ...need, purposes: ['eid_registration', 'dossier_filing'] })).toEqual([
      { field: 'consent.purposes', code: 'CONSENT_INCOMPLETE', params: { variant: 'purpose', purpose: 'dossier_filing' } },
    ]);
  });

  it('a data category the consent does not cover (an ID card photo is sensitive data)', () => {
    expect(found(consent, { ...need, categories: ['identity', 'id_card_photo'] })).toEqual([
      ['consent.dataCategories', 'CONSENT_INCOMPLETE', 'category'],
    ]);
  });

  it('rights not shown', () => {
    expect(found({ ...consent, rightsShown: false })).toEqual([['consent.rightsShown', 'CONSENT_INCOMPLETE', 'rights']]);
  });

  it('a signature claimed but not kept', () => {
    expect(found({ ...consent, method: 'signature' })).toEqual([
      ['consent.signatureSha256', 'CONSENT_INCOMPLETE', 'signature'],
    ]);
    expect(found({ ...consent, method: 'signature', signatureSha256: 'a'.repeat(64) })).toEqual([]);
  });

  it('a consent missing who processes the data or the text shown names those parts', () => {
    const rest = Object.fromEntries(Object.entries(consent).filter(([k]) => k !== 'processor' && k !== 'textVersion'));
    expect(found(rest)).toEqual([
      ['consent.textVersion', 'CONSENT_INCOMPLETE', ''],
      ['consent.processor', 'CONSENT_INCOMPLETE', ''],
    ]);
  });

  it('something that is not a consent at all', () => {
    expect(found('yes')).toEqual([['consent', 'CONSENT_INCOMPLETE', '']]);
    expect(found({ ...consent, purposes: [] })).toEqual([['consent.purposes', 'CONSENT_INCOMPLETE', '']]);
  });
});
