// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Warnings } from '../../../pwa/components/warnings.tsx';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { mount, tearDown, testSession, type Mounted } from '../helpers/render.tsx';

let db: LangsoDb;
let view: Mounted | undefined;
afterEach(async () => {
  view = await tearDown(view, db);
});

async function warningsAt(now: string, usage = 10, quota = 100): Promise<string> {
  db = freshDb();
  const record = household();
  await saveRecord(db, { record, searchKey: 'x', at: '2026-03-01T08:00:00.000Z' });
  let estimates = 0;
  const storage = {
    estimate: async () => {
      estimates += 1;
      return { usage, quota };
    },
  };
  view = await mount(testSession(db, { clock: () => new Date(now), storage }), <Warnings />);
  // Storage is estimated on mount and again once the outbox counts are in: the second estimate
  // proves the warnings have both of what they warn about.
  await waitFor(() => estimates >= 2);
  return view.root.textContent ?? '';
}

describe('warnings on every screen', () => {
  it('says nothing while records are young and storage has room', async () => {
    expect(await warningsAt('2026-03-03T08:00:00.000Z')).toBe('');
  });

  it('warns when a record has waited more than three days', async () => {
    expect(await warningsAt('2026-03-04T09:00:00.000Z')).toContain('chưa gửi quá 3 ngày');
  });

  it('warns when storage is 80 % full', async () => {
    expect(await warningsAt('2026-03-01T09:00:00.000Z', 85, 100)).toContain('Bộ nhớ máy sắp đầy (85%)');
  });
});
