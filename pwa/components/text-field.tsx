import type { JSX } from 'preact';

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onBlur?: () => void;
  /** The message under the field, in the volunteer's language, when the value is wrong. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'tel' | 'email' | 'search' | 'url';
  readonly inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  readonly autoComplete?: string;
  readonly list?: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
}

/**
 * A labelled input with its hint and error under it, tied by aria-describedby so a screen
 * reader reads the message with the field; aria-invalid marks it wrong.
 */
export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: props.onBlur,
  };
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => props.onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          list={props.list}
          placeholder={props.placeholder}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
