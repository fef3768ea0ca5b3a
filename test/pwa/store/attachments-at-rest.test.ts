import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/sync/canonical.ts';
import { putAttachment, readAttachmentBytes, readAttachmentView } from '../../../pwa/store/attachments.ts';
import { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import type { AttachmentRow } from '../../../pwa/store/types.ts';
import { freshDb } from '../helpers/fresh-db.ts';
import { fakeJpeg } from '../helpers/seal-setup.ts';

let db: LangsoDb;
afterEach(async () => {
  await db.delete();
});

const AT = '2026-03-01T08:00:00.000Z';

function containsRun(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('photos encrypted at rest', () => {
  it('stores no plaintext, addresses the photo by the hash of its plaintext, and reads it back byte for byte', async () => {
    db = freshDb();
    const jpeg = fakeJpeg(1);
    const stored = await putAttachment(db, new Blob([jpeg], { type: 'image/jpeg' }), AT);
    expect(stored).toEqual({ sha256: await sha256Hex(jpeg), mime: 'image/jpeg', bytes: jpeg.length });

    const row = (await db.attachments.get(stored.sha256)) as AttachmentRow & { cipher?: Uint8Array };
    expect(row).toMatchObject({ atRest: 'encrypted', bytes: jpeg.length, mime: 'image/jpeg' });
    expect(row).not.toHaveProperty('blob');
    // Neither the JPEG marker nor any 32-byte run of the photo is in what IndexedDB holds.
    expect(Array.from(row.cipher?.subarray(0, 3) ?? [])).not.toEqual([0xff, 0xd8, 0xff]);
    expect(containsRun(row.cipher ?? new Uint8Array(), jpeg.subarray(100, 132))).toBe(false);

    expect(await readAttachmentBytes(db, stored.sha256)).toEqual(jpeg);
    expect(await new DexieOutboxStore(db).readAttachment(stored.sha256)).toEqual(jpeg);
    const view = await readAttachmentView(db, stored.sha256);
    if (view.kind !== 'photo') throw new Error(`expected a photo, got ${view.kind}`);
    expect(view.blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await view.blob.arrayBuffer())).toEqual(jpeg);
  });

  it('keeps its key as a non-extractable CryptoKey in the database, the same after a reopen', async () => {
    db = freshDb();
    const stored = await putAttachment(db, new Blob([fakeJpeg(2)], { type: 'image/jpeg' }), AT);
    const key = (await db.settings.get('atRest:key'))?.value;
    expect(key).toBeInstanceOf(CryptoKey);
    expect((key as CryptoKey).extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
    const reopened = new LangsoDb(db.name);
    expect(await readAttachmentBytes(reopened, stored.sha256)).toEqual(fakeJpeg(2));
    reopened.close();
  });

  it('makes one key even when two tabs store their first photos at once', async () => {
    db = freshDb();
    const other = new LangsoDb(db.name);
    const [a, b] = await Promise.all([
      putAttachment(db, new Blob([fakeJpeg(3)], { type: 'image/jpeg' }), AT),
      putAttachment(other, new Blob([fakeJpeg(4)], { type: 'image/jpeg' }), AT),
    ]);
    other.close();
    const later = new LangsoDb(db.name);
    expect(await readAttachmentBytes(later, a.sha256)).toEqual(fakeJpeg(3));
    expect(await readAttachmentBytes(later, b.sha256)).toEqual(fakeJpeg(4));
    later.close();
  });

  it('refuses a ciphertext moved under another photo’s hash instead of showing the wrong photo', async () => {
    db = freshDb();
    const a = await putAttachment(db, new Blob([fakeJpeg(5)], { type: 'image/jpeg' }), AT);
    const b = await putAttachment(db, new Blob([fakeJpeg(6)], { type: 'image/jpeg' }), AT);
    const rowA = await db.attachments.get(a.sha256);
    await db.attachments.put({ ...(rowA as AttachmentRow), sha256: b.sha256 });
    expect(await readAttachmentBytes(db, b.sha256)).toBeUndefined();
    expect((await readAttachmentView(db, b.sha256)).kind).toBe('missing');
    expect(await readAttachmentBytes(db, a.sha256)).toEqual(fakeJpeg(5));
  });
});
