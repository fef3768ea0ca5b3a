import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { appointmentAfter, nextDecision } from '../../../cli/sandbox/province-outcomes.ts';
import { dossierCode, receiptNumber, vietnamDayStamp } from '../../../cli/sandbox/server-refs.ts';

const AT = Date.parse('2026-11-27T02:00:00Z'); // a Friday in Vietnam

describe('the province decides deterministically', () => {
  it('draws the same decision for the same seed, record and rev', () => {
    const record = { id: uuidv7(), rev: 1, type: 'dossier', status: 'received' } as const;
    expect(nextDecision(9, record, AT)).toEqual(nextDecision(9, record, AT));
  });

  it('mostly approves, sometimes sends back, schedules or refuses', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 2000; i += 1) {
      const decision = nextDecision(1, { id: `r-${i}`, rev: 1, type: 'eid', status: 'received' }, AT);
      const key = decision?.status ?? 'none';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts['approved']).toBeGreaterThan(1200);
    expect(counts['needs_fix']).toBeGreaterThan(100);
    expect(counts['scheduled']).toBeGreaterThan(100);
    expect(counts['rejected']).toBeGreaterThan(50);
    expect(counts['rejected']).toBeLessThan(counts['needs_fix'] ?? 0);
  });

  it('never sends a fixed record (rev > 1) back for another fix', () => {
    for (let i = 0; i < 500; i += 1) {
      expect(nextDecision(1, { id: `r-${i}`, rev: 2, type: 'dossier', status: 'received' }, AT)?.status).not.toBe('needs_fix');
    }
  });

  it('activates approved e-ID applications, ends approved dossiers, and approves after an appointment', () => {
    expect(nextDecision(1, { id: 'a', rev: 1, type: 'eid', status: 'approved' }, AT)).toEqual({ status: 'activated' });
    expect(nextDecision(1, { id: 'a', rev: 1, type: 'dossier', status: 'approved' }, AT)).toBeUndefined();
    expect(nextDecision(1, { id: 'a', rev: 1, type: 'dossier', status: 'scheduled' }, AT)).toEqual({ status: 'approved' });
    expect(nextDecision(1, { id: 'a', rev: 1, type: 'eid', status: 'needs_fix' }, AT)).toBeUndefined();
  });

  it('sets appointments on working days, 2 to 4 working days later, at 08:00 or 14:00 in Vietnam', () => {
    for (const pick of [0, 0.2, 0.5, 0.7, 0.99]) {
      const at = appointmentAfter(AT, pick);
      const local = new Date(at + 7 * 3_600_000);
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
      expect([8, 14]).toContain(local.getUTCHours());
      // Friday 27/11 → Tuesday 1/12 at the earliest, Thursday 3/12 at the latest.
      expect(local.getUTCDate() === 1 || local.getUTCDate() === 2 || local.getUTCDate() === 3).toBe(true);
    }
  });
});

describe('server references', () => {
  it('dates references by the day in Vietnam (UTC+7), not UTC', () => {
    expect(vietnamDayStamp(Date.parse('2026-11-27T16:59:59Z'))).toBe('261127');
    expect(vietnamDayStamp(Date.parse('2026-11-27T17:00:00Z'))).toBe('261128');
  });

  it('writes dossier codes as <unit>-<YYMMDD>-<NNNN> and receipt numbers as TN-<YYMMDD>-<NNNNNN>', () => {
    expect(dossierCode('000.00.00.H12', AT, 7)).toBe('000.00.00.H12-261127-0007');
    expect(dossierCode('000.00.00.H12', AT, 12345)).toBe('000.00.00.H12-261127-12345');
    expect(receiptNumber(AT, 42)).toBe('TN-261127-000042');
  });
});
