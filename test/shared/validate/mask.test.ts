import { describe, expect, it } from 'vitest';
import { maskCccd, maskPhone } from '../../../shared/validate/mask.ts';

describe('masking for logs', () => {
  it('keeps the first and last four digits of a CCCD', () => {
    expect(maskCccd('096185086719')).toBe('0961****6719');
    expect(maskCccd('096 185 086719')).toBe('0961****6719');
  });
  it('keeps the first four and last three digits of a phone', () => {
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskPhone('0912 345 678')).toBe('0912***678');
  });
  it('hides short values entirely', () => {
    expect(maskCccd('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('*****');
  });
});
