// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ResidentForm } from '../../../pwa/screens/resident-form.tsx';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { consentInDom } from '../helpers/consent-dom.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household, resident } from '../helpers/records.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { recordSearchKey } from '../../../pwa/search/search-index.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { blur, byText, click, mount, saveSettled, tearDown, testSession, typeInto, type Mounted } from '../helpers/render.tsx';

let db: LangsoDb;
let view: Mounted | undefined;
afterEach(async () => {
  view = await tearDown(view, db);
});

async function residentForm(): Promise<Mounted> {
  db = freshDb();
  view = await mount(testSession(db), <ResidentForm household={household()} isFirst={false} draftKey="resident:new:test" draft={undefined} onRestart={() => {}} />);
  await consentInDom(view.root, 'household_register');
  return view;
}

const errorUnder = (root: HTMLElement, id: string) => root.querySelector(`#${id}-error`)?.textContent ?? undefined;

describe('the member form', () => {
  it('comes after the consent screen: no field of personal data before it', async () => {
    db = freshDb();
    view = await mount(testSession(db), <ResidentForm household={household()} isFirst={false} draftKey="resident:new:test" draft={undefined} onRestart={() => {}} />);
    expect(view.root.querySelector('#fullName')).toBeNull();
    expect(view.root.querySelector('#cccd')).toBeNull();
    await consentInDom(view.root, 'household_register');
    expect(view.root.querySelector('#fullName')).not.toBeNull();
  });

  it('says under the ID field, once it is left, which digit disagrees with the sex, tied to the field for screen readers', async () => {
    const { root } = await residentForm();
    await typeInto(root, '#dateOfBirth', '04/05/1990');
    await click(root.querySelector('input[name="sex"][value="female"]'));
    await typeInto(root, '#cccd', '096090000123');
    expect(errorUnder(root, 'cccd')).toBeUndefined();
    await blur(root, '#cccd');
    expect(errorUnder(root, 'cccd')).toContain('chữ số thứ 4 là 0');
    const input = root.querySelector('#cccd');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(input?.getAttribute('aria-describedby')?.split(' ')).toContain('cccd-error');

    await typeInto(root, '#cccd', '096190000123');
    expect(errorUnder(root, 'cccd')).toBeUndefined();
    expect(root.querySelector('#cccd')?.getAttribute('aria-invalid')).toBeNull();
  });

  it('speaks the volunteer’s language', async () => {
    const { root, setLang } = await residentForm();
    await typeInto(root, '#phone', '0123');
    await blur(root, '#phone');
    expect(errorUnder(root, 'phone')).toContain('không phải số di động Việt Nam');
    await setLang('en');
    expect(errorUnder(root, 'phone')).toContain('not a 10-digit Vietnamese mobile number');
  });

  it('shows every problem on a save attempt and saves nothing', async () => {
    const { root } = await residentForm();
    await typeInto(root, '#fullName', 'Nguyễn Thị Thử');
    await typeInto(root, '#dateOfBirth', '31/02/1990');
    await click(byText(root, 'Lưu'));
    await waitFor(() => errorUnder(root, 'dateOfBirth') && saveSettled(root));
    expect(errorUnder(root, 'dateOfBirth')).toContain('không phải ngày có thật');
    expect(errorUnder(root, 'sex')).toBeDefined();
    expect(root.textContent).toContain('chỗ cần sửa');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves a valid member with its consent and queues it in the same step', async () => {
    const { root } = await residentForm();
    await typeInto(root, '#fullName', '  nguyễn   thị thử ');
    await typeInto(root, '#dateOfBirth', '04/05/1990');
    await click(root.querySelector('input[name="sex"][value="female"]'));
    await typeInto(root, '#cccd', '0961 9000 0123');
    await typeInto(root, '#phone', '+84 912 345 678');
    await click(byText(root, 'Lưu'));
    await waitFor(async () => (await db.records.count()) > 0);
    const [stored] = await db.records.toArray();
    expect(stored?.envelope).toMatchObject({
      type: 'resident',
      payload: { fullName: 'nguyễn thị thử', dateOfBirth: '1990-05-04', sex: 'female', cccd: '096190000123', phone: '0912345678' },
      consent: { purposes: ['household_register'], method: 'tick', subjectName: 'Nguyễn Thị Thử' },
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an ID number another resident on this phone already has, naming that person', async () => {
    db = freshDb();
    const home = household();
    const other = resident(home.id, { payload: { ...resident(home.id).payload, fullName: 'Lê Văn Có Trước', cccd: '096190000123' } });
    await saveRecord(db, { record: other, searchKey: recordSearchKey(other), householdId: home.id, at: other.updatedAt });
    view = await mount(testSession(db), <ResidentForm household={home} isFirst={false} draftKey="resident:new:test" draft={undefined} onRestart={() => {}} />);
    const { root } = view;
    await consentInDom(root, 'household_register');
    await typeInto(root, '#fullName', 'Nguyễn Thị Thử');
    await typeInto(root, '#dateOfBirth', '04/05/1990');
    await click(root.querySelector('input[name="sex"][value="female"]'));
    await typeInto(root, '#cccd', '0961 9000 0123');
    await waitFor(() => errorUnder(root, 'cccd'));
    expect(errorUnder(root, 'cccd')).toContain('trùng với Lê Văn Có Trước');
    await click(byText(root, 'Lưu'));
    await waitFor(() => root.textContent?.includes('chỗ cần sửa') && saveSettled(root));
    expect(await db.records.count()).toBe(1);
  });
});
