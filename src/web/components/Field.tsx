/**
 * A labelled form field in the bootstrap-italia style: the label is always visible above the input,
 * the help text and the error are linked with aria-describedby, and the input is aria-invalid.
 * Optional fields say "(facoltativo)" in their label; required ones carry no marker (GOV.UK / Designers Italia style).
 */
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface Common {
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  const ids = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function useFieldId(givenId: string | undefined): string {
  const auto = useId();
  return givenId ?? `f${auto.replace(/:/g, '')}`;
}

/** The label above, then the control, then the error and the help text the control points to. */
function FieldFrame({ id, label, help, error, children }: Omit<Common, 'required'> & { id: string; children: ReactNode }) {
  return (
    <div className="field mb-4">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {error && (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      )}
      {help && (
        <div id={`${id}-help`} className="form-text">
          {help}
        </div>
      )}
    </div>
  );
}

export const TextField = forwardRef<HTMLInputElement, Common & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { label, help, error, required, id: givenId, className, ...rest },
  ref,
) {
  const id = useFieldId(givenId);
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      <input
        ref={ref}
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        required={required}
        {...rest}
      />
    </FieldFrame>
  );
});

export const SelectField = forwardRef<HTMLSelectElement, Common & SelectHTMLAttributes<HTMLSelectElement>>(function SelectField(
  { label, help, error, required, id: givenId, children, ...rest },
  ref,
) {
  const id = useFieldId(givenId);
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      <select
        ref={ref}
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        required={required}
        {...rest}
      >
        {children}
      </select>
    </FieldFrame>
  );
});

/** Roles as a group of checkboxes with a legend. */
export function CheckboxGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  idPrefix,
}: {
  legend: string;
  options: { value: V; label: string }[];
  value: V[];
  onChange(v: V[]): void;
  error?: string;
  idPrefix: string;
}) {
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend className="field-label fs-6">{legend}</legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <div className="form-check my-1" key={o.value}>
            <input
              type="checkbox"
              id={`${idPrefix}-${o.value}`}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <label htmlFor={`${idPrefix}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <div id={`${idPrefix}-error`} className="field-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
