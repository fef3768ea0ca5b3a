import { describe, expect, it } from 'vitest';
import { createMemoryOutboxStore } from '../../../shared/sync/memory-outbox-store.ts';
import { makeEntry, testIds } from './helpers/entries.ts';
import { describeOutboxStoreContract } from './outbox-store-contract.ts';

describeOutboxStoreContract('memory', async () => {
  const store = createMemoryOutboxStore();
  return {
    store,
    addEntry: async (entry) => store.enqueue(entry),
    addAttachment: async (sha256, bytes) => store.putAttachment(sha256, bytes),
    latestUpdate: async (id) => store.latestUpdate(id),
    close: async () => {},
  };
});

describe('memory outbox store', () => {
  it('ignores an (id, rev) queued twice, as importing the same batch file twice must', async () => {
    const store = createMemoryOutboxStore();
    const entry = await makeEntry(testIds().next(), 1);
    store.enqueue(entry);
    store.enqueue(entry);
    expect((await store.counts()).pending).toBe(1);
  });

  it('hands out copies of attachment bytes, so a caller cannot change what is stored', async () => {
    const store = createMemoryOutboxStore();
    store.putAttachment('c'.repeat(64), new Uint8Array([1, 2, 3]));
    const read = await store.readAttachment('c'.repeat(64));
    read?.fill(0);
    expect(await store.readAttachment('c'.repeat(64))).toEqual(new Uint8Array([1, 2, 3]));
  });
});
