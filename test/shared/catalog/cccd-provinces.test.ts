import { describe, expect, it } from 'vitest';
import {
  CCCD_PROVINCES_PROVENANCE,
  cccdProvinces,
  isCccdProvinceCode,
  provinceNameByCccdCode,
} from '../../../shared/catalog/cccd-provinces.ts';

describe('CCCD province codes', () => {
  it('are the 63 codes of TT 07/2016/TT-BCA', () => {
    expect(cccdProvinces()).toHaveLength(63);
    expect(CCCD_PROVINCES_PROVENANCE.legalSource).toContain('07/2016/TT-BCA');
  });

  it.each([
    ['001', 'Hà Nội'],
    ['079', 'Hồ Chí Minh'],
    ['095', 'Bạc Liêu'],
    ['096', 'Cà Mau'],
  ])('%s is %s', (code, name) => {
    expect(isCccdProvinceCode(code)).toBe(true);
    expect(provinceNameByCccdCode(code)).toBe(name);
  });

  it.each(['000', '003', '097', '099', '196', '96', ''])('%j is not a code', (code) => {
    expect(isCccdProvinceCode(code)).toBe(false);
    expect(provinceNameByCccdCode(code)).toBeUndefined();
  });
});
