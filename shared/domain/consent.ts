import * as v from 'valibot';
import { searchKey } from './search-key.ts';

/**
 * Consent under the PDP Law 91/2025/QH15 and Decree 356/2025/NĐ-CP (docs/DOMAIN.md): explicit, per
 * purpose, never pre-ticked, verifiable. `textVersion` names the consent text that was shown.
 */
export const CONSENT_PURPOSES = ['eid_registration', 'dossier_filing', 'household_register'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const DATA_CATEGORIES = [
  'identity', // name, date of birth, sex, ID number
  'contact', // phone, email
  'address',
  'id_card_photo', // sensitive under Decree 356
  'portrait_photo', // biometric: sensitive
  'household', // relationships between members
  'procedure_data', // the e-form's answers
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const CONSENT_METHODS = ['signature', 'tick'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const ConsentSchema = v.object({
  textVersion: v.pipe(v.string(), v.minLength(1)),
  purposes: v.pipe(v.array(v.picklist(CONSENT_PURPOSES)), v.minLength(1)),
  dataCategories: v.pipe(v.array(v.picklist(DATA_CATEGORIES)), v.minLength(1)),
  processor: v.pipe(v.string(), v.minLength(1)),
  rightsShown: v.boolean(),
  givenAt: v.pipe(v.string(), v.isoTimestamp()),
  method: v.picklist(CONSENT_METHODS),
  /** SHA-256 of the drawn signature image (an attachment), when method is 'signature'. */
  signatureSha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  /** The person who consented: the resident, or a guardian for a child. */
  subjectName: v.pipe(v.string(), v.minLength(1)),
  /** Which volunteer witnessed it. */
  volunteerId: v.pipe(v.string(), v.minLength(1)),
});
export type Consent = v.InferOutput<typeof ConsentSchema>;

const TEAM_KIND = 'Tổ công nghệ số cộng đồng';

/**
 * Who processes the data, as the consent names it: the team, by the name it goes by. A team is
 * usually named "Tổ công nghệ số cộng đồng xã …" already; the kind is added only when its name
 * does not say it (an enrolment with a short name such as "Ấp Tân Lợi").
 */
export function processorName(teamName: string | undefined): string {
  const name = (teamName ?? '').trim();
  if (name === '') return TEAM_KIND;
  return searchKey(name).startsWith(searchKey(TEAM_KIND)) ? name : `${TEAM_KIND} ${name}`;
}
