// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AttachmentImage } from '../../../pwa/components/attachment-image.tsx';
import { ExportBatchButton } from '../../../pwa/components/batch-export.tsx';
import { ReceiptImport } from '../../../pwa/components/receipt-import.tsx';
import { Warnings } from '../../../pwa/components/warnings.tsx';
import { SettingsScreen } from '../../../pwa/screens/settings.tsx';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { saveRecord } from '../../../pwa/store/save-record.ts';
import { readSetting, SETTINGS, type Setting } from '../../../pwa/store/settings-registry.ts';
import type { PurgedAttachmentRow } from '../../../pwa/store/types.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { household } from '../helpers/records.ts';
import type { Session } from '../../../pwa/session/session.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { click, mount, tearDown, testSession, type Mounted } from '../helpers/render.tsx';
import { DEVICE } from '../helpers/seal-setup.ts';

// The build id vite.config.ts defines, which the settings screen shows.
beforeAll(() => {
  vi.stubGlobal('__LANGSO_BUILD__', 'test-build');
});

let db: LangsoDb;
let view: Mounted | undefined;
afterEach(async () => {
  view = await tearDown(view, db);
});

// The screens read the key rows by presence only (the sealing code checks them when it runs),
// so placeholders stand in for the CryptoKey and the JWKs here.
const LEAD_KEY_ID = 'ab12cd34ef56ab78'.repeat(4);
async function keyRows(rows: { readonly lead?: boolean; readonly device?: boolean }): Promise<void> {
  if (rows.lead) await db.settings.put({ key: 'seal:leadKeys', value: { encryptionKeyId: LEAD_KEY_ID } });
  if (rows.device) await db.settings.put({ key: 'seal:deviceKeys', value: { keyId: 'x' } });
}

/**
 * A session that counts the answers of one read. A control that is ready looks as it does while
 * its read is on its way, so a test waits for the answer before it says the control is ready.
 */
function countingReads(session: Session, counted: 'batchKeys' | Setting<unknown>): { session: Session; answers: () => number } {
  let answers = 0;
  const { queries } = session;
  const count = <T,>(answer: T): T => {
    answers += 1;
    return answer;
  };
  const counting =
    counted === 'batchKeys'
      ? { ...queries, batchKeys: () => queries.batchKeys().then(count) }
      : { ...queries, setting: <T,>(setting: Setting<T>) => queries.setting(setting).then((answer) => (setting === counted ? count(answer) : answer)) };
  return { session: { ...session, queries: counting }, answers: () => answers };
}

function exportButton(root: HTMLElement): HTMLButtonElement {
  const button = root.querySelector<HTMLButtonElement>('[data-testid="batch-export"]');
  if (!button) throw new Error('no export button');
  return button;
}

describe('the batch-file export button', () => {
  it('is ready when the phone has the lead’s key and its own', async () => {
    db = freshDb();
    await keyRows({ lead: true, device: true });
    const { session, answers } = countingReads(testSession(db, { device: DEVICE }), 'batchKeys');
    view = await mount(session, <ExportBatchButton />);
    await waitFor(() => answers() > 0);
    expect(exportButton(view.root).textContent).toBe('Xuất lô hồ sơ');
    expect(exportButton(view.root).disabled).toBe(false);
  });

  it('explains, instead of failing, when the server never sent the lead’s key', async () => {
    db = freshDb();
    await keyRows({ device: true });
    view = await mount(testSession(db, { device: DEVICE }), <ExportBatchButton />);
    const { root } = view;
    await waitFor(() => exportButton(root).disabled);
    const button = exportButton(root);
    expect(button.disabled).toBe(true);
    const why = view.root.querySelector(`#${button.getAttribute('aria-describedby') ?? 'none'}`);
    expect(why?.textContent).toContain('chưa gửi khóa của tổ trưởng');
  });

  it('asks a phone enrolled by an older version to join its team again', async () => {
    db = freshDb();
    await keyRows({ lead: true });
    view = await mount(testSession(db, { device: DEVICE }), <ExportBatchButton />);
    const { root } = view;
    await waitFor(() => exportButton(root).disabled);
    expect(root.textContent).toContain('kết nối lại với tổ');
  });

  it('says in training mode that there is no training lead key to seal with', async () => {
    db = freshDb();
    const trainee = { deviceId: 'training-1', volunteerName: 'Người Tập', enrolledAt: DEVICE.enrolledAt };
    view = await mount(testSession(db, { mode: 'training', device: trainee }), <ExportBatchButton />);
    const { root } = view;
    await waitFor(() => exportButton(root).disabled);
    expect(exportButton(root).disabled).toBe(true);
    expect(root.textContent).toContain('Chế độ tập huấn: máy chưa nhận khóa tập huấn');
  });

  it('is one tap away in the warning about records unsent for more than three days', async () => {
    db = freshDb();
    await keyRows({ lead: true, device: true });
    const record = household();
    await saveRecord(db, { record, searchKey: 'x', at: '2026-03-01T08:00:00.000Z' });
    const { session, answers } = countingReads(testSession(db, { device: DEVICE, clock: () => new Date('2026-03-05T08:00:00.000Z') }), 'batchKeys');
    view = await mount(session, <Warnings />);
    await waitFor(() => answers() > 0);
    expect(view.root.textContent).toContain('chưa gửi quá 3 ngày');
    const button = view.root.querySelector<HTMLButtonElement>('[data-testid="warning-batch-export"]');
    expect(button?.textContent).toBe('Xuất lô hồ sơ');
    expect(button?.disabled).toBe(false);
  });
});

