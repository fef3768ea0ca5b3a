import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { UserError } from '../program/user-error.ts';

const EnrolmentSchema = v.object({
  server: v.string(),
  deviceId: v.string(),
  token: v.string(),
  teamId: v.string(),
  teamName: v.optional(v.string()),
  enrolledAt: v.string(),
});
export type Enrolment = v.InferOutput<typeof EnrolmentSchema>;

const LeadConfigSchema = v.object({
  team: v.pipe(v.string(), v.minLength(1)),
  communeCode: v.pipe(v.string(), v.regex(/^\d{5}$/)),
  upstream: v.optional(v.string()),
  createdAt: v.string(),
  enrolment: v.optional(EnrolmentSchema),
});
export type LeadConfig = v.InferOutput<typeof LeadConfigSchema>;

const CONFIG_KEY = 'lead';

/** The lead's settings, or undefined before `langso init`. Parsed, never cast. */
export function readConfig(db: Database.Database): LeadConfig | undefined {
  const row = db.prepare('SELECT value FROM config WHERE key = ?').pluck().get(CONFIG_KEY);
  if (typeof row !== 'string') return undefined;
  const parsed = v.safeParse(LeadConfigSchema, JSON.parse(row));
  if (!parsed.success) throw new UserError('LEAD_CONFIG_BROKEN', { reason: parsed.issues[0].message });
  return parsed.output;
}

/** Like readConfig, for every command that needs `langso init` to have run. */
export function requireConfig(db: Database.Database, dir: string): LeadConfig {
  const config = readConfig(db);
  if (!config) throw new UserError('LEAD_NOT_INITIALISED', { path: dir });
  return config;
}

export function writeConfig(db: Database.Database, config: LeadConfig): void {
  db.prepare('INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    CONFIG_KEY,
    JSON.stringify(config),
  );
}
