/**
 * Opening hours per weekday as a table: one row a day, its windows as pairs of time fields, a
 * button to add a window and one to take each away. Every control names its day and window;
 * after adding, the focus goes to the new window's start, after removing to the day's "add"
 * button, so the table works from the keyboard alone. A day with no window is closed.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { MAX_WINDOWS, newWindow, WEEKDAYS, type FormMessage, type OpeningWindow, type Weekday } from './platform-form';

export function OpeningHoursEditor({
  value,
  onChange,
  errors,
  idPrefix,
}: {
  value: Record<Weekday, OpeningWindow[]>;
  onChange(next: Record<Weekday, OpeningWindow[]>): void;
  errors: Record<string, FormMessage | undefined>;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [focus, setFocus] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const refs = useRef<Record<string, HTMLElement | null>>({});
  useEffect(() => {
    if (focus) {
      refs.current[focus]?.focus();
      setFocus(null);
    }
  }, [focus]);
  const dayName = (d: Weekday) => t(`conf.weekday.${d}` as MessageKey);
  const msg = (m: FormMessage | undefined) => (m ? t(m.key, m.vars) : undefined);

  const setDay = (d: Weekday, ws: OpeningWindow[]) => onChange({ ...value, [d]: ws });
  const add = (d: Weekday) => {
    const ws = value[d];
    const last = ws.at(-1);
    // after the last window, or a working morning on an empty day
    const w = last ? newWindow(last.to && last.to !== '00:00' ? last.to : '', '') : newWindow('09:00', '13:00');
    setDay(d, [...ws, w]);
    setFocus(`${d}.${w.key}.from`);
    setSaid(t('conf.pf.hours.added', { day: dayName(d) }));
  };
  const remove = (d: Weekday, w: OpeningWindow) => {
    setDay(
      d,
      value[d].filter((x) => x.key !== w.key),
    );
    setFocus(`${d}.add`);
    setSaid(t('conf.pf.hours.removed', { day: dayName(d), window: `${w.from || '…'}–${w.to || '…'}` }));
  };
  const edit = (d: Weekday, key: number, part: 'from' | 'to', v: string) => setDay(
    d,
    value[d].map((x) => (x.key === key ? { ...x, [part]: v } : x)),
  );
  const copyMonday = () => {
    const src = value['1'];
    const next = { ...value };
    for (const d of ['2', '3', '4', '5'] as Weekday[]) next[d] = src.map((w) => newWindow(w.from, w.to));
    onChange(next);
    setSaid(t('conf.pf.hours.copied'));
  };

  const dayErrors = (d: Weekday) => {
    const out: { id: string; text: string }[] = [];
    const own = msg(errors[`hours.${d}`]);
    if (own) out.push({ id: `${idPrefix}-${d}-error`, text: own });
    return out;
  };

  return (
    <div className="mb-4">
      <div className="conf-hours-wrap">
        <table className="table conf-hours" aria-describedby={`${idPrefix}-help${errors.hours ? ` ${idPrefix}-error` : ''}`}>
          <caption>{t('conf.pf.hours.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conf.pf.hours.day')}</th>
              <th scope="col">{t('conf.pf.hours.windows')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('conf.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => {
              const ws = value[d];
              const de = dayErrors(d);
              return (
                <tr key={d} data-testid={`hours-day-${d}`}>
                  <th scope="row" className="conf-hours-day">
                    {dayName(d)}
                  </th>
                  <td>
                    {ws.length === 0 && <span className="conf-hours-closed">{t('conf.pf.hours.closed')}</span>}
                    <ul className="conf-windows">
                      {ws.map((w, i) => {
                        const n = i + 1;
                        const eFrom = msg(errors[`hours.${d}.${i}.from`]);
                        const eTo = msg(errors[`hours.${d}.${i}.to`]);
                        const idFrom = `${idPrefix}-${d}-${w.key}-from`;
                        const idTo = `${idPrefix}-${d}-${w.key}-to`;
                        const described = (own: string | undefined, id: string) =>
                          [own ? `${id}-error` : '', ...de.map((x) => x.id)].filter(Boolean).join(' ') || undefined;
                        return (
                          <li key={w.key} className="conf-window">
                            <span className="conf-window-field">
                              <label htmlFor={idFrom}>
                                {t('conf.pf.hours.from')}
                                <span className="visually-hidden"> — {t('conf.pf.hours.windowOf', { day: dayName(d), n })}</span>
                              </label>
                              <input
                                ref={(el) => {
                                  refs.current[`${d}.${w.key}.from`] = el;
                                }}
                                id={idFrom}
                                type="time"
                                step={300}
                                className={`form-control${eFrom ? ' is-invalid' : ''}`}
                                value={w.from}
                                onChange={(e) => edit(d, w.key, 'from', e.target.value)}
                                aria-invalid={eFrom ? true : undefined}
                                aria-describedby={described(eFrom, idFrom)}
                              />
                            </span>
                            <span className="conf-window-field">
                              <label htmlFor={idTo}>
                                {t('conf.pf.hours.to')}
                                <span className="visually-hidden"> — {t('conf.pf.hours.windowOf', { day: dayName(d), n })}</span>
                              </label>
                              <input
                                ref={(el) => {
                                  refs.current[`${d}.${w.key}.to`] = el;
                                }}
                                id={idTo}
                                type="time"
                                step={300}
                                className={`form-control${eTo ? ' is-invalid' : ''}`}
                                value={w.to}
                                onChange={(e) => edit(d, w.key, 'to', e.target.value)}
                                aria-invalid={eTo ? true : undefined}
                                aria-describedby={described(eTo, idTo)}
                              />
                            </span>
                            <button type="button" className="btn btn-outline-danger btn-sm conf-window-remove" onClick={() => remove(d, w)}>
                              {t('conf.pf.hours.remove')}
                              <span className="visually-hidden"> — {t('conf.pf.hours.windowOf', { day: dayName(d), n })}</span>
                            </button>
                            {(eFrom || eTo) && (
                              <span className="conf-window-errors">
                                {eFrom && (
                                  <span id={`${idFrom}-error`} className="field-error d-block">
                                    {eFrom}
                                  </span>
                                )}
                                {eTo && (
                                  <span id={`${idTo}-error`} className="field-error d-block">
                                    {eTo}
                                  </span>
                                )}
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    {de.map((x) => (
                      <div key={x.id} id={x.id} className="field-error">
                        {x.text}
                      </div>
                    ))}
                  </td>
                  <td className="text-end">
                    <button
                      ref={(el) => {
                        refs.current[`${d}.add`] = el;
                      }}
                      type="button"
                      className="btn btn-outline-primary btn-sm text-nowrap"
                      onClick={() => add(d)}
                      disabled={ws.length >= MAX_WINDOWS}
                    >
                      {t('conf.pf.hours.add')}
                      <span className="visually-hidden"> — {dayName(d)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <button type="button" className="btn btn-link btn-sm px-0" onClick={copyMonday}>
          {t('conf.pf.hours.copyMonday')}
        </button>
      </div>
      <p id={`${idPrefix}-help`} className="form-text">
        {t('conf.pf.hours.help')}
      </p>
      {errors.hours && (
        <div id={`${idPrefix}-error`} className="field-error">
          {msg(errors.hours)}
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
