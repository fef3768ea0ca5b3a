import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, networkFailure } from '../../../shared/sync/errors.ts';

describe('error classes (DESIGN §3)', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('%i is transient', (status) => {
    expect(classifyHttpFailure(status)).toEqual({ kind: 'transient', status, cause: `HTTP_${status}` });
  });

  it.each([401, 403])('%i asks for sign-in', (status) => {
    expect(classifyHttpFailure(status, { code: 'UNAUTHORIZED' })).toEqual({ kind: 'auth', status });
  });

  it.each([400, 404, 413, 422])('%i is permanent, with the server’s code and message', (status) => {
    expect(classifyHttpFailure(status, { code: 'RECORD_INVALID', message: 'bad' })).toEqual({
      kind: 'permanent',
      status,
      code: 'RECORD_INVALID',
      message: 'bad',
    });
  });

  it('keeps the Retry-After of a transient answer', () => {
    expect(classifyHttpFailure(429, { retryAfterMs: 2_000, code: 'RATE_LIMITED' })).toEqual({
      kind: 'transient',
      status: 429,
      retryAfterMs: 2_000,
      cause: 'RATE_LIMITED',
    });
  });

  it('names a permanent answer without a body by its status', () => {
    expect(classifyHttpFailure(418)).toMatchObject({ kind: 'permanent', code: 'HTTP_418' });
  });

  it('treats no answer at all as transient, and tells an abort apart', () => {
    expect(networkFailure(false)).toEqual({ kind: 'transient', cause: 'SYNC_NETWORK' });
    expect(networkFailure(true)).toEqual({ kind: 'transient', cause: 'ABORTED' });
  });
});
