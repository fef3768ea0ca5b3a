import type { Enrolment, LeadConfig } from '../lead/config.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

/** Sync and updates need `langso enrol` first: a usage problem the lead fixes with one command. */
export function requireEnrolment(config: LeadConfig): Enrolment {
  if (config.enrolment === undefined) throw new UserError('SYNC_CLI_NOT_ENROLLED', {}, EXIT.usage);
  return config.enrolment;
}
