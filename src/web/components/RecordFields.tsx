/**
 * The fields of a form whose values are one record of strings: each field takes its value, its
 * error and its change handler from the record by name, and keeps a ref so that the page can move
 * the focus to the first field with a problem.
 */
import { useRef, type ComponentProps, type ReactNode } from 'react';
import { SelectField, TextField } from './Field';

type Bound = 'label' | 'value' | 'onChange' | 'error' | 'ref';
type FieldElement = HTMLInputElement | HTMLSelectElement;

export function useRecordFields<K extends string>({
  form,
  set,
  errors,
}: {
  form: Record<K, string>;
  set: (k: K) => (e: { target: { value: string } }) => void;
  errors: Partial<Record<K, string>>;
}) {
  const refs = useRef<Partial<Record<K, FieldElement | null>>>({});
  const keep = (k: K) => (el: FieldElement | null) => {
    refs.current[k] = el;
  };
  /** A text field bound to `form[k]`. */
  const text = (k: K, label: string, extra: Omit<ComponentProps<typeof TextField>, Bound> = {}) => (
    <TextField ref={keep(k)} label={label} value={form[k]} onChange={set(k)} error={errors[k]} {...extra} />
  );
  /** A required choice among `options`, bound to `form[k]`, each option shown by `optionLabel`. */
  const choice = <V extends string>(k: K, label: string, options: readonly V[], optionLabel: (v: V) => ReactNode) => (
    <SelectField ref={keep(k)} label={label} value={form[k]} onChange={set(k)} error={errors[k]} required>
      {options.map((o) => (
        <option key={o} value={o}>
          {optionLabel(o)}
        </option>
      ))}
    </SelectField>
  );
  /** Moves the focus to the first field of `order` that has an error in `errs`. */
  const focusFirst = (order: readonly K[], errs: Partial<Record<K, string>>) => {
    const first = order.find((k) => errs[k]);
    if (first) refs.current[first]?.focus();
  };
  return { text, choice, focusFirst };
}
