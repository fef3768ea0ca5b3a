import * as v from 'valibot';
import type { SyncStateKey } from '../../shared/sync/outbox-store.ts';
import type { LangsoDb } from './db.ts';
import type { SettingRow } from './types.ts';

type ValueSchema<T> = v.GenericSchema<unknown, T>;

export interface Setting<T> {
  readonly key: string;
  /** A schema whose code is heavy is loaded on first read, so the entry script does not carry it. */
  readonly schema: ValueSchema<T> | (() => Promise<ValueSchema<T>>);
}

function setting<T>(key: string, schema: Setting<T>['schema']): Setting<T> {
  return { key, schema };
}

/** Who this device is: set once at setup (enrolment or training). */
export const DeviceSettingsSchema = v.object({
  deviceId: v.pipe(v.string(), v.minLength(1)),
  volunteerName: v.pipe(v.string(), v.minLength(1)),
  serverUrl: v.optional(v.string()),
  token: v.optional(v.string()),
  teamId: v.optional(v.string()),
  teamName: v.optional(v.string()),
  enrolledAt: v.string(),
});
export type DeviceSettings = v.InferOutput<typeof DeviceSettingsSchema>;

/** The browser's answer to navigator.storage.persist(), kept to show in settings. */
export const PersistAnswerSchema = v.object({
  granted: v.boolean(),
  /** False when the browser has no storage.persist() at all. */
  supported: v.boolean(),
  at: v.string(),
});
export type PersistAnswer = v.InferOutput<typeof PersistAnswerSchema>;

/** How large photos are kept: 1024 px by default, 640 px for slow links. */
export const PHOTO_LONG_EDGES = [1024, 640] as const;
export const PhotoSettingsSchema = v.object({ longEdge: v.picklist(PHOTO_LONG_EDGES) });
export type PhotoSettings = v.InferOutput<typeof PhotoSettingsSchema>;

/** What the outbox screen shows of the last batch file, until the receipts come back. */
export const LastExportSchema = v.object({ fileId: v.string(), at: v.string(), records: v.number() });
export type LastExport = v.InferOutput<typeof LastExportSchema>;

const CryptoKeySchema = v.custom<CryptoKey>((value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey, 'CryptoKey');

/** Stored as the CryptoKey object itself: non-extractable, so no script can read its bytes. */
const AesKeySchema = v.custom<CryptoKey>(
  (value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey && value.algorithm.name === 'AES-GCM',
  'AES-GCM CryptoKey',
);

/** The phone's signing key pair; the JWK schema comes with the sealing code, not the entry script. */
const deviceKeysSchema = () =>
  import('../../shared/sync/public-keys.ts').then((keys) => v.object({ publicJwk: keys.EcPublicJwkSchema, keyId: v.string(), privateKey: CryptoKeySchema }));

const leadKeysSchema = () => import('../../shared/sync/protocol.ts').then((protocol) => protocol.TeamLeadKeysSchema);

/**
 * Every row of the settings table, with the schema a stored value must pass to be read. Phones
 * keep their data under these keys and in these shapes: a key or a shape is never changed in
 * place, only added.
 */
export const SETTINGS = {
  device: setting('device', DeviceSettingsSchema),
  persist: setting('persist', PersistAnswerSchema),
  photo: setting('photo', PhotoSettingsSchema),
  /** The phone's own ECDSA key pair, made at enrolment (seal/device-keys.ts). */
  deviceKeys: setting('seal:deviceKeys', deviceKeysSchema),
  /** The team lead's public keys, as the server sent them and their thumbprints checked. */
  leadKeys: setting('seal:leadKeys', leadKeysSchema),
  lastExport: setting('seal:lastExport', LastExportSchema),
  /** The key photos are encrypted under on this phone (at-rest-key.ts). */
  atRestKey: setting('atRest:key', AesKeySchema),
  /** The sync engine's small state (shared/sync/outbox-store.ts), all strings. */
  sync: {
    updatesCursor: setting('sync:updatesCursor', v.string()),
    catalogEtag: setting('sync:catalogEtag', v.string()),
    clockOffsetMs: setting('sync:clockOffsetMs', v.string()),
    lastSyncAt: setting('sync:lastSyncAt', v.string()),
  } satisfies Record<SyncStateKey, Setting<string>>,
} as const;

/** The rows of the device's setup rather than of its data: a training reset keeps them. */
export const SETUP_SETTINGS: readonly Setting<unknown>[] = [SETTINGS.device, SETTINGS.deviceKeys, SETTINGS.leadKeys, SETTINGS.atRestKey];

function parsed<T>(schema: ValueSchema<T>, value: unknown): T | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
}

/** Reads a setting; a value that no longer fits its schema reads as absent, never as a crash. */
export async function readSetting<T>(db: LangsoDb, setting: Setting<T>): Promise<T | undefined> {
  const row = await db.settings.get(setting.key);
  if (!row) return undefined;
  // A schema already at hand is used without an await: reads inside a transaction stay in it.
  const schema = typeof setting.schema === 'function' ? await setting.schema() : setting.schema;
  return parsed(schema, row.value);
}

/**
 * Reads one part of a setting through a narrower schema: a screen shows that part without the
 * code of the row's full schema.
 */
export async function readSettingPart<T>(db: LangsoDb, setting: Setting<unknown>, part: ValueSchema<T>): Promise<T | undefined> {
  const row = await db.settings.get(setting.key);
  return row ? parsed(part, row.value) : undefined;
}

/** The row a setting is stored as, for a caller that writes several in one transaction. */
export function settingRow<T>(setting: Setting<T>, value: T): SettingRow {
  return { key: setting.key, value };
}

export async function writeSetting<T>(db: LangsoDb, setting: Setting<T>, value: T): Promise<void> {
  await db.settings.put(settingRow(setting, value));
}

export async function deleteSetting(db: LangsoDb, setting: Setting<unknown>): Promise<void> {
  await db.settings.delete(setting.key);
}
