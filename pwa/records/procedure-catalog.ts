import * as v from 'valibot';
import { createProcedureCatalog, ProceduresDataSchema, type ProcedureCatalog } from '../../shared/catalog/procedure-catalog.ts';

/** Where the build puts the catalog's data (vite.config.ts), precached with the app. */
export const PROCEDURES_URL = '/catalog/procedures.json';

let loading: Promise<ProcedureCatalog> | undefined;

/**
 * The procedure catalog, fetched once (from the service worker's precache once installed) and
 * parsed: a damaged or foreign file is refused rather than shown. A failed load is tried again
 * on the next call.
 */
export function loadProcedureCatalog(fetchFn: typeof fetch = fetch): Promise<ProcedureCatalog> {
  loading ??= (async () => {
    const response = await fetchFn(PROCEDURES_URL);
    if (!response.ok) throw new Error(`procedure catalog: HTTP ${response.status}`);
    return createProcedureCatalog(v.parse(ProceduresDataSchema, await response.json()));
  })();
  const current = loading;
  current.catch(() => {
    if (loading === current) loading = undefined;
  });
  return current;
}
