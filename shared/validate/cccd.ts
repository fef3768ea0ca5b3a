import { isCccdProvinceCode } from '../catalog/cccd-provinces.ts';
import type { Sex } from '../domain/records.ts';
import { issue, type Issue } from './issue.ts';

const WHITESPACE = /\s/g;
const TWELVE_DIGITS = /^\d{12}$/;
const NINE_DIGITS = /^\d{9}$/;
const NON_DIGIT = /\D/;

/** The personal ID number as stored: spaces removed (cards print it in groups). */
export function normaliseCccd(s: string): string {
  return TWELVE_DIGITS.test(s) ? s : s.replace(WHITESPACE, '');
}

export interface CccdContext {
  /** ISO date of birth, when known and valid. */
  readonly dateOfBirth?: string | undefined;
  readonly sex?: Sex | undefined;
}

/** What digit 4 says: even male, odd female; 0/1 the 1900s, 2/3 the 2000s … 8/9 the 2300s. */
export function decodeDigit4(digit: number): { sex: Sex; from: number; to: number } {
  const from = 1900 + Math.floor(digit / 2) * 100;
  return { sex: digit % 2 === 0 ? 'male' : 'female', from, to: from + 99 };
}

function expectedDigit4(year: number, sex: Sex | undefined): string | undefined {
  const century = Math.floor(year / 100) - 19;
  if (century < 0 || century > 4) return undefined;
  if (sex === undefined) return `${century * 2}/${century * 2 + 1}`;
  return String(century * 2 + (sex === 'female' ? 1 : 0));
}

/**
 * Checks a 12-digit personal ID number (docs/DOMAIN.md; Decree 137/2015/NĐ-CP art. 13) on its own
 * and against the person's date of birth and sex. Each issue names the digits it is about.
 */
export function checkCccd(raw: string, context: CccdContext = {}, field = 'cccd'): Issue[] {
  const cccd = normaliseCccd(raw);
  if (NINE_DIGITS.test(cccd)) return [issue(field, 'CCCD_LEGACY_CMND')];
  if (!TWELVE_DIGITS.test(cccd)) {
    const length = cccd.replace(/\D/g, '').length;
    return [issue(field, 'CCCD_FORMAT', NON_DIGIT.test(cccd) ? { variant: 'chars', length } : { length })];
  }
  const issues: Issue[] = [];
  const province = cccd.slice(0, 3);
  if (!isCccdProvinceCode(province)) {
    issues.push(
      issue(field, 'CCCD_PROVINCE', { digits: '1–3', actual: province, ...(province[0] !== '0' ? { variant: 'abroad' } : {}) }),
    );
  }

  const digit4 = Number(cccd[3]);
  const meaning = decodeDigit4(digit4);
  const year = context.dateOfBirth === undefined ? undefined : Number(context.dateOfBirth.slice(0, 4));
  const sexWrong = context.sex !== undefined && context.sex !== meaning.sex;
  const centuryWrong = year !== undefined && (year < meaning.from || year > meaning.to);
  if (sexWrong || centuryWrong) {
    // Without a birth year, the digit's own century is the best guess.
    const expected = year === undefined ? String(digit4 ^ 1) : expectedDigit4(year, context.sex);
    // No digit stands for a birth before 1900: it is the date that is most likely wrong.
    if (expected === undefined && year !== undefined) {
      issues.push(issue(field, 'CCCD_CENTURY_SEX', { variant: 'before1900', digit: 4, birthYear: year }));
      return issues;
    }
    issues.push(
      issue(field, 'CCCD_CENTURY_SEX', {
        variant: sexWrong && centuryWrong ? 'both' : sexWrong ? 'sex' : 'century',
        digit: 4,
        actual: digit4,
        digitSex: meaning.sex,
        from: meaning.from,
        to: meaning.to,
        expected: expected ?? '–',
        ...(context.sex === undefined ? {} : { sex: context.sex }),
        ...(year === undefined ? {} : { birthYear: year }),
      }),
    );
  }

  if (year !== undefined) {
    const expected = String(year % 100).padStart(2, '0');
    const actual = cccd.slice(4, 6);
    if (actual !== expected) issues.push(issue(field, 'CCCD_YEAR', { digits: '5–6', actual, expected, birthYear: year }));
  }
  return issues;
}
