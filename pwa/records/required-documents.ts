import type { ProcedureDocument } from '../../shared/catalog/procedure-catalog.ts';

export interface DocumentToPhotograph {
  /** Key of the photo in Dossier.documents: stable for a procedure's catalog entry. */
  readonly key: string;
  readonly text: string;
  readonly required: boolean;
}

const CONDITIONAL = /^trường hợp|trong trường hợp|^nếu /i;
/** The declaration form itself: the e-form replaces it, there is nothing to photograph. */
const THE_FORM = /^(tờ khai|mẫu |phiếu|mẫu hộ tịch)/i;

/**
 * The papers a volunteer photographs for a procedure. The portal lists them as prose; a paper
 * needed only "in the case of …" is optional, and the form itself is the e-form, not a photo.
 */
export function documentsToPhotograph(documents: readonly ProcedureDocument[]): DocumentToPhotograph[] {
  return documents
    .map((doc, index) => ({ doc, index }))
    .filter(({ doc }) => !THE_FORM.test(doc.text.trim()))
    .map(({ doc, index }) => ({ key: `doc-${index + 1}`, text: doc.text, required: !CONDITIONAL.test(doc.text.trim()) }));
}
