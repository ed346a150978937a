import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms` milliseconds (e.g. a search term while typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}
