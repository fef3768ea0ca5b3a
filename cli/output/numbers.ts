import type { Lang } from '../i18n/index.ts';

const LOCALES: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };

// Made once per language: building an Intl formatter costs far more than using one.
const COUNTS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  vi: new Intl.NumberFormat(LOCALES.vi),
  en: new Intl.NumberFormat(LOCALES.en),
};
const SHARE_OPTIONS = { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
const SHARES: Readonly<Record<Lang, Intl.NumberFormat>> = {
  vi: new Intl.NumberFormat(LOCALES.vi, SHARE_OPTIONS),
  en: new Intl.NumberFormat(LOCALES.en, SHARE_OPTIONS),
};

/** 12.345 in Vietnamese, 12,345 in English. */
export function formatCount(lang: Lang, n: number): string {
  return COUNTS[lang].format(n);
}

/** A 0–1 share as "76,6 %" / "76.6%"; an em dash when there is nothing to divide by. */
export function formatShare(lang: Lang, value: number | null): string {
  return value === null ? '—' : SHARES[lang].format(value);
}
