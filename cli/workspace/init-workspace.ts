import type Database from 'better-sqlite3';
import { findCommune } from '../../shared/catalog/communes.ts';
import { successorsOfOldCommune } from '../../shared/catalog/former-communes.ts';
import { UserError } from '../program/user-error.ts';
import { readConfig, writeConfig, type LeadConfig } from './config.ts';

export interface InitRequest {
  readonly team: string;
  readonly communeCode: string;
  readonly upstream?: string | undefined;
  readonly force: boolean;
  readonly at: string;
}

/** The commune the team works in: one of the 64 of 2025, or a pointer to what an old code became. */
export function checkTeamCommune(code: string): string {
  const trimmed = code.trim();
  if (findCommune(trimmed)) return trimmed;
  const successors = successorsOfOldCommune(trimmed);
  if (successors && successors.length > 0) {
    throw new UserError('LEAD_COMMUNE_FORMER', {
      code: trimmed,
      successors: successors.map((s) => `${s.commune.fullName} (${s.commune.code})`).join(', '),
    });
  }
  throw new UserError('LEAD_COMMUNE_UNKNOWN', { code: trimmed });
}

/**
 * Writes the team's settings. A second `init` refuses unless forced, and a forced one keeps every
 * record and keeps the enrolment when the upstream server stays the same.
 */
export function initWorkspace(db: Database.Database, request: InitRequest, dir: string): LeadConfig {
  const before = readConfig(db);
  if (before && !request.force) throw new UserError('LEAD_ALREADY_INITIALISED', { path: dir, team: before.team });
  const team = request.team.normalize('NFC').trim();
  if (team === '') throw new UserError('LEAD_TEAM_REQUIRED');
  const config: LeadConfig = {
    team,
    communeCode: checkTeamCommune(request.communeCode),
    createdAt: before?.createdAt ?? request.at,
    ...(request.upstream === undefined ? {} : { upstream: request.upstream }),
    ...(before?.enrolment && before.upstream === request.upstream ? { enrolment: before.enrolment } : {}),
  };
  writeConfig(db, config);
  // The lead's key pair for sealed batch files is made next, by `ensureLeadKeys`
  // (lead-keys.ts), which `langso init` calls after this: key files beside the database, the
  // private keys wrapped under a passphrase. Kept apart so workspaces made in-process (tests)
  // skip the passphrase and the key derivation's cost.
  return config;
}
