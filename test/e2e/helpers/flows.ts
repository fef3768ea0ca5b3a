import type { Page } from 'playwright-core';
import { findProcedure } from '../../../shared/catalog/procedures.ts';
import { syntheticPhotoPng } from './images.ts';

/** What a volunteer does, step by step, in the Vietnamese UI (the default). */

export async function enrol(page: Page, code: string, volunteer = 'Nguyễn Văn Thử'): Promise<void> {
  await page.getByLabel('Họ tên tình nguyện viên').fill(volunteer);
  await page.getByLabel('Mã tổ').fill(code);
  await page.getByRole('button', { name: 'Kết nối với tổ' }).click();
  await page.getByRole('heading', { name: 'Hộ gia đình' }).waitFor();
}

export async function startTraining(page: Page, volunteer = 'Nguyễn Văn Thử'): Promise<void> {
  await page.getByLabel('Họ tên tình nguyện viên').fill(volunteer);
  await page.getByRole('button', { name: 'Vào chế độ tập huấn' }).click();
  await page.getByRole('heading', { name: 'Hộ gia đình' }).waitFor();
}

/** The resident hears the text, ticks the purpose the record needs, and ticks "I agree" themself. */
export async function giveConsent(page: Page, purpose: RegExp, subject?: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sự đồng ý của người dân' }).waitFor();
  await page.getByRole('checkbox', { name: purpose }).check();
  await page.getByRole('checkbox', { name: /đã đọc to toàn bộ nội dung/ }).check();
  if (subject !== undefined) await page.getByLabel('Họ tên người đồng ý').fill(subject);
  await page.getByRole('radio', { name: 'Người dân tự bấm ô đồng ý' }).check();
  await page.getByRole('checkbox', { name: /Tôi đồng ý cho ghi/ }).check();
  await page.getByRole('button', { name: 'Đã đồng ý — tiếp tục' }).click();
}

/** The same, but the resident signs with a finger in the box instead of ticking. */
export async function giveSignedConsent(page: Page, purpose: RegExp, subject: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sự đồng ý của người dân' }).waitFor();
  await page.getByRole('checkbox', { name: purpose }).check();
  await page.getByRole('checkbox', { name: /đã đọc to toàn bộ nội dung/ }).check();
  await page.getByLabel('Họ tên người đồng ý').fill(subject);
  await page.getByRole('radio', { name: 'Người dân ký trên màn hình' }).check();
  await page.getByTestId('signature').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature').boundingBox();
  if (!box) throw new Error('no signature box');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) await page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
  await page.getByRole('button', { name: 'Đã đồng ý — tiếp tục' }).click();
}

export const PURPOSE_HOUSEHOLD = /Ghi nhận hộ gia đình/;
export const PURPOSE_EID = /Đăng ký tài khoản định danh/;
export const PURPOSE_DOSSIER = /Lập và nộp hồ sơ/;

export async function addHousehold(page: Page, headName: string, hamlet: string, signed = false): Promise<void> {
  await page.getByRole('link', { name: 'Thêm hộ mới' }).click();
  if (signed) await giveSignedConsent(page, PURPOSE_HOUSEHOLD, headName);
  else await giveConsent(page, PURPOSE_HOUSEHOLD, headName);
  await page.getByLabel('Họ tên chủ hộ').fill(headName);
  await page.getByPlaceholder('Tìm xã / phường').fill('an xuyen');
  await page.getByRole('radio', { name: 'Phường An Xuyên' }).click();
  await page.getByTestId('commune-chosen').waitFor();
  await page.getByLabel('Ấp / khóm').fill(hamlet);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
}

export interface Person {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: 'Nam' | 'Nữ';
  readonly cccd?: string;
  readonly phone?: string;
}

/** The member form, after its consent (the first member is prefilled with the head's name). */
export async function fillResident(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Họ và tên').fill(person.fullName);
  await page.getByLabel('Ngày sinh').fill(person.dateOfBirth);
  await page.getByRole('radio', { name: person.sex, exact: true }).check();
  if (person.cccd) await page.getByLabel(/Số định danh cá nhân/).fill(person.cccd);
  if (person.phone) await page.getByLabel(/Số điện thoại/).fill(person.phone);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { name: 'Nhân khẩu', exact: true }).waitFor();
}

export async function addMember(page: Page, person: Person): Promise<void> {
  await page.getByRole('link', { name: 'Thêm nhân khẩu' }).click();
  await giveConsent(page, PURPOSE_HOUSEHOLD, person.fullName);
  await fillResident(page, person);
}

export async function photoFile(seed: number): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: `giay-to-${seed}.png`, mimeType: 'image/png', buffer: syntheticPhotoPng(2000, 1500, seed) };
}

export async function applyForEid(page: Page, memberName: string): Promise<void> {
  await page.getByTestId('member').filter({ hasText: memberName }).getByRole('link', { name: 'Đăng ký định danh điện tử' }).click();
  await giveConsent(page, PURPOSE_EID);
  await page.getByRole('radio', { name: /Mức 2/ }).check();
  await page.getByRole('checkbox', { name: /thẻ căn cước gắn chip/ }).check();
  // The contact phone is offered, never filled in by itself: it must be in the person's own name.
  await page.getByRole('button', { name: /^Dùng số/ }).click();
  await page.locator('#portrait').setInputFiles(await photoFile(7));
  await page.getByText(/Đã chụp/).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByTestId('record').waitFor();
}

const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  text: 'Lê Thị Hoa',
  textarea: 'Ghi chú thử',
  date: '01/02/2025',
  cccd: '096192654321',
  phone: '0912345678',
  email: 'thu@example.com',
};

/** Every required field of the procedure's e-form, with a value its rules accept. */
export async function fillDossierFields(page: Page, code: string): Promise<void> {
  const procedure = findProcedure(code);
  if (!procedure) throw new Error(`no procedure ${code}`);
  for (const field of procedure.form) {
    if (!field.required) continue;
    if (field.type === 'select') await page.locator(`input[name="f-${field.key}"]`).first().check();
    else if (field.type === 'number') await page.locator(`#f-${field.key}`).fill(String(field.min));
    else await page.locator(`#f-${field.key}`).fill(SAMPLE_VALUES[field.type] ?? 'x');
  }
}

/** A birth registration (1.001193) with every required field filled and every paper photographed. */
export async function prepareDossier(page: Page, memberName: string, code = '1.001193'): Promise<void> {
  await page.getByTestId('member').filter({ hasText: memberName }).getByRole('link', { name: 'Lập hồ sơ thủ tục' }).click();
  await giveConsent(page, PURPOSE_DOSSIER);
  await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill('khai sinh');
  await page.locator(`input[name="procedure"][value="${code}"]`).check();
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  await fillDossierFields(page, code);
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
  const inputs = page.locator('input[type="file"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i += 1) {
    await inputs.nth(i).setInputFiles(await photoFile(100 + i));
    await page.getByText(/Đã chụp/).nth(i).waitFor();
  }
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  await page.getByRole('radio', { name: 'Mã OTP qua SMS' }).check();
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ' }).click();
  await page.getByTestId('record').waitFor();
}

export async function openHousehold(page: Page, headName: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Hộ gia đình' }).click();
  await page.getByRole('link', { name: new RegExp(headName) }).first().click();
  await page.getByRole('heading', { name: headName }).waitFor();
}

/** Waits until the service worker controls the page: from then on, the app loads offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}
