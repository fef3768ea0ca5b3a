// `npm run soak`: the fault soak at full size — 200 seeds × 10,000 records, each seed
// a fresh device syncing through our TCP proxy (≈ 20 % of connections cut before the request,
// mid-request, mid-response or after the commit) to a real `langso sandbox` child process.
// Checks, per seed: the province's ids are the device's receipted ids, nothing stored or
// committed twice, every record receipted or quarantined with the reason it must have.
// Bounded by construction: every seed has a round limit and a deadline, and a seed that hits
// either is a violation. Exit 0 only when every seed held and every cut kind happened.
//
//   npm run soak                                  # 200 × 10,000
//   npm run soak -- --seeds 5 --records 2000      # a quick look
import { parseArgs } from 'node:util';
import { CUT_KINDS, type CutKind } from '../test/helpers/fault-proxy.ts';
import { startSandboxProcess, type SandboxProcess } from '../test/helpers/sandbox-process.ts';
import { missingCutKinds, runSoakSeed, type SoakSeedResult } from '../test/helpers/soak-seed.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '200' },
    records: { type: 'string', default: '10000' },
    'first-seed': { type: 'string', default: '1' },
    'cut-rate': { type: 'string', default: '0.2' },
    // A fresh sandbox (and database file) every this many seeds keeps each seed's cost the same.
    'seeds-per-sandbox': { type: 'string', default: '10' },
    'seed-timeout-s': { type: 'string', default: '600' },
  },
});
const seeds = positive('seeds', values.seeds);
const records = positive('records', values.records);
const firstSeed = positive('first-seed', values['first-seed']);
const cutRate = Number(values['cut-rate']);
const perSandbox = positive('seeds-per-sandbox', values['seeds-per-sandbox']);
const timeoutMs = positive('seed-timeout-s', values['seed-timeout-s']) * 1000;
if (!(cutRate >= 0 && cutRate <= 1)) throw new Error('--cut-rate must be in [0, 1]');

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got ${raw})`);
  return value;
}

console.log(`soak: ${seeds} seeds × ${records} records, cut rate ${cutRate}, seeds ${firstSeed}…${firstSeed + seeds - 1}`);
const started = performance.now();
const results: Pick<SoakSeedResult, 'cuts' | 'connections' | 'violations'>[] = [];
let failedSeeds = 0;
let settled = 0;
let sandbox: SandboxProcess | undefined;
try {
  for (let n = 0; n < seeds; n += 1) {
    if (n % perSandbox === 0) {
      await sandbox?.stop();
      sandbox = await startSandboxProcess();
    }
    if (!sandbox) throw new Error('no sandbox');
    const seed = firstSeed + n;
    let result: SoakSeedResult;
    try {
      result = await runSoakSeed({ sandbox, seed, records, cutRate, timeoutMs, maxRounds: 60 });
    } catch (error) {
      failedSeeds += 1;
      console.log(`seed ${seed}: VIOLATION the run threw: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    // Keep only the small parts: 200 seeds of full results would hold 2 million ids.
    results.push({ cuts: result.cuts, connections: result.connections, violations: result.violations });
    settled += result.receiptedIds.length + result.quarantined.size;
    const cuts = CUT_KINDS.map((kind) => result.cuts[kind]).join('/');
    const runs = result.reports.length;
    const line = `seed ${seed}: ${result.receiptedIds.length} stored, ${result.quarantined.size} quarantined, ${runs} run(s), ${result.connections} connections, cuts ${cuts} (before/mid-request/mid-response/after-commit), ${result.seconds.toFixed(1)} s`;
    if (result.violations.length === 0) console.log(`${line} — ok`);
    else {
      failedSeeds += 1;
      console.log(`${line} — ${result.violations.length} VIOLATION(S):`);
      for (const violation of result.violations.slice(0, 20)) console.log(`  ${violation}`);
    }
  }
} finally {
  await sandbox?.stop();
}

const totals = Object.fromEntries(CUT_KINDS.map((kind) => [kind, results.reduce((sum, r) => sum + r.cuts[kind], 0)])) as Record<CutKind, number>;
const connections = results.reduce((sum, r) => sum + r.connections, 0);
const cutCount = CUT_KINDS.reduce((sum, kind) => sum + totals[kind], 0);
const missing = missingCutKinds(results);
const minutes = (performance.now() - started) / 60_000;
console.log(`cuts: ${CUT_KINDS.map((kind) => `${kind} ${totals[kind]}`).join(', ')}; ${cutCount} of ${connections} connections (${((100 * cutCount) / Math.max(1, connections)).toFixed(1)} %)`);
if (missing.length > 0) console.log(`VIOLATION: no cut of kind ${missing.join(', ')} happened`);
const verdict = failedSeeds === 0 && missing.length === 0 ? 'PASS' : 'FAIL';
console.log(
  `soak ${verdict}: ${seeds - failedSeeds}/${seeds} seeds held, ${settled} records ended receipted or quarantined with their reason, ${minutes.toFixed(1)} min`,
);
process.exitCode = verdict === 'PASS' ? 0 : 1;
