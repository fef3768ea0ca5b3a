import data from './data/cccd-provinces.json' with { type: 'json' };

/**
 * The 63 province codes that open a personal ID number (digits 1–3: where the birth was
 * registered; TT 07/2016/TT-BCA). Bạc Liêu's 095 stays valid after the 2025 merger.
 */
export interface CccdProvince {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
}

const BY_CODE: ReadonlyMap<string, CccdProvince> = new Map(data.codes.map((c) => [c.code, c]));

export const CCCD_PROVINCES_PROVENANCE = {
  dataset: data.dataset,
  legalSource: data.legal_source,
  source: data.source,
  notes: data.notes,
};

export function cccdProvinces(): readonly CccdProvince[] {
  return data.codes;
}

export function isCccdProvinceCode(code: string): boolean {
  return BY_CODE.has(code);
}

export function provinceNameByCccdCode(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}
