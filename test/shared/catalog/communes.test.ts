import { describe, expect, it } from 'vitest';
import {
  COMMUNES_PROVENANCE,
  communes,
  findCommune,
} from '../../../shared/catalog/communes.ts';
import { findFormerCommune, successorsOfOldCommune } from '../../../shared/catalog/former-communes.ts';

describe('the communes of Cà Mau since 1 July 2025', () => {
  it('are 64: 55 xã and 9 phường, with unique 5-digit codes', () => {
    const list = communes();
    expect(list).toHaveLength(64);
    expect(list.filter((c) => c.type === 'Xã')).toHaveLength(55);
    expect(list.filter((c) => c.type === 'Phường')).toHaveLength(9);
    expect(new Set(list.map((c) => c.code)).size).toBe(64);
    expect(list.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
  });

  it('include former Bạc Liêu', () => {
    expect(findCommune('31825')).toMatchObject({ fullName: 'Phường Bạc Liêu', formerProvince: 'Bạc Liêu' });
    expect(findCommune('32092')).toMatchObject({ fullName: 'Xã Hồ Thị Kỷ', type: 'Xã' });
  });

  it('keep where the data comes from', () => {
    expect(COMMUNES_PROVENANCE.dataset).toContain('Cà Mau');
    expect(COMMUNES_PROVENANCE.legalBasis.join(' ')).toContain('1655/NQ-UBTVQH15');
    expect(JSON.stringify(COMMUNES_PROVENANCE.source)).toContain('thanglequoc/vietnamese-provinces-database');
  });

  it('know nothing of a code outside the list', () => {
    expect(findCommune('99999')).toBeUndefined();
    expect(findCommune('31999')).toBeUndefined();
  });
});

describe('pre-2025 communes', () => {
  it('map every one of the 164 old Cà Mau and Bạc Liêu communes to 2025 communes', () => {
    expect(findFormerCommune('31999')).toMatchObject({ fullName: 'Phường 9', district: 'Thành phố Cà Mau' });
    expect(successorsOfOldCommune('31999')?.map((s) => [s.commune.code, s.extent])).toEqual([['32002', 'full']]);
  });

  it('name every commune a split one went to', () => {
    expect(successorsOfOldCommune('32017')?.map((s) => s.commune.fullName)).toEqual([
      'Phường Tân Thành',
      'Phường Hòa Thành',
    ]);
  });

  it('some old codes live on as new codes', () => {
    expect(findCommune('32002')).toBeDefined();
    expect(findFormerCommune('32002')?.fullName).toBe('Phường 2');
  });

  it('an unknown code has no successors', () => {
    expect(successorsOfOldCommune('12345')).toBeUndefined();
  });
});
