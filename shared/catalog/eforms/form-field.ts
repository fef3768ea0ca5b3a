/**
 * The e-form schema of a procedure: typed fields the PWA renders and `validateFormValues` checks.
 * Hand-designed per procedure (the national portal publishes no machine-readable form).
 */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'date', 'select', 'cccd', 'phone', 'email', 'number'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface LocalisedText {
  readonly vi: string;
  readonly en: string;
}

export interface FormOption {
  readonly value: string;
  readonly label: LocalisedText;
}

interface FieldBase {
  /** Key of the value in `Dossier.formValues`. */
  readonly key: string;
  readonly label: LocalisedText;
  readonly required: boolean;
}

export type FormField =
  | (FieldBase & { readonly type: 'text' | 'textarea'; readonly maxLength: number })
  | (FieldBase & { readonly type: 'date'; readonly notFuture: boolean })
  | (FieldBase & { readonly type: 'select'; readonly options: readonly FormOption[] })
  | (FieldBase & { readonly type: 'cccd' | 'phone' | 'email' })
  | (FieldBase & { readonly type: 'number'; readonly min: number; readonly max: number; readonly integer: boolean });

export type EForm = readonly FormField[];
