import { useEffect, useState } from 'preact/hooks';
import type { ProcedureCatalog } from '../../shared/catalog/procedure-catalog.ts';

export type Catalog = ProcedureCatalog;

export type CatalogState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly catalog: Catalog } | { readonly status: 'failed' };

/** The procedure catalog is 90 KB of text: it loads (from the precache) only where it is shown. */
export function useCatalog(wanted = true): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void import('./procedure-catalog.ts')
      .then(({ loadProcedureCatalog }) => loadProcedureCatalog())
      .then(
        (catalog) => {
          if (live) setState({ status: 'ready', catalog });
        },
        () => {
          if (live) setState({ status: 'failed' });
        },
      );
    return () => {
      live = false;
    };
  }, [wanted]);
  return state;
}
