import type { Lang } from '../../shared/i18n/index.ts';

const LOCALES: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };
const JUST_NOW: Readonly<Record<Lang, string>> = { vi: 'vừa xong', en: 'just now' };

/** "3 giờ", "2 ngày": how long something has waited, in the volunteer's words. */
export function formatAge(lang: Lang, fromIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  const format = (value: number, unit: Intl.RelativeTimeFormatUnit) =>
    new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  if (minutes < 1) return JUST_NOW[lang];
  if (minutes < 60) return format(minutes, 'minute');
  if (minutes < 48 * 60) return format(Math.floor(minutes / 60), 'hour');
  return format(Math.floor(minutes / 1440), 'day');
}

/** Dates and times are shown in Vietnam's time zone, whatever the phone says. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** ISO date → dd/mm/yyyy, the Vietnamese habit. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
