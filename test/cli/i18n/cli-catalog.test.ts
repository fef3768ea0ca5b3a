import { describe, expect, it } from 'vitest';
import { domainCatalogs } from '../../../shared/i18n/index.ts';
import { cliEn } from '../../../cli/i18n/en.ts';
import { t } from '../../../cli/i18n/index.ts';
import { cliVi } from '../../../cli/i18n/vi.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort((a, b) => a.localeCompare(b));
const vi: Record<string, string> = cliVi;
const en: Record<string, string> = cliEn;

describe('the CLI message catalogs', () => {
  it('every Vietnamese key has an English twin with the same placeholders', () => {
    for (const [key, message] of Object.entries(vi)) {
      expect(en[key], key).toBeDefined();
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(message));
    }
    expect(Object.keys(en).filter((k) => !(k in vi))).toEqual([]);
  });

  it('never redefines a code of the domain catalogs (one wording per code)', () => {
    expect(Object.keys(vi).filter((k) => Object.hasOwn(domainCatalogs.vi, k))).toEqual([]);
  });

  it('writes Vietnamese with its diacritics, in NFC', () => {
    for (const [key, message] of Object.entries(vi)) expect(message.normalize('NFC'), key).toBe(message);
  });

  it('answers both the CLI’s codes and the domain’s', () => {
    expect(t('vi', 'DEMO_STOPPED')).toBe('Đã dừng bản trình diễn.');
    expect(t('en', 'field.cccd')).toBe('Personal ID number');
  });
});
