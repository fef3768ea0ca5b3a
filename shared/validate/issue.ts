/**
 * The stable codes of validation issues. Each has a Vietnamese and an English message in
 * shared/i18n (a test keeps the two in step); never rename one, only add.
 */
export const ISSUE_CODES = [
  'CCCD_FORMAT',
  'CCCD_LEGACY_CMND',
  'CCCD_PROVINCE',
  'CCCD_CENTURY_SEX',
  'CCCD_YEAR',
  'PHONE_FORMAT',
  'DOB_FORMAT',
  'DOB_FUTURE',
  'NAME_REQUIRED',
  'NAME_CHARS',
  'SEX_INVALID',
  'EMAIL_FORMAT',
  'COMMUNE_UNKNOWN',
  'HAMLET_REQUIRED',
  'CONSENT_MISSING',
  'CONSENT_INCOMPLETE',
  'DUPLICATE_CCCD',
  // e-form values of a dossier
  'FORM_REQUIRED',
  'FORM_UNKNOWN_FIELD',
  'FORM_TYPE',
  'FORM_TOO_LONG',
  'FORM_OPTION',
  'FORM_NUMBER',
  'DATE_FORMAT',
  'DATE_FUTURE',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * One problem with one field. `params` feed the message; `params.variant` picks a more precise
 * wording of the same code (e.g. COMMUNE_UNKNOWN for a pre-2025 commune). Params never hold a
 * full ID or phone number.
 */
export interface Issue {
  readonly field: string;
  readonly code: IssueCode;
  readonly params?: IssueParams;
}

export function issue(field: string, code: IssueCode, params?: IssueParams): Issue {
  return params === undefined ? { field, code } : { field, code, params };
}
