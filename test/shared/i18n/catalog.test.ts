import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { t } from '../../../shared/i18n/index.ts';
import { vi } from '../../../shared/i18n/vi.ts';
import { PROTOCOL_ERROR_CODES } from '../../../shared/sync/protocol.ts';
import { ISSUE_CODES } from '../../../shared/validate/issue.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort((a, b) => a.localeCompare(b));
const viCatalog: Record<string, string> = vi;
const enCatalog: Record<string, string> = en;

describe('the message catalogs', () => {
  describe.each([
    ['validation issue codes', ISSUE_CODES],
    ['protocol error codes', PROTOCOL_ERROR_CODES],
  ])('%s', (_name, codes) => {
    it.each([...codes])('%s has a Vietnamese and an English message', (code) => {
      expect(viCatalog[code]?.trim()).toBeTruthy();
      expect(enCatalog[code]?.trim()).toBeTruthy();
    });
  });

  it('every Vietnamese key has an English twin with the same placeholders', () => {
    for (const [key, message] of Object.entries(viCatalog)) {
      expect(enCatalog[key], key).toBeDefined();
      expect(placeholders(enCatalog[key] ?? ''), key).toEqual(placeholders(message));
    }
  });

  it('has no English key the Vietnamese catalog lacks', () => {
    expect(Object.keys(enCatalog).filter((k) => !(k in viCatalog))).toEqual([]);
  });

  it('every variant wording of an issue (CODE.variant) belongs to an issue code', () => {
    const issueCodes: ReadonlySet<string> = new Set(ISSUE_CODES);
    const families = new Set(ISSUE_CODES.map((c) => c.split('_')[0]));
    const variants = Object.keys(viCatalog).filter((k) => /^[A-Z_]+\.\w+$/.test(k) && families.has(k.split('_')[0]));
    expect(variants.length).toBeGreaterThan(0);
    for (const key of variants) expect(issueCodes.has(key.split('.')[0] ?? ''), key).toBe(true);
  });

  it('writes Vietnamese with its diacritics, in NFC', () => {
    expect(t('vi', 'field.cccd')).toBe('Số định danh cá nhân');
    expect(t('vi', 'field.hamlet')).toBe('Ấp/khóm');
    for (const [key, message] of Object.entries(viCatalog)) expect(message.normalize('NFC'), key).toBe(message);
  });

  it('localises every field name the resident checks use', () => {
    for (const field of ['fullName', 'dateOfBirth', 'sex', 'cccd', 'phone', 'email', 'communeCode', 'hamlet']) {
      expect(viCatalog[`field.${field}`], field).toBeDefined();
    }
  });
});
