import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, onNewPhone } from './helpers/browser.ts';
import { buildPwa } from './helpers/build-pwa.ts';
import { addHousehold, fillDossierFields, giveConsent, PURPOSE_DOSSIER, PURPOSE_HOUSEHOLD, startTraining, waitForServiceWorker } from './helpers/flows.ts';
import { startStaticServer, type StaticServer } from './helpers/static-server.ts';

// Drafts in real Chromium: what was typed survives the back button, a reload, a new tab, and a
// tap on the bottom bar asks first. Training mode: no province is needed for any of it.
const app: { dist?: string; server?: StaticServer; browser?: Browser } = {};

beforeAll(async () => {
  app.dist = await buildPwa('drafts');
  app.server = await startStaticServer(app.dist);
  app.browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await app.browser?.close();
  await app.server?.close();
  if (app.dist) rmSync(app.dist, { recursive: true, force: true });
});

/** A training phone with one household and its head, on the household's page. */
async function phoneWithHousehold(use: (page: Page) => Promise<void>): Promise<void> {
  const { browser, server } = app;
  if (!browser || !server) throw new Error('the app is not served');
  await onNewPhone(browser, async (page) => {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await startTraining(page);
    await addHousehold(page, 'Phạm Văn Nháp', 'Ấp 3');
    await giveConsent(page, PURPOSE_HOUSEHOLD);
    await page.getByLabel('Ngày sinh').fill('04/05/1980');
    await page.getByRole('radio', { name: 'Nam', exact: true }).check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('heading', { name: 'Phạm Văn Nháp' }).waitFor();
    await use(page);
  });
}

const stepTitle = (page: Page) => page.locator('#dossier-title');
/** The drafts stored on the phone, as text: what a reload, a crash or another tab would find. */
const storedDrafts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('langso-training');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('drafts').objectStore('drafts').getAll();
          rows.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(rows.result));
          };
        };
      }),
  );
/** A draft is written as it is typed (use-form-save.ts): wait until it holds `text`, as a volunteer pausing would. */
const draftHolds = (page: Page, text: string) => expect.poll(() => storedDrafts(page)).toContain(text);

describe('never losing work', { timeout: 400_000 }, () => {
  it('keeps every value of the dossier wizard through the back button and a reload, and steps back inside it', () =>
    phoneWithHousehold(async (page) => {
      await page.getByTestId('member').getByRole('link', { name: 'Lập hồ sơ thủ tục' }).click();
      await giveConsent(page, PURPOSE_DOSSIER);
      await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill('khai sinh');
      await page.locator('input[name="procedure"][value="1.001193"]').check();
      await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
      await expect(stepTitle(page).textContent()).resolves.toBe('Tờ khai');
      await fillDossierFields(page, '1.001193');
      await page.locator('#f-childName').fill('Phạm Thị Bé');
      await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
      await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();

      // Android's back button: one step back, not out of the wizard, nothing lost.
      await page.goBack();
      await expect.poll(() => stepTitle(page).textContent()).toBe('Tờ khai');
      await expect(page.locator('#f-childName').inputValue()).resolves.toBe('Phạm Thị Bé');
      expect(page.url()).toMatch(/\/dossier\/form$/);

      // A reload (or the phone killing the tab) opens the same step with the same values.
      await draftHolds(page, 'Phạm Thị Bé');
      await page.reload();
      await expect.poll(() => stepTitle(page).textContent()).toBe('Tờ khai');
      await expect(page.locator('#f-childName').inputValue()).resolves.toBe('Phạm Thị Bé');
      await expect(page.locator('#f-motherName').inputValue()).resolves.toBe('Lê Thị Hoa');

      // The wizard's own back button steps back too, and the procedure is still chosen.
      await page.getByRole('button', { name: 'Quay lại' }).click();
      await expect.poll(() => stepTitle(page).textContent()).toBe('Chọn thủ tục');
      await expect(page.locator('input[name="procedure"][value="1.001193"]').isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
      await expect(page.locator('#f-childName').inputValue()).resolves.toBe('Phạm Thị Bé');
    }));

  it('asks before the bottom bar or the back button leaves a changed form, and lists the draft on the household page', () =>
    phoneWithHousehold(async (page) => {
      await page.getByRole('link', { name: 'Thêm nhân khẩu' }).click();
      await giveConsent(page, PURPOSE_HOUSEHOLD, 'Phạm Thị Dở');
      await page.getByLabel('Ngày sinh').fill('12/08/2001');

      // The bottom bar: the question, and "stay" keeps the form as it was.
      await page.getByRole('navigation').getByRole('link', { name: 'Hàng chờ' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Rời khỏi biểu mẫu này?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ở lại điền tiếp' }).click();
      await expect(page.getByLabel('Ngày sinh').inputValue()).resolves.toBe('12/08/2001');
      expect(page.url()).toMatch(/\/add$/);

      // The back button asks too; leaving keeps the draft, listed where the volunteer looks.
      await page.goBack();
      await dialog.waitFor();
      await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Phạm Thị Dở');
      await dialog.getByRole('button', { name: 'Rời đi, giữ bản nháp' }).click();
      await page.getByRole('heading', { name: 'Phạm Văn Nháp' }).waitFor();
      const draft = page.getByTestId('draft');
      await expect(draft.textContent()).resolves.toContain('Thành viên · Phạm Thị Dở');

      // A new tab opens the same form on the same draft.
      const other = await page.context().newPage();
      await other.goto(page.url());
      await other.getByTestId('draft').getByRole('link').click();
      await expect(other.getByLabel('Ngày sinh').inputValue()).resolves.toBe('12/08/2001');
      await other.getByTestId('draft-restored').waitFor();
      await other.close();

      // Back in the first tab: continue, save, and the draft is gone with the save.
      await draft.getByRole('link').click();
      await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Phạm Thị Dở');
      await page.getByRole('radio', { name: 'Nữ', exact: true }).check();
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByRole('heading', { name: 'Phạm Văn Nháp' }).waitFor();
      await expect.poll(() => page.getByTestId('member').count()).toBe(2);
      await expect(page.getByTestId('draft').count()).resolves.toBe(0);
      await expect(storedDrafts(page)).resolves.toBe('[]');
    }));

  it('drops a draft when asked, and the form starts clean', () =>
    phoneWithHousehold(async (page) => {
      await page.getByRole('link', { name: 'Thêm nhân khẩu' }).click();
      await giveConsent(page, PURPOSE_HOUSEHOLD, 'Người Bỏ Dở');
      await page.getByLabel('Ngày sinh').fill('01/01/1999');
      await draftHolds(page, '01/01/1999');
      await page.reload();
      await page.getByTestId('draft-restored').waitFor();
      await page.getByRole('button', { name: 'Bỏ bản nháp, điền lại từ đầu' }).click();
      // Consent belonged to the draft: the resident is asked again, for a clean start.
      await page.getByRole('heading', { name: 'Sự đồng ý của người dân' }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Hộ gia đình' }).click();
      await page.getByRole('link', { name: /Phạm Văn Nháp/ }).first().click();
      await page.getByRole('heading', { name: 'Phạm Văn Nháp' }).waitFor();
      await expect(page.getByTestId('draft').count()).resolves.toBe(0);
    }));
});
