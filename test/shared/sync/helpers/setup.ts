import { createSyncEngine, type SyncEngine } from '../../../../shared/sync/engine.ts';
import type { SyncEngineOptions } from '../../../../shared/sync/engine-options.ts';
import { createMemoryOutboxStore, type MemoryOutboxStore } from '../../../../shared/sync/memory-outbox-store.ts';
import type { OutboxEntry } from '../../../../shared/sync/outbox-store.ts';
import type { SyncProgress } from '../../../../shared/sync/sync-report.ts';
import { makeEntries, testIds, type RecordOptions } from './entries.ts';
import { createFakeTime, type FakeTime } from './fake-time.ts';
import { FakeProvince, type FaultOptions } from './fake-province.ts';
import { seededRandom } from './seeded.ts';

export interface Rig {
  readonly time: FakeTime;
  readonly store: MemoryOutboxStore;
  readonly province: FakeProvince;
  readonly entries: OutboxEntry[];
  readonly engine: SyncEngine;
  readonly progress: SyncProgress[];
}

export interface RigOptions {
  readonly count?: number;
  readonly seed?: number;
  readonly faults?: FaultOptions;
  readonly record?: RecordOptions;
  readonly engine?: Partial<SyncEngineOptions>;
}

/** A memory outbox with `count` queued records, an in-memory province and an engine over both. */
export async function createRig(options: RigOptions = {}): Promise<Rig> {
  const seed = options.seed ?? 1;
  const time = createFakeTime();
  const store = createMemoryOutboxStore();
  const province = new FakeProvince(time.clock, options.faults);
  const entries = await makeEntries(options.count ?? 10, testIds(seed), options.record);
  for (const entry of entries) store.enqueue(entry);
  const progress: SyncProgress[] = [];
  const engine = createSyncEngine({
    store,
    transport: province,
    deviceId: 'device-test-1',
    clock: time.clock,
    random: seededRandom(seed + 1000),
    ids: testIds(seed + 2000),
    sleep: time.sleep,
    onProgress: (event) => progress.push(event),
    ...options.engine,
  });
  return { time, store, province, entries, engine, progress };
}

/** Ids of every record the outbox still holds, pending or quarantined. */
export async function outboxIds(store: MemoryOutboxStore): Promise<string[]> {
  const pending = await store.peek({ maxRecords: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
  const quarantined = await store.listQuarantined();
  return [...pending, ...quarantined].map((entry) => entry.id);
}
