export interface CheckFieldProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly error?: string | undefined;
}

/** One checkbox with its label; the whole row is the tap target. Never checked by default. */
export function CheckField(props: CheckFieldProps) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label class="choice" for={props.id}>
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.error && (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
