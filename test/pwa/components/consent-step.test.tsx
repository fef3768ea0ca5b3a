// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consent } from '../../../shared/domain/consent.ts';
import { ConsentStep } from '../../../pwa/components/consent-step.tsx';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { byText, click, mount, tearDown, testSession, typeInto, type Mounted } from '../helpers/render.tsx';

let db: LangsoDb;
let view: Mounted | undefined;
afterEach(async () => {
  view = await tearDown(view, db);
});

async function consentScreen(given: Consent[]): Promise<Mounted> {
  db = freshDb();
  view = await mount(
    testSession(db),
    <ConsentStep need={['eid_registration']} categories={['identity', 'contact', 'portrait_photo']} onGiven={(c) => given.push(c)} />,
  );
  return view;
}

describe('the consent screen', () => {
  it('opens with nothing ticked: no purpose, no agreement, no way of confirming chosen for the resident', async () => {
    const { root } = await consentScreen([]);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')];
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    expect(boxes.filter((b) => b.checked)).toEqual([]);
    // The text a volunteer reads aloud names the rights and the law.
    expect(root.textContent).toContain('91/2025/QH15');
    expect(root.textContent).toContain('356/2025/NĐ-CP');
    expect(root.textContent).toContain('rút lại sự đồng ý');
  });

  it('refuses to continue until the resident has ticked the purpose and agreed, saying what is missing', async () => {
    const given: Consent[] = [];
    const { root } = await consentScreen(given);
    await click(byText(root, 'Đã đồng ý — tiếp tục'));
    expect(given).toEqual([]);
    expect(root.textContent).toContain('Cần ít nhất một mục đích được người dân đồng ý.');
    expect(root.textContent).toContain('Hãy đọc to quyền của người dân rồi đánh dấu ô này.');
    const rights = root.querySelector<HTMLInputElement>('#consent-rights');
    expect(rights?.getAttribute('aria-invalid')).toBe('true');
    expect(rights?.getAttribute('aria-describedby')).toBe('consent-rights-error');
  });

  it('gives a consent naming the purposes ticked, the categories, the method and the volunteer', async () => {
    const given: Consent[] = [];
    const { root } = await consentScreen(given);
    await click(root.querySelector('input[value="eid_registration"]'));
    await click(root.querySelector('#consent-rights'));
    await typeInto(root, '#consent-subject', '  Nguyễn   Thị Thử ');
    await click(root.querySelector('input[name="consent-method"][value="tick"]'));
    const agree = root.querySelector<HTMLInputElement>('#consent-agree');
    expect(agree?.checked).toBe(false);
    await click(agree);
    await click(byText(root, 'Đã đồng ý — tiếp tục'));
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({
      purposes: ['eid_registration'],
      dataCategories: ['identity', 'contact', 'portrait_photo'],
      method: 'tick',
      rightsShown: true,
      subjectName: 'Nguyễn Thị Thử',
      volunteerId: 'Tình nguyện viên Thử',
      givenAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it('does not take a tick of the method alone as agreement', async () => {
    const given: Consent[] = [];
    const { root } = await consentScreen(given);
    await click(root.querySelector('input[value="eid_registration"]'));
    await click(root.querySelector('#consent-rights'));
    await typeInto(root, '#consent-subject', 'Nguyễn Thị Thử');
    await click(root.querySelector('input[name="consent-method"][value="tick"]'));
    await click(byText(root, 'Đã đồng ý — tiếp tục'));
    expect(given).toEqual([]);
    expect(root.textContent).toContain('Người dân cần tự bấm ô đồng ý.');
  });
});
