import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUT_KINDS } from '../helpers/fault-proxy.ts';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandbox-process.ts';
import { missingCutKinds, runSoakSeed, type SoakSeedResult } from '../helpers/soak-seed.ts';

const SEEDS = Array.from({ length: 20 }, (_, n) => 101 + 7 * n);
const RECORDS = 2_000;

/**
 * The promise of docs/PROTOCOL.md, proven end to end: the shared engine over Node's fetch,
 * the real `langso sandbox` as a child process with its SQLite file, and between them our TCP
 * proxy cutting about a fifth of connections before the request, mid-request, mid-response and
 * after the commit. Seeds run one after another, each with its own team and device; `npm run
 * soak` runs the same check at 200 seeds × 10,000 records.
 */
describe('sync through cut connections to the real sandbox', () => {
  let sandbox: SandboxProcess | undefined;
  const results: SoakSeedResult[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
  }, 120_000);

  afterAll(async () => {
    await sandbox?.stop();
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: the province holds exactly the receipted records, once each; every other record is quarantined with its reason`, async () => {
      if (!sandbox) throw new Error('sandbox did not start');
      const result = await runSoakSeed({ sandbox, seed, records: RECORDS });
      results.push(result);

      expect(result.reports.at(-1)?.status).toBe('complete');
      expect(result.pending).toBe(0);
      // Nothing lost: what the province holds is exactly what the device has receipts for.
      expect(result.province.ids).toEqual(result.receiptedIds);
      // Nothing twice: one row and one "received" per id, no payload under a second id.
      expect(result.province.idsStoredTwice).toEqual([]);
      expect(result.province.idsReceivedTwice).toEqual([]);
      expect(result.province.sameContentUnderTwoIds).toBe(0);
      // Every record not at the province is quarantined with the reason it had to have.
      const mustRefuse = new Map([...result.expected].filter(([, how]) => how !== 'stored'));
      expect(result.quarantined).toEqual(mustRefuse);
      expect(result.receiptedIds.length + result.quarantined.size).toBe(RECORDS);
      expect(result.violations).toEqual([]);
    }, 150_000);
  }

  it('cut connections of every kind, on batches and attachment uploads, on about a fifth of connections', () => {
    expect(results).toHaveLength(SEEDS.length);
    expect(missingCutKinds(results)).toEqual([]);
    const connections = results.reduce((sum, result) => sum + result.connections, 0);
    const cuts = results.reduce((sum, result) => sum + CUT_KINDS.reduce((n, kind) => n + result.cuts[kind], 0), 0);
    expect(cuts / connections).toBeGreaterThan(0.12);
    expect(cuts / connections).toBeLessThan(0.28);
    const methods = new Set(results.flatMap((result) => Object.keys(result.cutsByMethod)));
    expect([...methods].sort()).toEqual(['HEAD', 'POST', 'PUT']);
  });
});
