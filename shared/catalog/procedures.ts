import { searchKey } from '../validate/search-key.ts';
import { CIVIL_STATUS_FORMS } from './eforms/civil-status.ts';
import { IDENTITY_FORMS } from './eforms/identity.ts';
import { OTHER_FORMS } from './eforms/other.ts';
import { RESIDENCE_FORMS } from './eforms/residence.ts';
import type { EForm } from './form-field.ts';
import data from './data/procedures.json' with { type: 'json' };

/**
 * The procedure catalog (DESIGN §2): the 21 procedures a team helps with most, as published on
 * the national portal, each with its hand-designed e-form. A module of its own so the PWA loads
 * it (≈90 KB of text) only on the procedure screens.
 */
export interface ProcedureDocument {
  /** The group heading on the portal ("Giấy tờ phải nộp", a case description…), if any. */
  readonly group: string | null;
  readonly text: string;
  readonly quantity: string;
}

export interface Procedure {
  /** National procedure code, e.g. 1.001193. */
  readonly code: string;
  readonly shortName: string;
  readonly officialName: string;
  /** Lĩnh vực, e.g. Hộ tịch. */
  readonly field: string;
  /** Cấp thực hiện as published (Cấp xã, Cấp tỉnh…). */
  readonly level: string;
  /** The portal lists online submission for it. */
  readonly online: boolean;
  /** Documents to submit or show; the portal's notes are left out. */
  readonly documents: readonly ProcedureDocument[];
  /** Processing time and fee per channel, verbatim from the portal. */
  readonly channels: readonly { readonly channel: string; readonly timeAndFee: string }[];
  readonly result: string;
  readonly portalUrl: string;
  readonly form: EForm;
}

const FORMS: Readonly<Record<string, EForm>> = {
  ...CIVIL_STATUS_FORMS,
  ...RESIDENCE_FORMS,
  ...IDENTITY_FORMS,
  ...OTHER_FORMS,
};

const PROCEDURES: readonly Procedure[] = data.procedures.map((p) => ({ ...p, form: FORMS[p.code] ?? [] }));
const BY_CODE: ReadonlyMap<string, Procedure> = new Map(PROCEDURES.map((p) => [p.code, p]));
const KEYS: readonly { procedure: Procedure; name: string; official: string; field: string }[] = PROCEDURES.map(
  (procedure) => ({
    procedure,
    name: searchKey(procedure.shortName),
    official: searchKey(procedure.officialName),
    field: searchKey(procedure.field),
  }),
);

export const PROCEDURES_PROVENANCE = { dataset: data.dataset, source: data.source, fieldNotes: data.field_notes };

export function procedures(): readonly Procedure[] {
  return PROCEDURES;
}

export function findProcedure(code: string): Procedure | undefined {
  return BY_CODE.get(code.trim());
}

/**
 * Procedures whose code starts with the query, or whose name (short, official) or field holds
 * every word of it, diacritics and case folded: `khai sinh` and `dang ky khai sinh` both find
 * 1.001193. Best first: code, then short name, then official name or field.
 */
export function searchProcedures(query: string): readonly Procedure[] {
  const key = searchKey(query);
  if (key === '') return PROCEDURES;
  const words = key.split(' ');
  const scored: { procedure: Procedure; score: number }[] = [];
  for (const k of KEYS) {
    let score = 0;
    if (k.procedure.code.startsWith(key)) score = 4;
    else if (k.name.startsWith(key)) score = 3;
    else if (words.every((w) => k.name.includes(w))) score = 2;
    else if (words.every((w) => k.official.includes(w) || k.field.includes(w))) score = 1;
    if (score > 0) scored.push({ procedure: k.procedure, score });
  }
  // Array#sort is stable: equal scores keep the catalog order.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.procedure);
}
