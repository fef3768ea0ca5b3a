import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone, normalisePhone } from '../../../shared/validate/phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84-912.345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['0084 98 123 4567', '0981234567'],
    ['(091) 234-5678', '0912345678'],
    ['0312345678', '0312345678'],
    ['0512345678', '0512345678'],
    ['0712345678', '0712345678'],
    ['0812345678', '0812345678'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each([
    ['an old 11-digit 01x number', '01234567890'],
    ['a 02x landline', '0283456789'],
    ['a 04x prefix', '0412345678'],
    ['9 digits', '091234567'],
    ['11 digits', '09123456789'],
    ['another country code', '+85512345678'],
    ['a number without the leading 0', '912345678'],
    ['letters', '09123456ab'],
    ['empty', ''],
  ])('refuses %s', (_name, raw) => {
    expect(normalisePhone(raw)).toBeUndefined();
  });
});

describe('checkPhone', () => {
  it('returns the 0-form or a PHONE_FORMAT issue that does not repeat the number', () => {
    expect(checkPhone('+84 912 345 678')).toEqual({ issues: [], value: '0912345678' });
    expect(checkPhone('0123 456 789')).toEqual({ issues: [{ field: 'phone', code: 'PHONE_FORMAT' }] });
  });
});

describe('formatPhone', () => {
  it('groups a stored number 4-3-3 for display', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
  });
  it('leaves anything else as it is', () => {
    expect(formatPhone('12345')).toBe('12345');
  });
});
