import type { Resident } from '../domain/records.ts';
import { checkCccd, normaliseCccd } from './cccd.ts';
import { checkCommune, type FormerCommuneLookup } from './commune.ts';
import { checkDateOfBirth } from './dates.ts';
import { checkEmail } from './email.ts';
import type { Issue } from './issue.ts';
import { checkFullName, normaliseName } from './names.ts';
import { checkPhone } from './phone.ts';
import { checkSex } from './sex.ts';

/** A resident as typed in a form or a spreadsheet: raw strings, any of them missing. */
export interface ResidentInput {
  readonly fullName?: string | undefined;
  readonly dateOfBirth?: string | undefined;
  readonly sex?: string | undefined;
  readonly cccd?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly communeCode?: string | undefined;
  readonly hamlet?: string | undefined;
  readonly house?: string | undefined;
}

/** The fields of a Resident payload that a resident's own input determines, normalised. */
export type ResidentFields = Pick<Resident, 'fullName' | 'dateOfBirth' | 'sex' | 'address'> &
  Partial<Pick<Resident, 'cccd' | 'phone' | 'email'>>;

export interface ResidentCheck {
  readonly issues: readonly Issue[];
  /** Present exactly when there are no issues. */
  readonly value?: ResidentFields;
}

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/**
 * Validates and normalises one resident. `today` is the ISO date in Asia/Ho_Chi_Minh (see
 * `todayInHoChiMinh`). CCCD, phone and email may be absent (a child has none) but are checked
 * when given; the CCCD is checked against the date of birth and sex it comes with.
 */
export interface ResidentCheckOptions {
  /** Today in Vietnam (YYYY-MM-DD): birth dates after it are refused. */
  readonly today: string;
  /** Names what a retired commune code became (the CLI's imports); see checkCommune. */
  readonly formerCommunes?: FormerCommuneLookup;
}

export function validateResidentInput(input: ResidentInput, options: ResidentCheckOptions): ResidentCheck {
  const issues: Issue[] = [];
  const fullName = normaliseName(input.fullName ?? '');
  issues.push(...checkFullName(fullName));
  const dob = checkDateOfBirth(input.dateOfBirth ?? '', options.today);
  issues.push(...dob.issues);
  const sex = checkSex(input.sex ?? '');
  issues.push(...sex.issues);

  const cccd = present(input.cccd) ? normaliseCccd(input.cccd) : undefined;
  if (cccd !== undefined) issues.push(...checkCccd(cccd, { dateOfBirth: dob.value, sex: sex.value }));
  const phone = present(input.phone) ? checkPhone(input.phone) : undefined;
  if (phone) issues.push(...phone.issues);
  const email = present(input.email) ? checkEmail(input.email) : undefined;
  if (email) issues.push(...email.issues);

  const commune = checkCommune(input.communeCode ?? '', 'communeCode', options.formerCommunes);
  issues.push(...commune.issues);
  const hamlet = normaliseName(input.hamlet ?? '');
  if (hamlet === '') issues.push({ field: 'hamlet', code: 'HAMLET_REQUIRED' });
  const house = normaliseName(input.house ?? '');

  if (issues.length > 0 || dob.value === undefined || sex.value === undefined || commune.value === undefined) {
    return { issues };
  }
  return {
    issues,
    value: {
      fullName,
      dateOfBirth: dob.value,
      sex: sex.value,
      ...(cccd === undefined ? {} : { cccd }),
      ...(phone?.value === undefined ? {} : { phone: phone.value }),
      ...(email?.value === undefined ? {} : { email: email.value }),
      address: {
        provinceCode: '96',
        communeCode: commune.value,
        hamlet,
        ...(house === '' ? {} : { house }),
      },
    },
  };
}
