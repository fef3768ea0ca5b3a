import type Database from 'better-sqlite3';
import { findCommune } from '../../shared/catalog/communes.ts';
import { findProcedure } from '../../shared/catalog/procedures.ts';
import type { LeadConfig } from './config.ts';
import type { AreaFigures, CommuneFigures, HamletFigures, Report } from './report-model.ts';

/** Statuses that mean the dossier reached the province. */
const FILED = `('sent', 'received', 'needs_fix', 'scheduled', 'approved', 'activated', 'rejected')`;

/**
 * One SQL aggregate per level (hamlet, commune, all), so that people counted by CCCD stay
 * distinct at every level; no row is read into JavaScript. Rejected records do not count.
 */
const FIGURES = `
  count(DISTINCT CASE WHEN type = 'resident' THEN coalesce(cccd, id) END) AS residents,
  count(DISTINCT CASE WHEN type = 'resident' AND date_of_birth <= @cut14 THEN coalesce(cccd, id) END) AS adults14,
  count(DISTINCT CASE WHEN type = 'resident' AND date_of_birth <= @cut14 AND cccd IS NOT NULL
    AND instr(issues, '"field":"cccd"') = 0 THEN cccd END) AS adults14WithCccd,
  count(DISTINCT CASE WHEN type = 'resident' AND date_of_birth <= @cut18 THEN coalesce(cccd, id) END) AS adults18,
  count(DISTINCT CASE WHEN type = 'resident' AND date_of_birth <= @cut18 AND cccd IS NOT NULL
    AND instr(issues, '"field":"cccd"') = 0 THEN cccd END) AS adults18WithCccd,
  count(DISTINCT CASE WHEN type = 'resident' AND consent IS NOT NULL THEN coalesce(cccd, id) END) AS withConsent,
  coalesce(sum(type = 'eid'), 0) AS eidApplications,
  coalesce(sum(type = 'eid' AND coalesce(province_status, lifecycle) = 'activated'), 0) AS eidAccounts,
  coalesce(sum(type = 'dossier'), 0) AS dossiers,
  coalesce(sum(type = 'dossier' AND coalesce(province_status, lifecycle) IN ${FILED}), 0) AS dossiersFiled,
  coalesce(sum(sync_state <> 'sent'), 0) AS waiting,
  min(CASE WHEN sync_state <> 'sent' THEN created_at END) AS oldestWaitingAt`;

/** The day someone born on it turns `years` old today (ISO strings compare as dates). */
function birthdayCutoff(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function computeReport(db: Database.Database, config: LeadConfig, today: string, generatedAt: string): Report {
  const params = { cut14: birthdayCutoff(today, 14), cut18: birthdayCutoff(today, 18) };
  const live = `FROM records WHERE review_state <> 'rejected'`;
  const hamlets = db
    .prepare(
      `SELECT commune_code AS communeCode, min(hamlet) AS hamlet, ${FIGURES} ${live}
       GROUP BY commune_code, hamlet_key ORDER BY commune_code, hamlet_key`,
    )
    .all(params) as (HamletFigures & { communeCode: string | null })[];
  const communes = db
    .prepare(`SELECT commune_code AS communeCode, ${FIGURES} ${live} GROUP BY commune_code ORDER BY commune_code`)
    .all(params) as (AreaFigures & { communeCode: string | null })[];
  const totals = db.prepare(`SELECT ${FIGURES} ${live}`).get(params) as AreaFigures;
  const eid = db
    .prepare(
      `SELECT eid_level AS level, coalesce(province_status, lifecycle, 'draft') AS status, count(*) AS count
       ${live} AND type = 'eid' GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all() as { level: number | null; status: string; count: number }[];
  const dossiers = db
    .prepare(
      `SELECT procedure_code AS procedureCode, coalesce(province_status, lifecycle, 'draft') AS status, count(*) AS count
       ${live} AND type = 'dossier' GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all() as { procedureCode: string | null; status: string; count: number }[];

  const communeFigures: CommuneFigures[] = communes.map((c) => ({
    ...c,
    communeName: c.communeCode === null ? null : (findCommune(c.communeCode)?.fullName ?? null),
    hamlets: hamlets.filter((h) => h.communeCode === c.communeCode).map(({ communeCode: _code, ...h }) => h),
  }));
  return {
    generatedAt,
    today,
    team: config.team,
    communeCode: config.communeCode,
    communeName: findCommune(config.communeCode)?.fullName ?? null,
    totals,
    communes: communeFigures,
    eid,
    dossiers: dossiers.map((d) => ({
      ...d,
      procedureName: d.procedureCode === null ? null : (findProcedure(d.procedureCode)?.shortName ?? null),
    })),
  };
}
