import * as v from 'valibot';

/** Where the build puts the pre-2025 communes (vite.config.ts), precached beside the app. */
export const FORMER_COMMUNES_URL = '/catalog/former-communes.json';

const FormerCommunesSchema = v.object({
  communes: v.array(
    v.object({
      fullName: v.string(),
      district: v.string(),
      became: v.array(v.object({ code: v.string() })),
    }),
  ),
});

/** A commune as people still call it (before the 2025 merger), and today's commune(s) it went to. */
export interface FormerName {
  readonly fullName: string;
  readonly district: string;
  readonly becameCodes: readonly string[];
}

let loading: Promise<readonly FormerName[]> | undefined;

/**
 * The 164 pre-2025 communes of Cà Mau and Bạc Liêu, fetched once when the picker is searched
 * (old cards and people still say "Ngan Dừa", "Tân Thành"). Data beside the app, not in its
 * scripts; a failed load is tried again next time.
 */
export function loadFormerNames(fetchFn: typeof fetch = fetch): Promise<readonly FormerName[]> {
  loading ??= (async () => {
    const response = await fetchFn(FORMER_COMMUNES_URL);
    if (!response.ok) throw new Error(`former communes: HTTP ${response.status}`);
    const data = v.parse(FormerCommunesSchema, await response.json());
    return data.communes.map((c) => ({ fullName: c.fullName, district: c.district, becameCodes: c.became.map((b) => b.code) }));
  })();
  const current = loading;
  current.catch(() => {
    if (loading === current) loading = undefined;
  });
  return current;
}
