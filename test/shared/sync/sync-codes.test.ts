import { describe, expect, it } from 'vitest';
import { isMessageCode, t } from '../../../shared/i18n/index.ts';
import { SYNC_CODES } from '../../../shared/sync/sync-codes.ts';

describe('sync engine codes', () => {
  it.each(SYNC_CODES)('%s has a message in Vietnamese and English', (code) => {
    expect(isMessageCode(code)).toBe(true);
    expect(t('vi', code)).not.toBe(t('en', code));
  });
});
