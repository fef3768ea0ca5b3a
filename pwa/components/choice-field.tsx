export interface ChoiceOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface ChoiceFieldProps<T extends string> {
  readonly id: string;
  readonly legend: string;
  readonly options: readonly ChoiceOption<T>[];
  readonly value: T | undefined;
  readonly onChange: (value: T) => void;
  readonly error?: string | undefined;
  readonly hint?: string;
}

/** Radio buttons in a fieldset: large rows a thumb can hit, arrow keys move between them. */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <fieldset
      class={props.error ? 'field field-error choices' : 'field choices'}
      id={props.id}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.options.map((option) => (
        <label class="choice" key={option.value}>
          <input
            type="radio"
            name={props.id}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {props.error && (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
