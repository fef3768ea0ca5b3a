import { useEffect, useState } from 'preact/hooks';

export type Catalog = typeof import('../../shared/catalog/procedures.ts');

/** The procedure catalog is 90 KB of text: it loads (from the precache) only where it is shown. */
export function useCatalog(wanted = true): Catalog | undefined {
  const [catalog, setCatalog] = useState<Catalog | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void import('../../shared/catalog/procedures.ts').then((loaded) => {
      if (live) setCatalog(loaded);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return catalog;
}
