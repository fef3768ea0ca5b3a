import { communes } from '../../shared/catalog/communes.ts';
import procedures from '../../shared/catalog/data/procedures.json' with { type: 'json' };
import type { CatalogSource } from './catalog.ts';

/** The catalog a sandbox province serves: the repository's reference data, summarised. */
export function referenceCatalog(): CatalogSource {
  return {
    procedures: procedures.procedures.map((p) => ({
      code: p.code,
      name: p.shortName,
      level: p.level,
      online: p.online,
    })),
    communes: communes().map((c) => ({ code: c.code, name: c.name, type: c.type })),
  };
}
