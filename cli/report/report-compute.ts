import type Database from 'better-sqlite3';
import { findCommune } from '../../shared/catalog/communes.ts';
import { findProcedure } from '../../shared/catalog/procedures.ts';
import type { LeadConfig } from '../workspace/config.ts';
import { COUNTED_FIGURES, type AreaFigures, type CommuneFigures, type HamletFigures, type Report } from './report-model.ts';

/** Statuses that mean the dossier reached the province. */
const FILED = `('sent', 'received', 'needs_fix', 'scheduled', 'approved', 'activated', 'rejected')`;

/**
 * One pass over the records the lead has not rejected, grouped by commune and hamlet; communes
 * and the total are sums of their hamlets. A person is counted once: a resident record counts
 * unless an earlier (lower rowid) live resident record has its CCCD. Those later twins are found
 * from the CCCDs held more than once — a scan of the CCCD index alone, then a few lookups — rather
 * than by grouping every record by CCCD (a random table read per record: most of the old cost).
 */
const BY_HAMLET = `
  WITH shared AS (SELECT cccd FROM records WHERE cccd IS NOT NULL GROUP BY cccd HAVING count(*) > 1),
  twins AS MATERIALIZED (
    SELECT r.rowid AS rid, r.cccd FROM shared JOIN records AS r ON r.cccd = shared.cccd
    WHERE r.type = 'resident' AND r.review_state <> 'rejected'),
  later AS (SELECT t.rid FROM twins AS t WHERE EXISTS (SELECT 1 FROM twins AS e WHERE e.cccd = t.cccd AND e.rid < t.rid)),
  marked AS (
    SELECT commune_code, hamlet, hamlet_key, date_of_birth, consent, sync_state, created_at, type,
      type = 'resident' AND rowid NOT IN later AS person,
      cccd IS NOT NULL AND instr(issues, '"field":"cccd"') = 0 AS cccd_ok,
      coalesce(province_status, lifecycle) AS status
    FROM records WHERE review_state <> 'rejected')
  SELECT commune_code AS communeCode, min(hamlet) AS hamlet,
    coalesce(sum(person), 0) AS residents,
    coalesce(sum(person AND date_of_birth <= @cut14), 0) AS adults14,
    coalesce(sum(person AND date_of_birth <= @cut14 AND cccd_ok), 0) AS adults14WithCccd,
    coalesce(sum(person AND date_of_birth <= @cut18), 0) AS adults18,
    coalesce(sum(person AND date_of_birth <= @cut18 AND cccd_ok), 0) AS adults18WithCccd,
    coalesce(sum(person AND consent IS NOT NULL), 0) AS withConsent,
    coalesce(sum(type = 'eid'), 0) AS eidApplications,
    coalesce(sum(type = 'eid' AND status = 'activated'), 0) AS eidAccounts,
    coalesce(sum(type = 'dossier'), 0) AS dossiers,
    coalesce(sum(type = 'dossier' AND status IN ${FILED}), 0) AS dossiersFiled,
    coalesce(sum(sync_state <> 'sent'), 0) AS waiting,
    min(CASE WHEN sync_state <> 'sent' THEN created_at END) AS oldestWaitingAt
  FROM marked GROUP BY commune_code, hamlet_key ORDER BY commune_code, hamlet_key`;

const SUMMED = COUNTED_FIGURES;

function sumOf(areas: readonly AreaFigures[]): AreaFigures {
  const sums = Object.fromEntries(SUMMED.map((key) => [key, areas.reduce((total, a) => total + a[key], 0)])) as Record<
    (typeof SUMMED)[number],
    number
  >;
  const oldest = areas.map((a) => a.oldestWaitingAt).filter((at): at is string => at !== null);
  return { ...sums, oldestWaitingAt: oldest.length === 0 ? null : oldest.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) };
}

/** The day someone born on it turns `years` old today (ISO strings compare as dates). */
function birthdayCutoff(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function computeReport(db: Database.Database, config: LeadConfig, today: string, generatedAt: string): Report {
  const hamlets = db.prepare(BY_HAMLET).all({ cut14: birthdayCutoff(today, 14), cut18: birthdayCutoff(today, 18) }) as (HamletFigures & {
    communeCode: string | null;
  })[];
  const byCommune = new Map<string | null, HamletFigures[]>();
  for (const { communeCode, ...hamlet } of hamlets) byCommune.set(communeCode, [...(byCommune.get(communeCode) ?? []), hamlet]);
  const communes: CommuneFigures[] = [...byCommune].map(([communeCode, list]) => ({
    ...sumOf(list),
    communeCode,
    communeName: communeCode === null ? null : (findCommune(communeCode)?.fullName ?? null),
    hamlets: list,
  }));
  const live = `FROM records WHERE review_state <> 'rejected'`;
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
  return {
    generatedAt,
    today,
    team: config.team,
    communeCode: config.communeCode,
    communeName: findCommune(config.communeCode)?.fullName ?? null,
    totals: sumOf(communes),
    communes,
    eid,
    dossiers: dossiers.map((d) => ({
      ...d,
      procedureName: d.procedureCode === null ? null : (findProcedure(d.procedureCode)?.shortName ?? null),
    })),
  };
}
