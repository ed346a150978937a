/**
 * One office: its data (HR), its on-site coverage per weekday in an editable table (total and
 * per skill, each checked against the people the office has), its activities (remotable or not),
 * and deletion (HR, only when empty).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { Loading, PageTitle } from '../../../components/Page';
import { SelectField, TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { keys, useManagerCandidates, useManagesBody, useManagesOffice, useOffice, useOffices } from './api';
import { OfficesNav } from './OfficesNav';
import { officeOptions } from './OfficesPage';
import { WEEKDAYS, weekdayKey } from './weekdays';
import type { OfficeDetail } from './types';

const SKILL = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function OfficeForm({ office, onSaved }: { office: OfficeDetail; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const offices = useOffices();
  const people = useManagerCandidates(true);
  const [code, setCode] = useState(office.code);
  const [name, setName] = useState(office.name);
  const [parentId, setParentId] = useState(office.parentId ?? '');
  const [managerUserId, setManagerUserId] = useState(office.managerUserId ?? '');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await call(
        http.PATCH('/api/v1/remote-work/offices/{id}', {
          params: { path: { id: office.id } },
          body: { code: code.trim(), name: name.trim(), parentId: parentId || null, managerUserId: managerUserId || null },
        }),
      );
      onSaved(t('rwo.office.saved'));
      setFieldErrors({});
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };
  const candidates = people.data?.items ?? [];
  return (
    <section aria-labelledby="office-data-title" className="mt-4">
      <h2 id="office-data-title" className="h4">
        {t('rwo.office.data')}
      </h2>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit} className="form-narrow">
        <TextField label={t('rwo.office.code')} help={t('rwo.office.codeHelp')} required value={code} onChange={(e) => setCode(e.target.value)} error={fieldErrors.code} autoComplete="off" />
        <TextField label={t('rwo.office.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} autoComplete="off" />
        <SelectField label={t('rwo.office.parent')} value={parentId} onChange={(e) => setParentId(e.target.value)} error={fieldErrors.parentId}>
          <option value="">{t('rwo.office.noParent')}</option>
          {officeOptions(offices.data?.items ?? [], office.id).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('rwo.office.manager')} help={t('rwo.office.managerHelp')} value={managerUserId} onChange={(e) => setManagerUserId(e.target.value)} error={fieldErrors.managerUserId}>
          <option value="">{t('rwo.office.noManager')}</option>
          {office.managerUserId && !candidates.some((p) => p.userId === office.managerUserId) && <option value={office.managerUserId}>{office.managerName ?? office.managerEmail}</option>}
          {candidates.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName} ({p.email})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('rwo.office.save')}
        </button>
      </form>
    </section>
  );
}

type Grid = Record<number, { total: string; skills: Record<string, string> }>;

function gridOf(office: OfficeDetail): Grid {
  const g: Grid = {};
  for (const d of WEEKDAYS) g[d] = { total: '0', skills: {} };
  for (const r of office.coverage) {
    g[r.weekday].total = String(r.minOnSite);
    for (const s of r.skills) g[r.weekday].skills[s.skill] = String(s.minOnSite);
  }
  return g;
}

function CoverageEditor({ office, editable, onSaved }: { office: OfficeDetail; editable: boolean; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const [grid, setGrid] = useState<Grid>(() => gridOf(office));
  const [extraSkills, setExtraSkills] = useState<string[]>([]);
  const [newSkill, setNewSkill] = useState('');
  const [newSkillError, setNewSkillError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setGrid(gridOf(office)), [office]);
  const available = useMemo(() => new Map(office.skillCounts.map((s) => [s.skill, s.people])), [office.skillCounts]);
  const skills = useMemo(() => {
    const set = new Set<string>([...office.skillCounts.map((s) => s.skill), ...office.coverage.flatMap((r) => r.skills.map((s) => s.skill)), ...extraSkills]);
    return [...set].sort();
  }, [office, extraSkills]);

  const problem = (value: string, max: number): string | undefined => {
    if (!/^\d+$/.test(value.trim())) return t('rwo.coverage.notNumber');
    if (Number(value) > max) return t('rwo.coverage.tooMany', { max });
    return undefined;
  };
  const errors: { id: string; message: string }[] = [];
  for (const d of WEEKDAYS) {
    const p = problem(grid[d].total, office.activeEmployees);
    if (p) errors.push({ id: `cov-${d}-total`, message: `${t(weekdayKey(d))}: ${p}` });
    for (const s of skills) {
      const ps = problem(grid[d].skills[s] ?? '0', available.get(s) ?? 0);
      if (ps) errors.push({ id: `cov-${d}-${s}`, message: `${t(weekdayKey(d))}, ${s}: ${ps}` });
    }
  }
  const errorOf = (id: string) => (tried ? errors.find((e) => e.id === id)?.message : undefined);

  const set = (d: number, skill: string | null, v: string) =>
    setGrid((g) => ({ ...g, [d]: skill === null ? { ...g[d], total: v } : { ...g[d], skills: { ...g[d].skills, [skill]: v } } }));

  const addSkill = () => {
    const s = newSkill.trim().toLowerCase();
    if (!SKILL.test(s)) return setNewSkillError(t('rwo.coverage.skillInvalid'));
    setNewSkillError(undefined);
    if (!skills.includes(s)) setExtraSkills((x) => [...x, s]);
    setNewSkill('');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (errors.length) {
      document.getElementById(errors[0].id)?.focus();
      return;
    }
    const rules = WEEKDAYS.map((d) => ({
      weekday: d,
      minOnSite: Number(grid[d].total),
      skills: skills.map((s) => ({ skill: s, minOnSite: Number(grid[d].skills[s] ?? '0') })).filter((s) => s.minOnSite > 0),
    })).filter((r) => r.minOnSite > 0 || r.skills.length > 0);
    setBusy(true);
    try {
      await call(http.PUT('/api/v1/remote-work/offices/{id}/coverage-rules', { params: { path: { id: office.id } }, body: { rules } }));
      setTried(false);
      onSaved(t('rwo.coverage.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="coverage-title" className="mt-5">
      <h2 id="coverage-title" className="h4">
        {t('rwo.coverage.title')}
      </h2>
      <p>{t('rwo.coverage.intro', { people: office.activeEmployees })}</p>
      <ProblemAlert error={error} />
      {tried && errors.length > 0 && (
        <div className="alert alert-danger" role="alert">
          <p className="fw-semibold mb-1">{t('rwo.coverage.fix')}</p>
          <ul className="mb-0">
            {errors.map((er) => (
              <li key={er.id}>
                <a href={`#${er.id}`}>{er.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form noValidate onSubmit={save}>
        <div className="table-responsive">
          <table className="table rwo-coverage">
            <caption>{t('rwo.coverage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwo.coverage.weekday')}</th>
                <th scope="col">
                  {t('rwo.coverage.total')}
                  <span className="rwo-avail">{t('rwo.coverage.of', { n: office.activeEmployees })}</span>
                </th>
                {skills.map((s) => (
                  <th scope="col" key={s}>
                    {t('rwo.coverage.skill', { skill: s })}
                    <span className="rwo-avail">{t('rwo.coverage.of', { n: available.get(s) ?? 0 })}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((d) => (
                <tr key={d}>
                  <th scope="row">{t(weekdayKey(d))}</th>
                  {[null, ...skills].map((s) => {
                    const id = `cov-${d}-${s ?? 'total'}`;
                    const value = s === null ? grid[d].total : grid[d].skills[s] ?? '0';
                    const err = errorOf(id);
                    const label = s === null ? t('rwo.coverage.cellTotal', { day: t(weekdayKey(d)) }) : t('rwo.coverage.cellSkill', { day: t(weekdayKey(d)), skill: s });
                    return (
                      <td key={s ?? 'total'}>
                        {editable ? (
                          <>
                            <input
                              id={id}
                              type="number"
                              inputMode="numeric"
                              min={0}
                              max={s === null ? office.activeEmployees : available.get(s) ?? 0}
                              className={`form-control${err ? ' is-invalid' : ''}`}
                              aria-label={label}
                              aria-invalid={err ? true : undefined}
                              aria-describedby={err ? `${id}-error` : undefined}
                              value={value}
                              onChange={(e) => set(d, s, e.target.value)}
                            />
                            {err && (
                              <div id={`${id}-error`} className="rwo-cell-error">
                                {err}
                              </div>
                            )}
                          </>
                        ) : (
                          <span>{value}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editable && (
          <>
            <div className="d-flex flex-wrap align-items-end gap-2 mb-3">
              <div className="flex-grow-0">
                <TextField label={t('rwo.coverage.addSkill')} help={t('rwo.coverage.addSkillHelp')} value={newSkill} onChange={(e) => setNewSkill(e.target.value)} error={newSkillError} autoComplete="off" />
              </div>
              <button type="button" className="btn btn-outline-primary mb-4" onClick={addSkill}>
                {t('rwo.coverage.addSkillButton')}
              </button>
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('form.saving') : t('rwo.coverage.save')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}

function ActivitiesEditor({ office, editable, onSaved }: { office: OfficeDetail; editable: boolean; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState(() => office.activities.map((a) => ({ name: a.name, remotable: a.remotable })));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRows(office.activities.map((a) => ({ name: a.name, remotable: a.remotable }))), [office.activities]);
  const update = (i: number, patch: Partial<{ name: string; remotable: boolean }>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await call(
        http.PUT('/api/v1/remote-work/offices/{id}/activities', {
          params: { path: { id: office.id } },
          body: { activities: rows.filter((r) => r.name.trim()).map((r) => ({ name: r.name.trim(), remotable: r.remotable })) },
        }),
      );
      onSaved(t('rwo.activities.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="activities-title" className="mt-5">
      <h2 id="activities-title" className="h4">
        {t('rwo.activities.title')}
      </h2>
      <p>{t('rwo.activities.intro')}</p>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={save}>
        {rows.length === 0 && <p>{t('rwo.activities.empty')}</p>}
        {rows.length > 0 && (
          <div className="table-responsive">
            <table className="table">
              <caption>{t('rwo.activities.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rwo.activities.name')}</th>
                  <th scope="col">{t('rwo.activities.remotable')}</th>
                  {editable && <th scope="col">{t('rwo.activities.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td>
                      {editable ? (
                        <input className="form-control" aria-label={t('rwo.activities.nameOf', { n: i + 1 })} value={r.name} maxLength={200} onChange={(e) => update(i, { name: e.target.value })} />
                      ) : (
                        r.name
                      )}
                    </td>
                    <td>
                      {editable ? (
                        <div className="form-check">
                          <input id={`act-remote-${i}`} type="checkbox" checked={r.remotable} onChange={(e) => update(i, { remotable: e.target.checked })} />
                          <label htmlFor={`act-remote-${i}`}>
                            {t('rwo.activities.remotableYes')}
                            <span className="visually-hidden"> — {r.name || t('rwo.activities.nameOf', { n: i + 1 })}</span>
                          </label>
                        </div>
                      ) : r.remotable ? (
                        t('rwo.activities.yes')
                      ) : (
                        t('rwo.activities.no')
                      )}
                    </td>
                    {editable && (
                      <td>
                        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>
                          {t('rwo.activities.remove')}
                          <span className="visually-hidden"> — {r.name || t('rwo.activities.nameOf', { n: i + 1 })}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {editable && (
          <div className="rwo-actions">
            <button type="button" className="btn btn-outline-primary" onClick={() => setRows((r) => [...r, { name: '', remotable: true }])}>
              {t('rwo.activities.add')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('form.saving') : t('rwo.activities.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

export default function OfficePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const office = useOffice(id);
  const body = useManagesBody();
  const manages = useManagesOffice(office.data);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const saved = async (msg: string) => {
    setNotice(msg);
    await qc.invalidateQueries({ queryKey: keys.office(id) });
    await qc.invalidateQueries({ queryKey: keys.offices });
  };
  const remove = async () => {
    if (!office.data || !window.confirm(t('rwo.office.deleteConfirm', { name: office.data.name }))) return;
    setDeleteError(null);
    try {
      await call(http.DELETE('/api/v1/remote-work/offices/{id}', { params: { path: { id } } }));
      await qc.invalidateQueries({ queryKey: keys.offices });
      navigate('/lavoro-agile/uffici', { state: { notice: t('rwo.office.deleted', { name: office.data.name }) } });
    } catch (err) {
      setDeleteError(err);
    }
  };
  const o = office.data;
  const title = o ? `${o.name} (${o.code})` : t('rwo.office.titleFallback');
  return (
    <>
      <p>
        <Link to="/lavoro-agile/uffici">{t('rwo.office.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <OfficesNav />
      <SuccessNotice>{notice}</SuccessNotice>
      {office.isPending && <Loading />}
      <ProblemAlert error={office.error} onRetry={() => void office.refetch()} />
      {o && (
        <>
          <ul className="rwo-summary">
            <li>
              <strong>{o.activeEmployees}</strong> {t('rwo.office.activePeople')}
            </li>
            <li>
              <strong>{o.coverage.length}</strong> {t('rwo.office.daysWithRules')}
            </li>
            <li>
              <strong>{o.activities.filter((a) => a.remotable).length}</strong> {t('rwo.office.remotableActivities', { total: o.activities.length })}
            </li>
          </ul>
          <p>
            {o.managerName ? t('rwo.office.managerIs', { name: o.managerName }) : t('rwo.office.noManagerYet')}{' '}
            <Link to={`/lavoro-agile/dipendenti?officeId=${o.id}`}>{t('rwo.office.seePeople')}</Link>
          </p>
          {body && <OfficeForm office={o} onSaved={(m) => void saved(m)} />}
          <CoverageEditor office={o} editable={manages} onSaved={(m) => void saved(m)} />
          <ActivitiesEditor office={o} editable={manages} onSaved={(m) => void saved(m)} />
          {body && (
            <section aria-labelledby="delete-title" className="mt-5">
              <h2 id="delete-title" className="h4">
                {t('rwo.office.deleteTitle')}
              </h2>
              <p>{t('rwo.office.deleteText')}</p>
              <ProblemAlert error={deleteError} />
              <button type="button" className="btn btn-outline-danger" onClick={() => void remove()}>
                {t('rwo.office.delete')}
              </button>
            </section>
          )}
        </>
      )}
    </>
  );
}
