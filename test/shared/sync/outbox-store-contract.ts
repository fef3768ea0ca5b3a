import { describe, expect, it } from 'vitest';
import type { OutboxEntry, OutboxStore } from '../../../shared/sync/outbox-store.ts';
import type { Receipt, Update } from '../../../shared/sync/protocol.ts';
import { makeEntry, testIds } from './helpers/entries.ts';

/** What each store implementation gives the contract suite. */
export interface OutboxStoreHarness {
  readonly store: OutboxStore;
  /** Queues an entry the way the app does (in the record's own transaction). */
  addEntry(entry: OutboxEntry): Promise<void>;
  addAttachment(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The last province decision the store holds for a record. */
  latestUpdate(id: string): Promise<Update | undefined>;
  close(): Promise<void>;
}

const AT = '2026-03-02T09:00:00.000Z';
const SHA = 'a'.repeat(64);

/**
 * The OutboxStore contract (outbox-store.ts), run over every implementation: memory now, Dexie
 * and SQLite in their own test files. Each test gets a fresh, empty store.
 */
export function describeOutboxStoreContract(name: string, makeStore: () => Promise<OutboxStoreHarness>): void {
  describe(`OutboxStore contract: ${name}`, () => {
    async function withStore(test: (harness: OutboxStoreHarness, entries: OutboxEntry[]) => Promise<void>, count = 5): Promise<void> {
      const harness = await makeStore();
      try {
        const ids = testIds(7);
        const entries: OutboxEntry[] = [];
        for (let n = 0; n < count; n += 1) {
          entries.push(await makeEntry(ids.next(), n, { queuedAt: new Date(Date.UTC(2026, 2, 1, 8, n)).toISOString() }));
        }
        for (const entry of entries) await harness.addEntry(entry);
        await test(harness, entries);
      } finally {
        await harness.close();
      }
    }
    const keysOf = (entries: readonly OutboxEntry[]): string[] => entries.map((entry) => `${entry.id}@${entry.rev}`);
    const receipt = (entry: OutboxEntry, status: Receipt['status'], extra: Partial<Receipt> = {}): Receipt => ({ id: entry.id, rev: entry.rev, status, ...extra });

    it('peeks pending entries oldest first, as the exact wire form queued', async () => {
      await withStore(async ({ store }, entries) => {
        const peeked = await store.peek({ maxRecords: 100, maxBytes: 10_000_000 });
        expect(keysOf(peeked)).toEqual(keysOf(entries));
        expect(peeked[0]?.record).toEqual(entries[0]?.record);
        expect(peeked[0]?.bytes).toBe(entries[0]?.bytes);
      });
    });

    it('peeks no more than maxRecords', async () => {
      await withStore(async ({ store }, entries) => {
        expect(keysOf(await store.peek({ maxRecords: 2, maxBytes: 10_000_000 }))).toEqual(keysOf(entries.slice(0, 2)));
      });
    });

    it('peeks the longest prefix within maxBytes', async () => {
      await withStore(async ({ store }, entries) => {
        const [a, b, c] = entries.map((entry) => entry.bytes);
        const budget = (a ?? 0) + (b ?? 0) + (c ?? 0) - 1;
        expect(keysOf(await store.peek({ maxRecords: 100, maxBytes: budget }))).toEqual(keysOf(entries.slice(0, 2)));
      });
    });

    it('peeks one entry even when it alone is bigger than maxBytes', async () => {
      await withStore(async ({ store }, entries) => {
        expect(keysOf(await store.peek({ maxRecords: 100, maxBytes: 1 }))).toEqual(keysOf(entries.slice(0, 1)));
      });
    });

    it('peeks nothing from an empty outbox', async () => {
      await withStore(async ({ store }) => {
        expect(await store.peek({ maxRecords: 100, maxBytes: 1_000 })).toEqual([]);
        expect(await store.counts()).toEqual({ pending: 0, quarantined: 0 });
      }, 0);
    });

    it('removes exactly the (id, rev) of accepted and duplicate receipts, and keeps the receipts', async () => {
      await withStore(async ({ store }, entries) => {
        const [first, second] = entries as [OutboxEntry, OutboxEntry];
        await store.applyReceipts([receipt(first, 'accepted', { serverRef: 'R-1' }), receipt(second, 'duplicate')], AT);
        expect(keysOf(await store.peek({ maxRecords: 100, maxBytes: 10_000_000 }))).toEqual(keysOf(entries.slice(2)));
        expect(await store.receiptFor(first.id)).toMatchObject({ status: 'accepted', serverRef: 'R-1' });
        expect(await store.receiptFor(second.id)).toMatchObject({ status: 'duplicate' });
        expect((await store.counts()).pending).toBe(entries.length - 2);
      });
    });

    it('does not remove a newer rev on the receipt of an older one', async () => {
      await withStore(async (harness, entries) => {
        const [first] = entries as [OutboxEntry];
        const newer = await makeEntry(first.id, 0, { rev: 2, padding: 3 });
        await harness.addEntry(newer);
        await harness.store.applyReceipts([receipt(first, 'accepted')], AT);
        const left = await harness.store.peek({ maxRecords: 100, maxBytes: 10_000_000 });
        expect(keysOf(left)).toContain(`${first.id}@2`);
        expect(keysOf(left)).not.toContain(`${first.id}@1`);
      });
    });

    it('keeps a receipt for an (id, rev) no longer queued without changing the outbox', async () => {
      await withStore(async ({ store }, entries) => {
        const [first] = entries as [OutboxEntry];
        await store.applyReceipts([receipt(first, 'accepted')], AT);
        await store.applyReceipts([receipt(first, 'duplicate')], AT);
        expect(await store.receiptFor(first.id)).toMatchObject({ status: 'duplicate' });
        expect(await store.counts()).toMatchObject({ pending: entries.length - 1, quarantined: 0 });
      });
    });

    it('quarantines rejected and conflicting entries with the receipt’s reason', async () => {
      await withStore(async ({ store }, entries) => {
        const [first, second] = entries as [OutboxEntry, OutboxEntry];
        await store.applyReceipts(
          [receipt(first, 'rejected', { code: 'TRAINING_RECORD', message: 'training' }), receipt(second, 'conflict')],
          AT,
        );
        const quarantined = await store.listQuarantined();
        expect(quarantined.map((entry) => [entry.id, entry.reason])).toEqual([
          [first.id, { code: 'TRAINING_RECORD', message: 'training' }],
          [second.id, { code: 'RECEIPT_CONFLICT' }],
        ]);
        expect(quarantined[0]?.quarantinedAt).toBe(AT);
        expect(await store.counts()).toMatchObject({ pending: entries.length - 2, quarantined: 2 });
        expect(keysOf(await store.peek({ maxRecords: 100, maxBytes: 10_000_000 }))).toEqual(keysOf(entries.slice(2)));
      });
    });

    it('quarantines with the engine’s own reason, and ignores an entry that is not pending', async () => {
      await withStore(async ({ store }, entries) => {
        const [first] = entries as [OutboxEntry];
        await store.quarantine({ id: first.id, rev: first.rev }, { code: 'ATTACHMENT_UNREADABLE', message: 'gone' }, AT);
        await store.quarantine({ id: first.id, rev: 9 }, { code: 'ATTACHMENT_UNREADABLE' }, AT);
        const quarantined = await store.listQuarantined();
        expect(quarantined).toHaveLength(1);
        expect(quarantined[0]).toMatchObject({ id: first.id, rev: 1, reason: { code: 'ATTACHMENT_UNREADABLE', message: 'gone' } });
      });
    });

    it('removes a quarantined entry when an accepted receipt for it arrives', async () => {
      await withStore(async ({ store }, entries) => {
        const [first] = entries as [OutboxEntry];
        await store.quarantine({ id: first.id, rev: first.rev }, { code: 'NO_RECEIPT' }, AT);
        await store.applyReceipts([receipt(first, 'accepted')], AT);
        expect(await store.counts()).toMatchObject({ pending: entries.length - 1, quarantined: 0 });
      });
    });

    it('requeues a quarantined record as pending, and answers false for one it does not hold', async () => {
      await withStore(async ({ store }, entries) => {
        const [first] = entries as [OutboxEntry];
        await store.applyReceipts([receipt(first, 'rejected', { code: 'RECORD_INVALID' })], AT);
        expect(await store.requeue(first.id)).toBe(true);
        expect(await store.listQuarantined()).toEqual([]);
        expect(keysOf(await store.peek({ maxRecords: 100, maxBytes: 10_000_000 }))).toContain(`${first.id}@1`);
        expect(await store.counts()).toMatchObject({ pending: entries.length, quarantined: 0 });
        expect(await store.requeue('0190c0de-0000-7000-8000-000000000000')).toBe(false);
        expect(await store.requeue(first.id)).toBe(false);
      });
    });

    it('counts pending and quarantined entries and names the oldest pending queuedAt', async () => {
      await withStore(async ({ store }, entries) => {
        const [first] = entries as [OutboxEntry];
        expect(await store.counts()).toEqual({ pending: entries.length, quarantined: 0, oldestQueuedAt: first.queuedAt });
        await store.applyReceipts([receipt(first, 'accepted')], AT);
        expect((await store.counts()).oldestQueuedAt).toBe(entries[1]?.queuedAt);
      });
    });

    it('counts failed attempts on exactly the entries named', async () => {
      await withStore(async ({ store }, entries) => {
        const [first, second] = entries as [OutboxEntry, OutboxEntry];
        await store.recordAttempt([{ id: first.id, rev: 1 }, { id: second.id, rev: 1 }]);
        await store.recordAttempt([{ id: first.id, rev: 1 }, { id: first.id, rev: 7 }]);
        const attempts = (await store.peek({ maxRecords: 100, maxBytes: 10_000_000 })).map((entry) => entry.attempts);
        expect(attempts).toEqual([2, 1, 0, 0, 0]);
      });
    });

    it('reads stored attachments back byte for byte, and undefined for unknown ones', async () => {
      await withStore(async (harness) => {
        const bytes = new Uint8Array([0, 1, 2, 250, 255]);
        await harness.addAttachment(SHA, bytes);
        expect(await harness.store.readAttachment(SHA)).toEqual(bytes);
        expect(await harness.store.readAttachment('b'.repeat(64))).toBeUndefined();
      }, 0);
    });

    it('stores a page of updates together with its cursor; the last update of a record wins', async () => {
      await withStore(async (harness, entries) => {
        const [first, second] = entries as [OutboxEntry, OutboxEntry];
        const update = (id: string, status: Update['status'], at: string): Update => ({ id, type: 'household', status, at });
        expect(await harness.store.getState('updatesCursor')).toBeUndefined();
        await harness.store.applyUpdates([update(first.id, 'received', AT), update(first.id, 'approved', AT), update(second.id, 'needs_fix', AT)], 'c-2');
        expect(await harness.store.getState('updatesCursor')).toBe('c-2');
        expect(await harness.latestUpdate(first.id)).toMatchObject({ status: 'approved' });
        expect(await harness.latestUpdate(second.id)).toMatchObject({ status: 'needs_fix' });
        // The same page again (a cursor lost before the crash) changes nothing.
        await harness.store.applyUpdates([update(first.id, 'received', AT), update(first.id, 'approved', AT)], 'c-2');
        expect(await harness.latestUpdate(first.id)).toMatchObject({ status: 'approved' });
        await harness.store.applyUpdates([], 'c-3');
        expect(await harness.store.getState('updatesCursor')).toBe('c-3');
      }, 2);
    });

    it('keeps small sync state by key', async () => {
      await withStore(async ({ store }) => {
        expect(await store.getState('catalogEtag')).toBeUndefined();
        await store.setState('catalogEtag', '"v1"');
        await store.setState('clockOffsetMs', '-1200');
        await store.setState('catalogEtag', '"v2"');
        expect(await store.getState('catalogEtag')).toBe('"v2"');
        expect(await store.getState('clockOffsetMs')).toBe('-1200');
        expect(await store.getState('lastSyncAt')).toBeUndefined();
      }, 0);
    });
  });
}
