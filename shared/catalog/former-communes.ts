import data from './data/former-communes.json' with { type: 'json' };
import { findCommune, type Commune } from './communes.ts';

/**
 * The communes of Cà Mau and Bạc Liêu before the 2025 merger, and what each became: for the lead's
 * imports of old spreadsheets, which name the commune a retired code went to. A module of its own:
 * the PWA's commune picker offers only the 64 communes of today and never needs it.
 */
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

const FORMER: ReadonlyMap<string, FormerCommune> = new Map(
  data.communes.map((c) => [
    c.code,
    { ...c, became: c.became.map((b) => ({ code: b.code, extent: b.extent === 'full' ? 'full' : 'partial' })) },
  ]),
);

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
    const commune = findCommune(b.code);
    return commune ? [{ commune, extent: b.extent }] : [];
  });
}
