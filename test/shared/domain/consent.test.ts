import { describe, expect, it } from 'vitest';
import { processorName } from '../../../shared/domain/consent.ts';

describe('who the consent names as processor', () => {
  it('keeps a team name that already says what kind of team it is, in any case or spelling of accents', () => {
    expect(processorName('Tổ công nghệ số cộng đồng xã Hồng Dân')).toBe('Tổ công nghệ số cộng đồng xã Hồng Dân');
    expect(processorName('TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ấp Tân Lợi')).toBe('TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ấp Tân Lợi');
  });

  it('says the kind of team before a short name, and alone when there is no name', () => {
    expect(processorName('Ấp Một')).toBe('Tổ công nghệ số cộng đồng Ấp Một');
    expect(processorName(undefined)).toBe('Tổ công nghệ số cộng đồng');
    expect(processorName('  ')).toBe('Tổ công nghệ số cộng đồng');
  });
});
