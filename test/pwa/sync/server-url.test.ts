import { describe, expect, it } from 'vitest';
import { parseServerUrl } from '../../../pwa/sync/server-url.ts';

describe('server addresses', () => {
  it('takes what a volunteer types and makes an origin of it', () => {
    expect(parseServerUrl(' https://langso.example.vn/ ')).toBe('https://langso.example.vn');
    expect(parseServerUrl('hub.local:8443')).toBe('https://hub.local:8443');
    expect(parseServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('')).toBeUndefined();
    expect(parseServerUrl('ftp://x')).toBeUndefined();
  });
});
