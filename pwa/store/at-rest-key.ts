import type { LangsoDb } from './db.ts';
import { readSetting, SETTINGS, writeSetting } from './settings-registry.ts';

/**
 * Photos of ID cards and portraits are sensitive data (Decree 356/2025/NĐ-CP): on the phone they
 * are kept encrypted with AES-256-GCM under one key per database, made here, non-extractable, and
 * stored as a CryptoKey object in the same IndexedDB.
 *
 * What this protects against: casual reads of the browser's storage folder (Chromium keeps
 * IndexedDB Blobs as separate files, which any file browser would show as JPEGs), backup and
 * cleaning tools that copy or index those files, and an exported copy of the database files
 * looked at elsewhere. What it does NOT protect against: a compromised or unlocked device, or
 * script running in this origin — both can use the key as the app does — nor someone who takes
 * the whole profile folder and digs the key's material out of the browser's own serialisation.
 * Those need the device's lock screen and full-disk encryption; this is the layer we can add.
 */
const cache = new WeakMap<LangsoDb, Promise<CryptoKey>>();

/** The database's at-rest key, made on first use. */
export function atRestKey(db: LangsoDb): Promise<CryptoKey> {
  let key = cache.get(db);
  if (!key) {
    key = loadOrCreate(db);
    cache.set(db, key);
    // A failure (a closed database) is not remembered: the next call tries again.
    key.catch(() => cache.delete(db));
  }
  return key;
}

async function loadOrCreate(db: LangsoDb): Promise<CryptoKey> {
  const stored = await readSetting(db, SETTINGS.atRestKey);
  if (stored) return stored;
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Another tab may have stored a key meanwhile: the first one stored wins, so no photo is ever
  // encrypted under a key that is then overwritten.
  return db.transaction('rw', db.settings, async () => {
    const again = await readSetting(db, SETTINGS.atRestKey);
    if (again) return again;
    await writeSetting(db, SETTINGS.atRestKey, fresh);
    return fresh;
  });
}

type Bytes = Uint8Array<ArrayBuffer>;

/** The AAD binds a ciphertext to its content address: rows swapped in the database fail to open. */
function aad(sha256: string): Bytes {
  return new TextEncoder().encode(`langso-attachment/1\0${sha256}`);
}

export async function encryptAttachment(key: CryptoKey, sha256: string, plain: Bytes): Promise<{ iv: Bytes; cipher: Bytes }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(sha256) }, key, plain));
  return { iv, cipher };
}

/** The plaintext, or undefined when the row does not open under this key (damaged, or swapped). */
export async function decryptAttachment(
  key: CryptoKey,
  row: { readonly sha256: string; readonly iv: Bytes; readonly cipher: Bytes },
): Promise<Bytes | undefined> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv, additionalData: aad(row.sha256) }, key, row.cipher));
  } catch {
    return undefined;
  }
}
