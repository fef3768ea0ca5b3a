/**
 * Run in the page (`page.evaluate(readStoredPhotos)`): every attachment row as IndexedDB holds
 * it, and what the app would decrypt from it with the database's own at-rest key. Self-contained,
 * as evaluated functions must be; the AAD spells the at-rest format out (pwa/store/at-rest-key.ts).
 */
export interface StoredPhoto {
  readonly sha256: string;
  readonly atRest: string;
  readonly mime: string;
  readonly bytes: number;
  /** The first bytes of what is on disk: a JPEG or PNG signature here would mean plaintext. */
  readonly storedHead: number[];
  readonly hasPlainBlob: boolean;
  /** Decrypted and decoded, when the row still holds bytes. */
  readonly width?: number;
  readonly height?: number;
}

export function readStoredPhotos(database: string): Promise<StoredPhoto[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(database);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['attachments', 'settings'], 'readonly');
      const rows = tx.objectStore('attachments').getAll();
      const key = tx.objectStore('settings').get('atRest:key');
      tx.oncomplete = () => {
        db.close();
        const cryptoKey = (key.result as { value?: CryptoKey } | undefined)?.value;
        type Row = { sha256: string; atRest?: string; mime: string; bytes: number; iv?: Uint8Array<ArrayBuffer>; cipher?: Uint8Array<ArrayBuffer>; blob?: Blob };
        void Promise.all(
          (rows.result as Row[]).map(async (row) => {
            const base = {
              sha256: row.sha256,
              atRest: row.atRest ?? 'plain',
              mime: row.mime,
              bytes: row.bytes,
              storedHead: Array.from((row.cipher ?? new Uint8Array(await (row.blob?.arrayBuffer() ?? Promise.resolve(new ArrayBuffer(0))))).subarray(0, 4)),
              hasPlainBlob: row.blob !== undefined,
            };
            if (!row.cipher || !row.iv || !cryptoKey) return base;
            const additionalData = new TextEncoder().encode(`langso-attachment/1\0${row.sha256}`);
            const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv, additionalData }, cryptoKey, row.cipher);
            const bitmap = await createImageBitmap(new Blob([plain], { type: row.mime }));
            return { ...base, width: bitmap.width, height: bitmap.height };
          }),
        ).then(resolve, reject);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
