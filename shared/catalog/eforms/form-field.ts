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
  | (FieldBase & {
      readonly type: 'text' | 'textarea';
      readonly maxLength: number;
      /** A person's full name: checked as the member form checks names (letters, spaces, ' and -). */
      readonly personName?: true;
    })
  | (FieldBase & { readonly type: 'date'; readonly notFuture: boolean })
  | (FieldBase & { readonly type: 'select'; readonly options: readonly FormOption[] })
  | (FieldBase & {
      readonly type: 'cccd';
      /** The person's sex when the field says it (a mother's, a husband's): digit 4 must agree. */
      readonly sex?: 'male' | 'female';
      /** The key of the date field with this person's birth date: digits 4–6 must agree with it. */
      readonly bornOn?: string;
    })
  | (FieldBase & { readonly type: 'phone' | 'email' })
  | (FieldBase & { readonly type: 'number'; readonly min: number; readonly max: number; readonly integer: boolean });

export type EForm = readonly FormField[];
