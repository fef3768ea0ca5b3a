import { uuidv7 } from 'uuidv7';
import type { Consent } from '../../../shared/domain/consent.ts';
import type { RecordOf } from '../../../shared/domain/records.ts';

/** Synthetic people only (no real personal data). */
export function consentFor(subjectName: string, at = '2026-03-01T08:00:00.000Z'): Consent {
  return {
    textVersion: 'vi-2026-01',
    purposes: ['household_register'],
    dataCategories: ['identity', 'address', 'household'],
    processor: 'Tổ công nghệ số cộng đồng',
    rightsShown: true,
    givenAt: at,
    method: 'tick',
    subjectName,
    volunteerId: 'tnv-test',
  };
}

export function household(overrides: Partial<RecordOf<'household'>> = {}): RecordOf<'household'> {
  const at = overrides.updatedAt ?? '2026-03-01T08:00:00.000Z';
  return {
    id: uuidv7(),
    type: 'household',
    rev: 1,
    createdAt: at,
    updatedAt: at,
    deviceId: 'device-test',
    training: false,
    consent: consentFor('Trần Thị Mẫu'),
    payload: { address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Một' }, headName: 'Trần Thị Mẫu' },
    ...overrides,
  };
}

export function resident(householdId: string, overrides: Partial<RecordOf<'resident'>> = {}): RecordOf<'resident'> {
  const at = overrides.updatedAt ?? '2026-03-01T08:05:00.000Z';
  return {
    id: uuidv7(),
    type: 'resident',
    rev: 1,
    createdAt: at,
    updatedAt: at,
    deviceId: 'device-test',
    training: false,
    consent: consentFor('Lê Văn Thử'),
    payload: {
      householdId,
      relationship: 'head',
      fullName: 'Lê Văn Thử',
      dateOfBirth: '1990-05-04',
      sex: 'male',
      cccd: '096090000123',
      address: { provinceCode: '96', communeCode: '32002', hamlet: 'Ấp Một' },
    },
    ...overrides,
  };
}