describe('the receipt-file input', () => {
  it('is a labelled file input for .json files once the lead’s key is known', async () => {
    db = freshDb();
    await keyRows({ lead: true });
    const { session, answers } = countingReads(testSession(db, { device: DEVICE }), 'batchKeys');
    view = await mount(session, <ReceiptImport />);
    await waitFor(() => answers() > 0);
    const input = view.root.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.accept).toBe('.json,application/json');
    expect(input?.disabled).toBe(false);
    expect(view.root.querySelector(`label[for="${input?.id ?? ''}"]`)?.textContent).toBe('Nhập biên nhận');
  });

  it('is disabled, with the reason, without the lead’s key', async () => {
    db = freshDb();
    view = await mount(testSession(db, { device: DEVICE }), <ReceiptImport />);
    const { root } = view;
    await waitFor(() => root.querySelector<HTMLInputElement>('input[type="file"]')?.disabled);
    expect(root.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).toBe(true);
    expect(view.root.textContent).toContain('chưa gửi khóa của tổ trưởng');
  });
});

describe('a photo sent and purged', () => {
  it('is shown as a sentence saying it was sent and deleted from the phone', async () => {
    db = freshDb();
    const sha256 = 'c'.repeat(64);
    const purged: PurgedAttachmentRow = { sha256, mime: 'image/jpeg', bytes: 1234, createdAt: DEVICE.enrolledAt, atRest: 'purged', purgedAt: '2026-03-02T08:00:00.000Z' };
    await db.attachments.put(purged);
    view = await mount(testSession(db), <AttachmentImage sha256={sha256} alt="Giấy khai sinh" />);
    const { root } = view;
    await waitFor(() => root.querySelector('[data-testid="photo-purged"]'));
    expect(view.root.textContent).toBe('Ảnh đã gửi và đã xóa khỏi máy.');
    expect(view.root.querySelector('img')).toBeNull();
  });
});

describe('settings for photos and keys', () => {
  it('offers 640 px photos for slow links, 1024 px by default, and keeps the choice', async () => {
    db = freshDb();
    const { session, answers } = countingReads(testSession(db, { device: DEVICE }), SETTINGS.photo);
    view = await mount(session, <SettingsScreen />);
    await waitFor(() => answers() > 0);
    const radios = [...view.root.querySelectorAll<HTMLInputElement>('input[name="photo-size"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['1024', true],
      ['640', false],
    ]);
    await click(radios[1] ?? null);
    await waitFor(async () => (await readSetting(db, SETTINGS.photo)) !== undefined);
    expect(await readSetting(db, SETTINGS.photo)).toEqual({ longEdge: 640 });
  });

  it('shows the lead key’s fingerprint, for the volunteer and the lead to compare', async () => {
    db = freshDb();
    await keyRows({ lead: true });
    view = await mount(testSession(db, { device: DEVICE }), <SettingsScreen />);
    const { root } = view;
    await waitFor(() => root.querySelector('[data-testid="lead-key"]'));
    expect(root.querySelector('[data-testid="lead-key"]')?.textContent).toContain('AB12 CD34 EF56 AB78');
  });
});
