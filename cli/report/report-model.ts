/** The figures of one area (a hamlet, a commune, or all), in the province's own terms. */
export interface AreaFigures {
  /** Residents registered (distinct people: a CCCD counts once; records the lead rejected do not count). */
  readonly residents: number;
  /** Residents aged 14 or more: the age from which the ID card is compulsory (Law on Identification 2023). */
  readonly adults14: number;
  readonly adults14WithCccd: number;
  /** Residents aged 18 or more: adults in civil law. */
  readonly adults18: number;
  readonly adults18WithCccd: number;
  /** Residents whose record carries the person's consent (PDP Law 91/2025). */
  readonly withConsent: number;
  readonly eidApplications: number;
  /** E-ID applications the province reports activated: e-ID accounts. */
  readonly eidAccounts: number;
  readonly dossiers: number;
  /** Dossiers that reached the province (sent, or any status the province gave after). */
  readonly dossiersFiled: number;
  /** Records not yet accepted upstream (waiting for review, queued or set aside). */
  readonly waiting: number;
  readonly oldestWaitingAt: string | null;
}

export interface HamletFigures extends AreaFigures {
  readonly hamlet: string | null;
}

export interface CommuneFigures extends AreaFigures {
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly hamlets: readonly HamletFigures[];
}

export interface StatusCount {
  readonly status: string;
  readonly count: number;
}

export interface Report {
  readonly generatedAt: string;
  /** The day ages are computed on, in Asia/Ho_Chi_Minh. */
  readonly today: string;
  readonly team: string;
  readonly communeCode: string;
  readonly communeName: string | null;
  readonly totals: AreaFigures;
  readonly communes: readonly CommuneFigures[];
  readonly eid: readonly (StatusCount & { readonly level: number | null })[];
  readonly dossiers: readonly (StatusCount & { readonly procedureCode: string | null; readonly procedureName: string | null })[];
}

/** A share as a number 0–1, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Whole days from an ISO timestamp to now (the age of the oldest waiting record). */
export function ageInDays(fromIso: string | null, nowIso: string): number | null {
  if (fromIso === null) return null;
  return Math.max(0, Math.floor((Date.parse(nowIso) - Date.parse(fromIso)) / 86_400_000));
}

/** The counts of an area that add up to its commune's and the province's (report totals, CSV columns). */
export const COUNTED_FIGURES = [
  'residents',
  'adults14',
  'adults14WithCccd',
  'adults18',
  'adults18WithCccd',
  'withConsent',
  'eidApplications',
  'eidAccounts',
  'dossiers',
  'dossiersFiled',
  'waiting',
] as const satisfies readonly (keyof AreaFigures)[];
