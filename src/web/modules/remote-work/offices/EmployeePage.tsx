/**
 * One employee: the form to register or change him (codice fiscale, names, e-mail that links the
 * platform account, office, skills, preferred remote weekdays, fragile worker, active), and his
 * absences of the year (record a range, remove a day).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { useSession } from '../../../api/session';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { CheckboxGroup, SelectField, TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { keys, useEmployee, useManagesBody, useOffices } from './api';
import { OfficesNav } from './OfficesNav';
import { officeOptions } from './OfficesPage';
import { WEEKDAYS, weekdayKey } from './weekdays';
import { ABSENCE_KINDS, type AbsenceKind, type Employee } from './types';
import type { MessageKey } from '../../../i18n/it';
import { isValidEmail } from '../../../../platform/email-rules';

const TAX_CODE = /^[A-Za-z0-9]{16}$/;

function EmployeeForm({ employee, onSaved }: { employee: Employee | null; onSaved(e: Employee, msg: string): void }) {
  const { t } = useI18n();
  const offices = useOffices();
  const [taxCode, setTaxCode] = useState(employee?.taxCode ?? '');
  const [firstName, setFirstName] = useState(employee?.firstName ?? '');
  const [lastName, setLastName] = useState(employee?.lastName ?? '');
  const [email, setEmail] = useState(employee?.email ?? '');
  const [officeId, setOfficeId] = useState(employee?.officeId ?? '');
  const [skills, setSkills] = useState(employee?.skills.join(', ') ?? '');
  const [days, setDays] = useState<string[]>(employee?.preferredWeekdays.map(String) ?? []);
  const [fragile, setFragile] = useState(employee?.disabledWorker ?? false);
  const [active, setActive] = useState(employee?.active ?? true);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs = { taxCode: useRef<HTMLInputElement>(null), firstName: useRef<HTMLInputElement>(null), lastName: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), officeId: useRef<HTMLSelectElement>(null) };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (!TAX_CODE.test(taxCode.replace(/\s+/g, ''))) fe.taxCode = t('rwo.employee.taxCodeFormat');
    if (!firstName.trim()) fe.firstName = t('rwo.employee.required');
    if (!lastName.trim()) fe.lastName = t('rwo.employee.required');
    if (email.trim() && !isValidEmail(email.trim())) fe.email = t('signin.invalidEmail');
    if (!officeId) fe.officeId = t('rwo.employee.officeRequired');
    setFieldErrors(fe);
    const first = (['taxCode', 'firstName', 'lastName', 'email', 'officeId'] as const).find((k) => fe[k]);
    if (first) return refs[first].current?.focus();
    const body = {
      taxCode: taxCode.replace(/\s+/g, ''),
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      email: email.trim() || null,
      officeId,
      skills: skills.split(/[,\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean),
      preferredWeekdays: days.map(Number).sort(),
      disabledWorker: fragile,
      ...(employee ? { active } : {}),
    };
    setBusy(true);
    try {
      const saved = employee
        ? await call(http.PATCH('/api/v1/remote-work/employees/{id}', { params: { path: { id: employee.id } }, body }))
        : await call(http.POST('/api/v1/remote-work/employees', { body }));
      setFieldErrors({});
      onSaved(saved, employee ? t('rwo.employee.saved') : t('rwo.employee.created', { name: `${saved.firstName} ${saved.lastName}` }));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit} className="form-narrow">
        <TextField ref={refs.taxCode} label={t('rwo.employee.taxCode')} help={t('rwo.employee.taxCodeHelp')} required value={taxCode} onChange={(e) => setTaxCode(e.target.value.toUpperCase())} error={fieldErrors.taxCode} autoComplete="off" spellCheck={false} maxLength={20} />
        <TextField ref={refs.firstName} label={t('rwo.employee.firstName')} required value={firstName} onChange={(e) => setFirstName(e.target.value)} error={fieldErrors.firstName} autoComplete="off" />
        <TextField ref={refs.lastName} label={t('rwo.employee.lastName')} required value={lastName} onChange={(e) => setLastName(e.target.value)} error={fieldErrors.lastName} autoComplete="off" />
        <TextField ref={refs.email} label={t('rwo.employee.email')} help={t('rwo.employee.emailHelp')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} autoComplete="off" />
        <SelectField ref={refs.officeId} label={t('rwo.employee.office')} required value={officeId} onChange={(e) => setOfficeId(e.target.value)} error={fieldErrors.officeId}>
          <option value="">{t('rwo.employee.chooseOffice')}</option>
          {officeOptions(offices.data?.items ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <TextField label={t('rwo.employee.skills')} help={t('rwo.employee.skillsHelp')} value={skills} onChange={(e) => setSkills(e.target.value)} error={fieldErrors.skills} autoComplete="off" />
        <CheckboxGroup legend={t('rwo.employee.days')} idPrefix="emp-day" options={WEEKDAYS.map((d) => ({ value: String(d), label: t(weekdayKey(d)) }))} value={days} onChange={setDays} error={fieldErrors.preferredWeekdays} />
        <div className="form-check mb-4">
          <input id="emp-fragile" type="checkbox" checked={fragile} onChange={(e) => setFragile(e.target.checked)} aria-describedby="emp-fragile-help" />
          <label htmlFor="emp-fragile">{t('rwo.employee.fragile')}</label>
          <div id="emp-fragile-help" className="form-text">
            {t('rwo.employee.fragileHelp')}
          </div>
        </div>
        {employee && (
          <div className="form-check mb-4">
            <input id="emp-active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-describedby="emp-active-help" />
            <label htmlFor="emp-active">{t('rwo.employee.active')}</label>
            <div id="emp-active-help" className="form-text">
              {t('rwo.employee.activeHelp')}
            </div>
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : employee ? t('rwo.employee.save') : t('rwo.employee.create')}
        </button>
      </form>
    </>
  );
}

const kindKey = (k: string) => `rwo.absence.kind.${k}` as MessageKey;

function Absences({ employee, editable }: { employee: Employee; editable: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const year = new Date().getFullYear();
  const list = useQuery({
    queryKey: keys.absences(employee.id, year),
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/absences', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31`, employeeId: employee.id } }, signal })),
  });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<AbsenceKind>('leave');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['remote-work', 'absences', employee.id] });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (!from) fe.from = t('rwo.absence.dateRequired');
    if (!to && !from) fe.to = t('rwo.absence.dateRequired');
    setFieldErrors(fe);
    if (Object.keys(fe).length) return;
    try {
      const r = await call(http.PUT('/api/v1/remote-work/employees/{id}/absences', { params: { path: { id: employee.id } }, body: { from, to: to || from, kind } }));
      setNotice(t('rwo.absence.added', { days: r.days }));
      setFrom('');
      setTo('');
      await refresh();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    }
  };
  const remove = async (day: string) => {
    setError(null);
    try {
      await call(http.DELETE('/api/v1/remote-work/employees/{id}/absences', { params: { path: { id: employee.id }, query: { from: day, to: day } } }));
      setNotice(t('rwo.absence.removed', { day }));
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="absences-title" className="mt-5">
      <h2 id="absences-title" className="h4">
        {t('rwo.absence.title', { year })}
      </h2>
      <p>{t('rwo.absence.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={error} />
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && items.length === 0 && <EmptyState>{t('rwo.absence.empty')}</EmptyState>}
      {items.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('rwo.absence.caption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwo.absence.day')}</th>
                <th scope="col">{t('rwo.absence.kind')}</th>
                {editable && <th scope="col">{t('rwo.absence.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.day}>
                  <th scope="row">{a.day}</th>
                  <td>{t(kindKey(a.kind))}</td>
                  {editable && (
                    <td>
                      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(a.day)}>
                        {t('rwo.absence.remove')}
                        <span className="visually-hidden"> — {a.day}</span>
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
        <form noValidate onSubmit={add} className="form-narrow mt-3" aria-labelledby="absence-add-title">
          <h3 id="absence-add-title" className="h5">
            {t('rwo.absence.add')}
          </h3>
          <TextField label={t('rwo.absence.from')} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} error={fieldErrors.from} />
          <TextField label={t('rwo.absence.to')} help={t('rwo.absence.toHelp')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={fieldErrors.to} />
          <SelectField label={t('rwo.absence.kind')} value={kind} onChange={(e) => setKind(e.target.value as AbsenceKind)}>
            {ABSENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary">
            {t('rwo.absence.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

export default function EmployeePage() {
  const { id } = useParams();
  const isNew = !id;
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const body = useManagesBody();
  const { hasRole } = useSession();
  const location = useLocation();
  const employee = useEmployee(id);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setNotice((location.state as { notice?: string } | null)?.notice ?? null), [id, location.state]);
  const e = employee.data;
  const title = isNew ? t('rwo.employee.newTitle') : e ? `${e.lastName} ${e.firstName}` : t('rwo.employee.titleFallback');
  const saved = async (x: Employee, msg: string) => {
    await qc.invalidateQueries({ queryKey: ['remote-work'] });
    if (isNew) navigate(`/lavoro-agile/dipendenti/${x.id}`, { replace: true, state: { notice: msg } });
    else setNotice(msg);
  };
  return (
    <>
      <p>
        <Link to="/lavoro-agile/dipendenti">{t('rwo.employee.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <OfficesNav />
      <SuccessNotice>{notice}</SuccessNotice>
      {isNew && !body && <ProblemAlert error={new ApiError(403, { title: t('rwo.employee.onlyHr'), status: 403 })} />}
      {isNew && body && <EmployeeForm employee={null} onSaved={(x, m) => void saved(x, m)} />}
      {!isNew && employee.isPending && <Loading />}
      {!isNew && <ProblemAlert error={employee.error} onRetry={() => void employee.refetch()} />}
      {e && (
        <>
          <p>{e.userId ? t('rwo.employee.linked') : t('rwo.employee.notLinked')}</p>
          <EmployeeForm key={e.updatedAt} employee={e} onSaved={(x, m) => void saved(x, m)} />
          <Absences employee={e} editable={body || hasRole('office_manager')} />
        </>
      )}
    </>
  );
}
