import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../../pwa/components/connection-status.tsx';
import type { SyncReport } from '../../../shared/sync/sync-report.ts';

const report = (status: SyncReport['status']): SyncReport => ({
  status,
  sent: 0,
  accepted: 0,
  duplicate: 0,
  quarantined: 0,
  remaining: 0,
  quarantinedTotal: 0,
  reasons: [],
});

describe('what the header says of the link', () => {
  it('believes the browser when it says offline, whatever the last sync said', () => {
    expect(connectionOf(false, { running: false, report: report('complete') })).toBe('offline');
  });

  it('says the server is out of reach when the browser says online but the last sync found nobody', () => {
    expect(connectionOf(true, { running: false, report: report('offline') })).toBe('unreachable');
    expect(connectionOf(true, { running: false, report: report('server-unavailable') })).toBe('unreachable');
  });

  it('says online once a sync reached the server, and unknown before any', () => {
    expect(connectionOf(true, { running: false, report: report('partial') })).toBe('online');
    expect(connectionOf(true, { running: false })).toBe('unknown');
  });
});
