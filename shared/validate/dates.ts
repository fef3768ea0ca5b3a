import { issue, type Issue } from './issue.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A real calendar date as ISO `YYYY-MM-DD`, from `YYYY-MM-DD` or the Vietnamese habit
 * `dd/mm/yyyy` (also `d/m/yyyy`); undefined otherwise (31/02/1990 is not a date).
 */
export function parseDate(s: string): string | undefined {
  const text = s.trim();
  const a = ISO.exec(text);
  if (a) return iso(Number(a[1]), Number(a[2]), Number(a[3]));
  const b = VN.exec(text);
  if (b) return iso(Number(b[3]), Number(b[2]), Number(b[1]));
  return undefined;
}

/**
 * Today's date in Asia/Ho_Chi_Minh as ISO. Vietnam keeps UTC+7 all year (no daylight saving
 * since 1975), so a fixed offset is exact and needs no time-zone database.
 */
export function todayInHoChiMinh(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Shown back in messages: the raw text, cut short so a pasted paragraph cannot flood a line. */
export function shown(raw: string): string {
  const text = raw.trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A date of birth: a real date, not after today (both ISO). */
export function checkDateOfBirth(raw: string, today: string, field = 'dateOfBirth'): { issues: Issue[]; value?: string } {
  if (raw.trim() === '') return { issues: [issue(field, 'DOB_FORMAT', { variant: 'empty', value: '' })] };
  const value = parseDate(raw);
  if (value === undefined) return { issues: [issue(field, 'DOB_FORMAT', { value: shown(raw) })] };
  // ISO dates of four-digit years compare as strings.
  if (value > today) return { issues: [issue(field, 'DOB_FUTURE', { value, today })] };
  return { issues: [], value };
}
