import * as v from 'valibot';
import { searchKey } from '../domain/search-key.ts';
import { CIVIL_STATUS_FORMS } from './eforms/civil-status.ts';
import { IDENTITY_FORMS } from './eforms/identity.ts';
import { OTHER_FORMS } from './eforms/other.ts';
import { RESIDENCE_FORMS } from './eforms/residence.ts';
import type { EForm } from './eforms/form-field.ts';

/**
 * The procedure catalog (docs/DOMAIN.md): the 21 procedures a team helps with most, as published on
 * the national portal, each with its hand-designed e-form. The published text (≈90 KB) is data,
 * not code: the CLI and the server read it from shared/catalog/data/procedures.json, the PWA
 * fetches the same file from beside the app (precached) when a procedure screen opens, so it is
 * parsed here rather than trusted.
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

/** The published part of a procedure, as the data file holds it (the e-form is ours, in code). */
const ProcedureTextSchema = v.object({
  code: v.pipe(v.string(), v.regex(/^\d+\.\d+$/)),
  shortName: v.string(),
  officialName: v.string(),
  field: v.string(),
  level: v.string(),
  online: v.boolean(),
  documents: v.array(v.object({ group: v.nullable(v.string()), text: v.string(), quantity: v.string() })),
  channels: v.array(v.object({ channel: v.string(), timeAndFee: v.string() })),
  result: v.string(),
  portalUrl: v.string(),
});

export const ProceduresDataSchema = v.object({ procedures: v.array(ProcedureTextSchema) });
export type ProceduresData = v.InferOutput<typeof ProceduresDataSchema>;

export interface ProcedureCatalog {
  readonly procedures: () => readonly Procedure[];
  readonly findProcedure: (code: string) => Procedure | undefined;
  /**
   * Procedures whose code starts with the query, or whose name (short, official) or field holds
   * every word of it, diacritics and case folded: `khai sinh` and `dang ky khai sinh` both find
   * 1.001193. Best first: code, then short name, then official name or field.
   */
  readonly searchProcedures: (query: string) => readonly Procedure[];
}

const FORMS: Readonly<Record<string, EForm>> = {
  ...CIVIL_STATUS_FORMS,
  ...RESIDENCE_FORMS,
  ...IDENTITY_FORMS,
  ...OTHER_FORMS,
};

export function createProcedureCatalog(data: ProceduresData): ProcedureCatalog {
  const all: readonly Procedure[] = data.procedures.map((p) => ({ ...p, form: FORMS[p.code] ?? [] }));
  const byCode: ReadonlyMap<string, Procedure> = new Map(all.map((p) => [p.code, p]));
  const keys = all.map((procedure) => ({
    procedure,
    name: searchKey(procedure.shortName),
    official: searchKey(procedure.officialName),
    field: searchKey(procedure.field),
  }));
  return {
    procedures: () => all,
    findProcedure: (code) => byCode.get(code.trim()),
    searchProcedures: (query) => {
      const key = searchKey(query);
      if (key === '') return all;
      const words = key.split(' ');
      const scored: { procedure: Procedure; score: number }[] = [];
      for (const k of keys) {
        let score = 0;
        if (k.procedure.code.startsWith(key)) score = 4;
        else if (k.name.startsWith(key)) score = 3;
        else if (words.every((w) => k.name.includes(w))) score = 2;
        else if (words.every((w) => k.official.includes(w) || k.field.includes(w))) score = 1;
        if (score > 0) scored.push({ procedure: k.procedure, score });
      }
      // Array#sort is stable: equal scores keep the catalog order.
      return scored.sort((a, b) => b.score - a.score).map((s) => s.procedure);
    },
  };
}
