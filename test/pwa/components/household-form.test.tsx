// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HouseholdFormScreen } from '../../../pwa/screens/household-form.tsx';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { recordSearchKey } from '../../../pwa/search/search-index.ts';
import { consentInDom } from '../helpers/consent-dom.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { byText, click, mount, saveSettled, tearDown, testSession, typeInto, type Mounted } from '../helpers/render.tsx';

let db: LangsoDb;
let view: Mounted | undefined;
afterEach(async () => {
  view = await tearDown(view, db);
});

describe('the household form', () => {
  it('finds a commune among the 64 without accents, and suggests the hamlets already written there', async () => {
    db = freshDb();
    const known = household({ payload: { headName: 'Trần Thị Mẫu', address: { provinceCode: '96', communeCode: '32002', hamlet: 'Khóm 5' } } });
    await saveRecord(db, { record: known, searchKey: recordSearchKey(known), householdId: known.id, at: known.updatedAt });
    view = await mount(testSession(db), <HouseholdFormScreen />);
    const { root } = view;
    await consentInDom(root, 'household_register');
    expect(root.querySelectorAll('input[name="commune"]')).toHaveLength(64);
    await typeInto(root, '#commune-search', 'an xuyen');
    const shown = [...root.querySelectorAll<HTMLInputElement>('input[name="commune"]')].map((r) => r.value);
    expect(shown).toEqual(['32002']);
    await click(root.querySelector('input[name="commune"][value="32002"]'));
    await waitFor(() => root.querySelectorAll('#hamlet-suggestions option').length > 0);
    expect(root.querySelector('[data-testid="commune-chosen"]')?.textContent).toBe('Phường An Xuyên');
    expect([...root.querySelectorAll('#hamlet-suggestions option')].map((o) => o.getAttribute('value'))).toEqual(['Khóm 5']);
  });

  it('names what is missing under each field when saved empty', async () => {
    db = freshDb();
    view = await mount(testSession(db), <HouseholdFormScreen />);
    const { root } = view;
    await consentInDom(root, 'household_register');
    await click(byText(root, 'Lưu'));
    await waitFor(() => root.querySelector('#headName-error') && saveSettled(root));
    expect(root.querySelector('#headName-error')?.textContent).toContain('Họ tên chủ hộ');
    expect(root.querySelector('#commune-error')).not.toBeNull();
    expect(root.querySelector('#hamlet-error')).not.toBeNull();
    expect(await db.records.count()).toBe(0);
  });
});
