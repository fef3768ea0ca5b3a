import type { RecordEnvelope } from '../../shared/domain/records.ts';
import type { RecordRow } from '../workspace/record-row.ts';
import type { Issue } from '../../shared/validate/issue.ts';
import { normaliseName } from '../../shared/validate/names.ts';
import { formerCommuneHint } from '../../shared/validate/former-commune-hint.ts';
import { validateResidentInput } from '../../shared/validate/resident.ts';
import { searchKey } from '../../shared/domain/search-key.ts';

/** Where a linked resident lives, as the lead's workspace has it (for an e-ID or a dossier). */
export interface LinkedResident {
  readonly commune_code: string | null;
  readonly hamlet: string | null;
  readonly hamlet_key: string | null;
  readonly full_name: string | null;
}

/** The columns of the lead's `records` row (cli/workspace/migrations.ts) a phone's record fills. */
export type LeadRecordColumns = Pick<
  RecordRow,
  | 'payload'
  | 'raw'
  | 'issues'
  | 'valid'
  | 'commune_code'
  | 'hamlet'
  | 'hamlet_key'
  | 'full_name'
  | 'search_key'
  | 'date_of_birth'
  | 'sex'
  | 'cccd'
  | 'phone'
  | 'eid_level'
  | 'procedure_code'
  | 'lifecycle'
>;

const NONE = {
  commune_code: null,
  hamlet: null,
  hamlet_key: null,
  full_name: null,
  search_key: null,
  date_of_birth: null,
  sex: null,
  cccd: null,
  phone: null,
  eid_level: null,
  procedure_code: null,
  lifecycle: null,
} as const;

function place(communeCode: string, hamletText: string) {
  const hamlet = normaliseName(hamletText);
  return { commune_code: communeCode, hamlet, hamlet_key: searchKey(hamlet) };
}

/**
 * A phone's record as the lead reviews it: the envelope passed the hub's schema checks; a
 * resident is checked again with the shared rules the lead's imports use (the CCCD against the
 * birth date and sex, the commune, no birth in the future), so the review shows the same issues
 * whichever way a record came in. E-ID applications and dossiers take their place from their
 * resident, when the lead has it.
 */
export function leadRecordColumns(
  envelope: RecordEnvelope,
  today: string,
  linked: (residentId: string) => LinkedResident | undefined,
): LeadRecordColumns {
  const payloadJson = JSON.stringify(envelope.payload);
  const valid = (issues: readonly Issue[]) =>
    issues.length === 0
      ? { payload: payloadJson, raw: null, issues: '[]', valid: 1 as const }
      : { payload: null, raw: payloadJson, issues: JSON.stringify(issues), valid: 0 as const };

  switch (envelope.type) {
    case 'resident': {
      const p = envelope.payload;
      const check = validateResidentInput(
        {
          fullName: p.fullName,
          dateOfBirth: p.dateOfBirth,
          sex: p.sex,
          cccd: p.cccd,
          phone: p.phone,
          email: p.email,
          communeCode: p.address.communeCode,
          hamlet: p.address.hamlet,
          house: p.address.house,
        },
        { today, formerCommunes: formerCommuneHint },
      );
      const name = normaliseName(p.fullName);
      return {
        ...valid(check.issues),
        ...NONE,
        ...place(p.address.communeCode, p.address.hamlet),
        full_name: name,
        search_key: searchKey(name),
        date_of_birth: p.dateOfBirth,
        sex: p.sex,
        cccd: p.cccd ?? null,
        phone: p.phone ?? null,
      };
    }
    case 'household': {
      const p = envelope.payload;
      return { ...valid([]), ...NONE, ...place(p.address.communeCode, p.address.hamlet), full_name: normaliseName(p.headName) };
    }
    case 'eid': {
      const p = envelope.payload;
      const who = linked(p.residentId);
      return { ...valid([]), ...NONE, ...who, phone: p.ownPhone, eid_level: p.level, lifecycle: p.status };
    }
    case 'dossier': {
      const p = envelope.payload;
      const who = linked(p.applicantResidentId);
      return { ...valid([]), ...NONE, ...who, procedure_code: p.procedureCode, lifecycle: p.status };
    }
  }
}
