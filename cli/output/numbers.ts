import type { Lang } from '../../shared/i18n/index.ts';

const LOCALES: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };

/** 12.345 in Vietnamese, 12,345 in English. */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** A 0–1 share as "76,6 %" / "76.6%"; an em dash when there is nothing to divide by. */
export function formatShare(lang: Lang, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
