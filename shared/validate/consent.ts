import * as v from 'valibot';
import { ConsentSchema, type ConsentPurpose, type DataCategory } from '../domain/consent.ts';
import { issue, type Issue } from './issue.ts';

export interface ConsentNeed {
  /** The purposes the record will be used for (e.g. eid_registration). */
  readonly purposes: readonly ConsentPurpose[];
  /** The kinds of data the record holds (e.g. identity, contact, id_card_photo). */
  readonly categories: readonly DataCategory[];
}

/**
 * Consent rules of docs/DOMAIN.md (PDP Law 91/2025/QH15, Decree 356/2025/NĐ-CP): no consent, no sync;
 * a consent must cover every purpose and data category of the record, name who processes the
 * data, record that the person's rights were shown, and carry the signature it claims.
 */
export function validateConsent(consent: unknown, need: ConsentNeed): Issue[] {
  if (consent === null || consent === undefined) return [issue('consent', 'CONSENT_MISSING')];
  const parsed = v.safeParse(ConsentSchema, consent);
  if (!parsed.success) {
    const fields = new Set(parsed.issues.map((i) => `consent.${v.getDotPath(i)?.split('.')[0] ?? ''}`.replace(/\.$/, '')));
    return [...fields].map((field) => issue(field, 'CONSENT_INCOMPLETE'));
  }
  const given = parsed.output;
  const issues: Issue[] = [];
  for (const purpose of need.purposes) {
    if (!given.purposes.includes(purpose)) {
      issues.push(issue('consent.purposes', 'CONSENT_INCOMPLETE', { variant: 'purpose', purpose }));
    }
  }
  for (const category of need.categories) {
    if (!given.dataCategories.includes(category)) {
      issues.push(issue('consent.dataCategories', 'CONSENT_INCOMPLETE', { variant: 'category', category }));
    }
  }
  if (!given.rightsShown) issues.push(issue('consent.rightsShown', 'CONSENT_INCOMPLETE', { variant: 'rights' }));
  if (given.method === 'signature' && given.signatureSha256 === undefined) {
    issues.push(issue('consent.signatureSha256', 'CONSENT_INCOMPLETE', { variant: 'signature' }));
  }
  return issues;
}
