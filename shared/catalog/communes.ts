import data from './data/communes.json' with { type: 'json' };
import former from './data/former-communes.json' with { type: 'json' };

/** A commune or ward (xã / phường) of Cà Mau province since 1 July 2025. */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly type: 'Phường' | 'Xã';
  /** The province it belonged to before the 2025 merger (Cà Mau or Bạc Liêu). */
  readonly formerProvince: string;
}

/** A pre-2025 commune of Cà Mau or Bạc Liêu and the 2025 commune(s) its land went to. */
export interface FormerCommune {
  readonly code: string;
  readonly fullName: string;
  readonly district: string;
  readonly province: string;
  readonly became: readonly { readonly code: string; readonly extent: 'full' | 'partial' }[];
}

export interface Successor {
  readonly commune: Commune;
  /** 'partial' when only part of the old commune went to this one. */
  readonly extent: 'full' | 'partial';
}

const COMMUNES: readonly Commune[] = data.communes.map((c) => ({
  ...c,
  type: c.type === 'Phường' ? 'Phường' : 'Xã',
}));
const BY_CODE: ReadonlyMap<string, Commune> = new Map(COMMUNES.map((c) => [c.code, c]));
const FORMER: ReadonlyMap<string, FormerCommune> = new Map(
  former.communes.map((c) => [
    c.code,
    { ...c, became: c.became.map((b) => ({ code: b.code, extent: b.extent === 'full' ? 'full' : 'partial' })) },
  ]),
);

/** Where the commune list comes from (dataset, legal basis, source), for an "about the data" screen. */
export const COMMUNES_PROVENANCE = { dataset: data.dataset, legalBasis: data.legal_basis, source: data.source };

/** The 64 communes and wards of Cà Mau, in the official list order. */
export function communes(): readonly Commune[] {
  return COMMUNES;
}

export function findCommune(code: string): Commune | undefined {
  return BY_CODE.get(code);
}

/** A pre-2025 commune by its old code, whether or not the code lives on in the 2025 list. */
export function findFormerCommune(code: string): FormerCommune | undefined {
  return FORMER.get(code);
}

/**
 * The 2025 commune(s) a pre-2025 code became, or undefined for a code that was never a Cà Mau
 * or Bạc Liêu commune. Some old codes equal new ones: callers check `findCommune` first.
 */
export function successorsOfOldCommune(code: string): readonly Successor[] | undefined {
  const old = FORMER.get(code);
  if (!old) return undefined;
  return old.became.flatMap((b) => {
    const commune = BY_CODE.get(b.code);
    return commune ? [{ commune, extent: b.extent }] : [];
  });
}
