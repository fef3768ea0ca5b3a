import type { SyncReport } from '../../shared/sync/sync-report.ts';
import { CUT_KINDS, startFaultProxy, type CutKind } from './fault-proxy.ts';
import { enrolDevice, readProvince, type ProvinceView } from './sandbox-process.ts';
import { soakRecords, type Expected } from './soak-records.ts';
import { createSyncClient, nodeFetch } from './sync-client.ts';

export interface SoakSeedOptions {
  /** A running sandbox; each seed gets its own team and device in it. */
  readonly sandbox: { readonly url: string; readonly host: string; readonly port: number; readonly dbFile: string };
  readonly seed: number;
  readonly records: number;
  /** Share of connections the proxy cuts (default 0.2). */
  readonly cutRate?: number;
  /** Sync runs allowed before the seed counts as stuck (default 40). */
  readonly maxRounds?: number;
  /** The seed is abandoned (and fails) after this long (default 120 s). */
  readonly timeoutMs?: number;
}

export interface SoakSeedResult {
  readonly seed: number;
  readonly seconds: number;
  readonly reports: readonly SyncReport[];
  readonly connections: number;
  readonly cuts: Record<CutKind, number>;
  /** Cuts by the method of the request they hit (cuts before a request have none). */
  readonly cutsByMethod: Readonly<Record<string, number>>;
  /** Ids the device holds a stored receipt (accepted or duplicate) for, sorted. */
  readonly receiptedIds: string[];
  /** Quarantined records and their reason codes. */
  readonly quarantined: ReadonlyMap<string, string>;
  readonly pending: number;
  readonly province: ProvinceView;
  readonly expected: ReadonlyMap<string, Expected>;
  /** Every broken promise, one line each; empty when the seed holds. */
  readonly violations: string[];
}

/**
 * One seed of the fault soak (docs/TESTING.md): a fresh device syncs its outbox to the sandbox through
 * the fault proxy cutting connections before the request, mid-request, mid-response and after
 * the commit, until the engine says complete. Then the promise is checked both sides: the
 * province's ids are the device's receipted ids, nothing was stored or committed twice, and
 * every record ended receipted or quarantined with the reason it had to have.
 */
export async function runSoakSeed(options: SoakSeedOptions): Promise<SoakSeedResult> {
  const started = performance.now();
  const { sandbox, seed } = options;
  const device = await enrolDevice(sandbox, { name: `Tổ soak ${seed}` });
  const kase = await soakRecords(seed, options.records);
  const proxy = await startFaultProxy({ target: { host: sandbox.host, port: sandbox.port }, cutRate: options.cutRate ?? 0.2, seed });
  const client = createSyncClient({
    baseUrl: proxy.url,
    deviceId: device.deviceId,
    token: device.token,
    records: kase.records,
    attachments: kase.attachments,
    seed,
    fetch: nodeFetch({ connectionClose: true }),
    // Small chunks: more requests, so more of them meet a cut.
    limits: { maxRecords: 100 },
    backoff: { baseMs: 5, capMs: 40 },
    maxAttempts: 8,
  });
  let reports: SyncReport[];
  try {
    reports = await client.syncUntilSettled(options.maxRounds ?? 40, AbortSignal.timeout(options.timeoutMs ?? 120_000));
  } finally {
    await proxy.close();
  }
  const { store } = client;
  const province = readProvince(sandbox.dbFile, device.teamId);
  const receiptedIds: string[] = [];
  for (const record of kase.records) {
    const receipt = await store.receiptFor(record.id);
    if (receipt && (receipt.status === 'accepted' || receipt.status === 'duplicate')) receiptedIds.push(record.id);
  }
  receiptedIds.sort();
  const quarantined = new Map((await store.listQuarantined()).map((entry) => [entry.id, entry.reason.code]));
  const { pending } = await store.counts();
  const result = {
    seed,
    seconds: (performance.now() - started) / 1000,
    reports,
    connections: proxy.stats.connections,
    cuts: { ...proxy.stats.cuts },
    cutsByMethod: { ...proxy.stats.cutsByMethod },
    receiptedIds,
    quarantined,
    pending,
    province,
    expected: kase.expected,
  };
  return { ...result, violations: violationsOf(result) };
}

function violationsOf(result: Omit<SoakSeedResult, 'violations'>): string[] {
  const found: string[] = [];
  const last = result.reports.at(-1);
  if (last?.status !== 'complete') found.push(`the last run ended ${last?.status ?? 'never'} after ${result.reports.length} runs`);
  if (result.pending > 0) found.push(`${result.pending} records still pending without a reason`);
  const atProvince = new Set(result.province.ids);
  const receipted = new Set(result.receiptedIds);
  for (const id of atProvince) if (!receipted.has(id)) found.push(`${id}: stored at the province without a receipt on the device`);
  for (const id of receipted) if (!atProvince.has(id)) found.push(`${id}: receipted on the device but not at the province`);
  for (const [id, want] of result.expected) {
    const got = result.quarantined.get(id) ?? (receipted.has(id) ? 'stored' : 'nothing');
    if (got !== want) found.push(`${id}: expected ${want}, ended ${got}`);
  }
  for (const id of result.province.idsStoredTwice) found.push(`${id}: stored twice`);
  for (const id of result.province.idsReceivedTwice) found.push(`${id}: committed twice`);
  if (result.province.sameContentUnderTwoIds > 0) found.push(`${result.province.sameContentUnderTwoIds} payloads stored under two ids`);
  return found;
}

/** Cut kinds that never happened across these seeds (the soak must meet every kind). */
export function missingCutKinds(results: readonly { readonly cuts: Record<CutKind, number> }[]): CutKind[] {
  return CUT_KINDS.filter((kind) => results.every((result) => result.cuts[kind] === 0));
}
