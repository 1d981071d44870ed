/** Isolated or systemic, as radio buttons with the schema's message beside them when it is missing. */
import { useId } from 'react';
import { EXCEPTION_NATURES, EXCEPTION_NATURE_LABELS, type ExceptionNature } from '@shared/domain/fieldwork';

interface Props {
  value: ExceptionNature | null;
  error: string | undefined;
  readOnly: boolean;
  onChange(value: ExceptionNature | null): void;
}

const HINTS: Record<ExceptionNature, string> = {
  isolated: 'a one-off; an expanded sample found no more',
  systemic: 'a cause that affects the control beyond these items',
};

export function NatureField({ value, error, readOnly, onChange }: Props) {
  const name = useId();
  const errorId = `${name}-error`;
  const options: [ExceptionNature | null, string][] = [
    ...EXCEPTION_NATURES.map((n): [ExceptionNature, string] => [
      n,
      `${EXCEPTION_NATURE_LABELS[n]}: ${HINTS[n]}`,
    ]),
    [null, 'Not decided yet'],
  ];
  return (
    <fieldset
      className={error ? 'radio-group field-invalid' : 'radio-group'}
      disabled={readOnly}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>Isolated or systemic?</legend>
      {options.map(([option, label]) => (
        <label key={label} className="radio">
          <input
            type="radio"
            name={name}
            checked={value === option}
            aria-invalid={error && option !== null ? true : undefined}
            onChange={() => onChange(option)}
          />
          {label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
