import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, networkFailure } from '../../../shared/sync/errors.ts';

describe('error classes (docs/PROTOCOL.md)', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('%i is transient', (status) => {
    expect(classifyHttpFailure(status)).toEqual({ ok: false, class: 'transient', status, code: `HTTP_${status}`, params: { status } });
  });

  it.each([
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
  ])('%i asks for sign-in', (status, code) => {
    expect(classifyHttpFailure(status, { code: 'UNAUTHORIZED' })).toEqual({ ok: false, class: 'auth', status, code, params: { status } });
  });

  it.each([400, 404, 413, 422])('%i is permanent, with the server’s code and message', (status) => {
    expect(classifyHttpFailure(status, { code: 'RECORD_INVALID', message: 'bad' })).toEqual({
      ok: false,
      class: 'permanent',
      status,
      code: 'RECORD_INVALID',
      params: { status },
      message: 'bad',
    });
  });

  it('keeps the Retry-After of a transient answer', () => {
    expect(classifyHttpFailure(429, { retryAfterMs: 2_000, code: 'RATE_LIMITED' })).toEqual({
      ok: false,
      class: 'transient',
      status: 429,
      retryAfterMs: 2_000,
      code: 'RATE_LIMITED',
      params: { status: 429 },
    });
  });

  it('names a permanent answer without a body by its status', () => {
    expect(classifyHttpFailure(418)).toMatchObject({ ok: false, class: 'permanent', code: 'HTTP_418', params: { status: 418 } });
  });

  it('treats no answer at all as transient, and tells an abort apart', () => {
    expect(networkFailure(false)).toEqual({ ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} });
    expect(networkFailure(true)).toEqual({ ok: false, class: 'transient', code: 'ABORTED', params: {} });
  });
});
