/** Small pieces of the agreements' pages: the status badge and a labelled text area. */
import { forwardRef, useId, type TextareaHTMLAttributes } from 'react';
import { useAgreementFormat } from './format';
import type { AgreementStatus } from './types';
import './agreements.css';

export function StatusBadge({ status }: { status: AgreementStatus }) {
  const f = useAgreementFormat();
  return <span className={`rwa-status rwa-status-${status}`}>{f.status(status)}</span>;
}

/** A text area in the style of the shared fields: label above, then help and error linked by aria-describedby. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, { label: string; help?: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(
  { label, help, error, id: givenId, ...rest },
  ref,
) {
  const auto = useId().replace(/:/g, '');
  const id = givenId ?? `ta${auto}`;
  const described = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field mb-4">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea ref={ref} id={id} className={`form-control${error ? ' is-invalid' : ''}`} aria-invalid={error ? true : undefined} aria-describedby={described} rows={3} {...rest} />
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
});
