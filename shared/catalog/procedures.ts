import data from './data/procedures.json' with { type: 'json' };
import { createProcedureCatalog } from './procedure-catalog.ts';

export type { Procedure, ProcedureCatalog, ProcedureDocument } from './procedure-catalog.ts';

/** The procedure catalog from the repository's reference data, for the CLI, the server and tests. */
const CATALOG = createProcedureCatalog(data);

export const PROCEDURES_PROVENANCE = { dataset: data.dataset, source: data.source, fieldNotes: data.field_notes };
export const { procedures, findProcedure, searchProcedures } = CATALOG;
