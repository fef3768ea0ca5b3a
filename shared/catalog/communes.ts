import data from './data/communes.json' with { type: 'json' };

/** A commune or ward (xã / phường) of Cà Mau province since 1 July 2025. */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: 'Phường' | 'Xã';
  /** The province it belonged to before the 2025 merger (Cà Mau or Bạc Liêu). */
  readonly formerProvince: string;
}

const COMMUNES: readonly Commune[] = data.communes.map((c) => ({
  ...c,
  type: c.type === 'Phường' ? 'Phường' : 'Xã',
}));
const BY_CODE: ReadonlyMap<string, Commune> = new Map(COMMUNES.map((c) => [c.code, c]));

/** Where the commune list comes from (dataset, legal basis, source), for an "about the data" screen. */
export const COMMUNES_PROVENANCE = { dataset: data.dataset, legalBasis: data.legal_basis, source: data.source };

/** The 64 communes and wards of Cà Mau, in the official list order. */
export function communes(): readonly Commune[] {
  return COMMUNES;
}

export function findCommune(code: string): Commune | undefined {
  return BY_CODE.get(code);
}
