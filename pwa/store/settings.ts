import * as v from 'valibot';
import type { LangsoDb } from './db.ts';

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

/** How large photos are kept (DESIGN §5): 1024 px by default, 640 px for slow links. */
export const PHOTO_LONG_EDGES = [1024, 640] as const;
export const PhotoSettingsSchema = v.object({ longEdge: v.picklist(PHOTO_LONG_EDGES) });
export type PhotoSettings = v.InferOutput<typeof PhotoSettingsSchema>;

const SCHEMAS = { device: DeviceSettingsSchema, persist: PersistAnswerSchema, photo: PhotoSettingsSchema } as const;
type SettingKey = keyof typeof SCHEMAS;
type SettingValue<K extends SettingKey> = v.InferOutput<(typeof SCHEMAS)[K]>;

/** Reads a setting; a value that no longer fits its schema reads as absent, never as a crash. */
export async function readSetting<K extends SettingKey>(db: LangsoDb, key: K): Promise<SettingValue<K> | undefined> {
  const row = await db.settings.get(key);
  if (!row) return undefined;
  const parsed = v.safeParse(SCHEMAS[key], row.value);
  return parsed.success ? (parsed.output as SettingValue<K>) : undefined;
}

export async function writeSetting<K extends SettingKey>(db: LangsoDb, key: K, value: SettingValue<K>): Promise<void> {
  await db.settings.put({ key, value });
}
