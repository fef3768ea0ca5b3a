import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SyncReport, SyncStatus } from '../../../shared/sync/sync-report.ts';
import { createSyncProgress } from '../../../cli/upstream/sync-progress.ts';
import { syncOutcome } from '../../../cli/upstream/sync-outcome.ts';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text };
}

function run(tty: boolean, color: boolean): string {
  const out = sink();
  const progress = createSyncProgress(out.stream, { lang: 'en', total: 500, tty, color });
  progress.onProgress({ kind: 'chunk', records: 250, bytes: 90_000 });
  progress.onProgress({ kind: 'waiting', attempt: 1, delayMs: 1500, cause: 'SYNC_NETWORK' });
  progress.onProgress({ kind: 'receipts', sent: 250, accepted: 240, duplicate: 0, quarantined: 10 });
  progress.onProgress({ kind: 'chunk', records: 250, bytes: 90_000 });
  progress.onProgress({ kind: 'receipts', sent: 500, accepted: 488, duplicate: 2, quarantined: 10 });
  progress.finish();
  return out.text();
}

describe('sync progress', () => {
  it('on a terminal redraws one bar in place: records receipted of the total, batch, retries, then clears it', () => {
    const text = run(true, false);
    const frames = text.split('\r').filter((frame) => frame !== '');
    expect(frames.at(-2)).toContain('500/500 records · batch 2 · retries 1');
    expect(text).toContain('waiting 1.5 s before trying again (SYNC_NETWORK)');
    expect(text).not.toContain('\n');
    expect(text.endsWith('\r\u001b[K')).toBe(true);
    // Only the clear-to-end-of-line escape, no colour.
    expect(text.replaceAll('\u001b[K', '')).not.toContain('\u001b[');
  });

  it('colours the bar only when asked (a terminal without NO_COLOR)', () => {
    expect(run(true, true)).toContain('\u001b[32m█');
  });

  it('in a log writes plain lines, one per answered batch and per retry, without escapes', () => {
    expect(run(false, true).split('\n').filter(Boolean)).toEqual([
      'Try 1 failed — Cannot reach the server (no signal or the connection dropped); the records are still queued. Trying again in 1.5 s.',
      'Batch 1: 250/500 records receipted (accepted 240, already there 0, quarantined 10).',
      'Batch 2: 500/500 records receipted (accepted 488, already there 2, quarantined 10).',
    ]);
  });
});

describe('sync exit codes', () => {
  const report = (status: SyncStatus, extra: Partial<SyncReport> = {}): SyncReport => ({
    status,
    sent: 0,
    accepted: 0,
    duplicate: 0,
    quarantined: 0,
    remaining: 0,
    quarantinedTotal: 0,
    reasons: [],
    ...extra,
  });
  const cases: [string, SyncReport, number][] = [
    ['everything sent', report('complete'), 0],
    ['records quarantined with their reason', report('complete', { quarantinedTotal: 3 }), 1],
    ['records without a receipt yet', report('partial', { remaining: 2 }), 1],
    ['Ctrl+C', report('aborted', { remaining: 9 }), 1],
    ['no network', report('offline', { remaining: 9, problem: { code: 'SYNC_NETWORK' } }), 3],
    ['the server busy', report('server-unavailable', { remaining: 9, problem: { code: 'UNAVAILABLE', status: 503 } }), 3],
    ['the token refused', report('auth-required', { remaining: 9, problem: { code: 'UNAUTHORIZED', status: 401 } }), 3],
    ['the server breaking the protocol', report('failed', { problem: { code: 'BAD_RESPONSE' } }), 3],
    ['the disk failing', report('failed', { problem: { code: 'STORAGE_ERROR', message: 'disk full' } }), 1],
  ];
  it.each(cases)('%s → exit %i', (_what, given, code) => {
    expect(syncOutcome('en', 'http://127.0.0.1:1/', given).exitCode).toBe(code);
  });
});
