import type { Enrolment, LeadConfig } from '../workspace/config.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';

/** Sync and updates need `langso enrol` first: a usage problem the lead fixes with one command. */
export function requireEnrolment(config: LeadConfig): Enrolment {
  if (config.enrolment === undefined) throw new UserError('SYNC_CLI_NOT_ENROLLED', {}, EXIT.usage);
  return config.enrolment;
}
