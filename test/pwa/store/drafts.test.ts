import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { createDraftWriter, DRAFT_KEYS, draftTarget } from '../../../pwa/store/drafts.ts';
import type { DraftRow } from '../../../pwa/store/types.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { freshDb } from '../helpers/fresh-db.ts';

let db: LangsoDb;
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const row = (note: string): DraftRow => ({ key: 'household:new', kind: 'household', title: 'Trần Thị Mẫu', values: { note }, updatedAt: '2026-03-01T08:00:00.000Z' });
const stored = async () => (await db.drafts.get('household:new'))?.values;

describe('the draft writer', () => {
  it('writes the first change at once, then the last change of a burst of typing once the window ends', async () => {
    db = freshDb();
    vi.useFakeTimers();
    const put = vi.spyOn(db.drafts, 'put');
    const writer = createDraftWriter(db, 400, (error) => {
      throw error;
    });
    writer.schedule(() => row('N'));
    for (const typed of ['Ng', 'Ngh', 'Nghè', 'Nghèo']) writer.schedule(() => row(typed));
    expect(put).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(400);
    expect(put).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(2000);
    expect(put).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
    await waitFor(async () => (await stored()) !== undefined);
    expect(await stored()).toEqual({ note: 'Nghèo' });
  });

  it('writes what is pending when flushed, and nothing after it is stopped for the save', async () => {
    db = freshDb();
    const writer = createDraftWriter(db, 60_000, (error) => {
      throw error;
    });
    writer.schedule(() => row('một'));
    writer.schedule(() => row('hai'));
    writer.flush();
    await waitFor(async () => (await stored()) !== undefined && JSON.stringify(await stored()).includes('hai'));
    writer.stop();
    writer.schedule(() => row('ba'));
    writer.flush();
    // A write would have been issued synchronously by flush: the next read follows it in IndexedDB's order.
    expect(await stored()).toEqual({ note: 'hai' });
    writer.resume();
    writer.schedule(() => row('bốn'));
    await waitFor(async () => JSON.stringify(await stored()).includes('bốn'));
  });
});

describe('draft keys', () => {
  it('say which form a draft belongs to, and for which record or parent', () => {
    const id = '01a23c6b-a2b5-7cc6-aa82-9941a6683d7e';
    expect(draftTarget(DRAFT_KEYS.newHousehold())).toEqual({ form: 'household-new' });
    expect(draftTarget(DRAFT_KEYS.newResident(id))).toEqual({ form: 'resident-new', parentId: id });
    expect(draftTarget(DRAFT_KEYS.newEid(id))).toEqual({ form: 'eid-new', parentId: id });
    expect(draftTarget(DRAFT_KEYS.newDossier(id))).toEqual({ form: 'dossier-new', parentId: id });
    expect(draftTarget(DRAFT_KEYS.edit(id))).toEqual({ form: 'edit', recordId: id });
    expect(draftTarget('something:else')).toBeUndefined();
  });
});
