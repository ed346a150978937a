/**
 * "Chiedi un accordo di lavoro agile", made for a phone: the employee proposes the terms (HR drafts
 * them for an employee with `?per=dipendente`, or renews an agreement with `?rinnova=<id>`,
 * prefilled from it), with an optional plan of office and remote days (PlanCalendar); every
 * change is checked at once with the same rules the API enforces (agreement-rules.ts), and the
 * messages appear under the field they concern. On sending, the office manager is told by e-mail.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../../api/session';
import { Loading } from '../../../components/Page';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { CheckboxGroup, SelectField, TextField } from '../../../components/Field';
import { PageTitle } from '../../../components/Page';
import { ProblemAlert } from '../../../components/Problem';
import { addDays, agreementViolations, type AgreementTerms, type RuleViolation } from '../../../../modules/remote-work/agreements/agreement-rules';
import { useAgreementFormat } from './format';
import { TextAreaField } from './parts';
import { PlanCalendar, type PlanKind } from './PlanCalendar';
import type { Agreement } from './types';
import { romeToday } from '../../../components/today';

interface FormState {
  startsOn: string;
  kind: 'fixed' | 'open';
  endsOn: string;
  perWeek: string;
  perMonth: string;
  weekdays: string[];
  workingFrom: string;
  workingTo: string;
  w1From: string;
  w1To: string;
  w2From: string;
  w2To: string;
  discFrom: string;
  discTo: string;
  activities: string;
  measures: string;
  place: string;
  equipment: string;
  safety: boolean;
  planOn: boolean;
  plan: Record<string, PlanKind>;
  employee: string;
}

type FieldName = keyof FormState;

function initial(): FormState {
  const start = addDays(romeToday(), 14);
  return {
    startsOn: start,
    kind: 'fixed',
    endsOn: addDays(start, 182),
    perWeek: '2',
    perMonth: '',
    weekdays: ['1', '2', '3', '4', '5'],
    workingFrom: '08:00',
    workingTo: '19:00',
    w1From: '09:30',
    w1To: '12:30',
    w2From: '',
    w2To: '',
    discFrom: '19:00',
    discTo: '08:00',
    activities: '',
    measures: '',
    place: '',
    equipment: '',
    safety: false,
    planOn: false,
    plan: {},
    employee: '',
  };
}

/** The form prefilled from an agreement being renewed: it starts the day after the old one's last day. */
export function renewalOf(a: Agreement): FormState {
  const start = a.lastDayInForce ? addDays(a.lastDayInForce, 1) : a.startsOn;
  const length = a.endsOn ? Math.round((Date.parse(a.endsOn) - Date.parse(a.startsOn)) / 86_400_000) : 182;
  const windows = Object.values(a.reachability)[0] ?? [];
  return {
    ...initial(),
    startsOn: start,
    kind: a.endsOn ? 'fixed' : 'open',
    endsOn: addDays(start, length),
    perWeek: a.maxRemotePerWeek === null ? '' : String(a.maxRemotePerWeek),
    perMonth: a.maxRemotePerMonth === null ? '' : String(a.maxRemotePerMonth),
    weekdays: a.allowedWeekdays.map(String),
    workingFrom: a.workingFrom,
    workingTo: a.workingTo,
    w1From: windows[0]?.[0] ?? '',
    w1To: windows[0]?.[1] ?? '',
    w2From: windows[1]?.[0] ?? '',
    w2To: windows[1]?.[1] ?? '',
    discFrom: a.disconnectionFrom,
    discTo: a.disconnectionTo,
    activities: a.activities,
    measures: a.disconnectionMeasures,
    place: a.placeRules,
    equipment: a.equipment,
  };
}

export function termsOf(s: FormState): AgreementTerms {
  const windows: [string, string][] = [[s.w1From, s.w1To]];
  if (s.w2From || s.w2To) windows.push([s.w2From, s.w2To]);
  const days = s.weekdays.map(Number).sort((a, b) => a - b);
  return {
    startsOn: s.startsOn,
    endsOn: s.kind === 'open' ? null : s.endsOn,
    maxRemotePerWeek: s.perWeek === '' ? null : Number(s.perWeek),
    maxRemotePerMonth: s.perMonth === '' ? null : Number(s.perMonth),
    allowedWeekdays: days,
    monthlyPlan: s.planOn ? s.plan : null,
    reachability: Object.fromEntries(days.map((d) => [String(d), windows.filter(([a, b]) => a || b)])),
    workingFrom: s.workingFrom,
    workingTo: s.workingTo,
    disconnectionFrom: s.discFrom,
    disconnectionTo: s.discTo,
  };
}

/** The form field a rule's message is shown under. */
export function fieldOf(v: RuleViolation): FieldName {
  const f = v.field.split('.')[0];
  switch (f) {
    case 'startsOn':
      return 'startsOn';
    case 'endsOn':
      return 'endsOn';
    case 'maxRemotePerMonth':
      return 'perMonth';
    case 'allowedWeekdays':
      return 'weekdays';
    case 'workingFrom':
      return 'workingFrom';
    case 'disconnectionFrom':
      return 'discFrom';
    case 'reachability':
      return 'w1From';
    case 'monthlyPlan':
      return 'plan';
    case 'employeeId':
      return 'employee';
    default:
      return 'perWeek';
  }
}

export default function AgreementRequestPage() {
  const [params] = useSearchParams();
  const renewId = params.get('rinnova');
  const old = useQuery({ queryKey: ['rw-agreements', 'one', renewId], queryFn: () => call(http.GET('/api/v1/remote-work/agreements/{id}', { params: { path: { id: renewId ?? '' } } })), enabled: !!renewId });
  if (renewId) {
    if (old.isPending) return <Loading />;
    if (!old.data) return <ProblemAlert error={old.error} onRetry={() => void old.refetch()} />;
    return <AgreementForm key={renewId} renewing={old.data} />;
  }
  return <AgreementForm key={params.get('per') ?? 'self'} forEmployee={params.get('per') === 'dipendente'} />;
}

function AgreementForm({ renewing, forEmployee = false }: { renewing?: Agreement; forEmployee?: boolean }) {
  const { t } = useI18n();
  const f = useAgreementFormat();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const drafting = forEmployee && hasRole('hr_manager', 'body_admin');
  const [s, setS] = useState<FormState>(() => (renewing ? renewalOf(renewing) : initial()));
  const [month, setMonth] = useState(() => s.startsOn.slice(0, 7));
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(id);
  }, [search]);
  const hits = useQuery({
    queryKey: ['rw-employees-pick', q],
    queryFn: () => call(http.GET('/api/v1/remote-work/employees', { params: { query: { status: 'active', pageSize: 10, q } } })),
    enabled: drafting && q.length >= 2,
  });
  const [touched, setTouched] = useState<Set<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const violations = useMemo(() => {
    const out = agreementViolations(termsOf(s));
    if (drafting && !s.employee) out.push({ code: 'agreement.invalid_term', field: 'employeeId', params: {} });
    return out;
  }, [s, drafting]);
  const byField = useMemo(() => {
    const out = new Map<FieldName, string[]>();
    for (const v of violations) {
      const k = fieldOf(v);
      const msg = k === 'employee' ? t('rwa.hr.required') : f.rule(v);
      const list = out.get(k) ?? [];
      if (!list.includes(msg)) list.push(msg);
      out.set(k, list);
    }
    return out;
  }, [violations, f, t]);
  const errorOf = (k: FieldName): string | undefined => {
    const live = submitted || touched.has(k) ? byField.get(k)?.join(' ') : undefined;
    return live ?? serverErrors[k];
  };
  const set = <K extends FieldName>(k: K, v: FormState[K]) => {
    setS((old) => ({ ...old, [k]: v }));
    setTouched((old) => new Set(old).add(k));
    setServerErrors((old) => {
      const { [k]: _drop, ...rest } = old;
      return rest;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setError(null);
    if (violations.length) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    const terms = termsOf(s);
    setBusy(true);
    try {
      const body = {
        ...terms,
        monthlyPlan: s.planOn ? s.plan : undefined,
        activities: s.activities.trim() || undefined,
        disconnectionMeasures: s.measures.trim() || undefined,
        placeRules: s.place.trim() || undefined,
        equipment: s.equipment.trim() || undefined,
        safetyInfoAcknowledged: (!drafting && !renewing && s.safety) || undefined,
      };
      const a = renewing
        ? await call(http.POST('/api/v1/remote-work/agreements/{id}/renewal', { params: { path: { id: renewing.id } }, body }))
        : await call(http.POST('/api/v1/remote-work/agreements', { body: { ...body, employeeId: drafting ? s.employee : undefined } }));
      const notice = renewing ? t('rwa.action.done.renew') : drafting ? t('rwa.hr.sent') : t('rwa.form.sent');
      navigate(`/lavoro-agile/accordi/${a.id}`, { state: { notice } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        const mapped: Record<string, string> = {};
        for (const [k, msg] of Object.entries(fe)) mapped[fieldOf({ code: 'agreement.invalid_term', field: k, params: {} })] = msg;
        setServerErrors(mapped);
      }
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const weekOptions = ['1', '2', '3', '4', '5', '6', '7'];
  const shownErrors = submitted ? [...byField.entries()] : [];

  return (
    <>
      <PageTitle>{renewing ? t('rwa.renew.title', { name: renewing.employeeName }) : drafting ? t('rwa.hr.title') : t('rwa.form.title')}</PageTitle>
      <p>{renewing ? t('rwa.renew.intro') : drafting ? t('rwa.hr.intro') : t('rwa.form.intro')}</p>
      <div ref={summaryRef} tabIndex={-1}>
        <ProblemAlert error={error} title={t('rwa.form.failed')} />
        {shownErrors.length > 0 && (
          <div className="alert alert-danger" role="alert">
            <p className="fw-semibold mb-1">{t('rwa.form.errorsSummary')}</p>
            <ul className="mb-0">
              {shownErrors.map(([k, msgs]) => (
                <li key={k}>
                  <a href={`#rwa-${k}`}>{msgs.join(' ')}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <form noValidate onSubmit={submit} className="rwa-form form-narrow">
        {drafting && (
          <fieldset>
            <legend>{t('rwa.hr.results')}</legend>
            <TextField id="rwa-search" type="search" label={t('rwa.hr.search')} help={t('rwa.hr.searchHelp')} value={search} onChange={(e) => setSearch(e.target.value)} />
            {hits.isFetching && <Loading />}
            {hits.data && hits.data.items.length === 0 && <p>{t('rwa.hr.none')}</p>}
            <div id="rwa-employee" role="radiogroup" aria-label={t('rwa.hr.results')} aria-invalid={errorOf('employee') ? true : undefined} aria-describedby={errorOf('employee') ? 'rwa-employee-error' : undefined}>
              {(hits.data?.items ?? []).map((e) => (
                <div key={e.id} className="form-check">
                  <input id={`rwa-emp-${e.id}`} type="radio" name="rwa-employee" value={e.id} checked={s.employee === e.id} onChange={() => set('employee', e.id)} />
                  <label htmlFor={`rwa-emp-${e.id}`}>
                    {e.lastName} {e.firstName} — {e.officeName}
                  </label>
                </div>
              ))}
            </div>
            {errorOf('employee') && (
              <div id="rwa-employee-error" className="invalid-feedback d-block">
                {errorOf('employee')}
              </div>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('rwa.form.term')}</legend>
          <TextField id="rwa-startsOn" type="date" label={t('rwa.form.startsOn')} required value={s.startsOn} onChange={(e) => set('startsOn', e.target.value)} error={errorOf('startsOn')} />
          <SelectField id="rwa-kind" label={t('rwa.form.kind')} value={s.kind} onChange={(e) => set('kind', e.target.value as FormState['kind'])}>
            <option value="fixed">{t('rwa.form.kind.fixed')}</option>
            <option value="open">{t('rwa.form.kind.open')}</option>
          </SelectField>
          {s.kind === 'fixed' && (
            <TextField id="rwa-endsOn" type="date" label={t('rwa.form.endsOn')} required value={s.endsOn} onChange={(e) => set('endsOn', e.target.value)} error={errorOf('endsOn')} />
          )}
        </fieldset>

        <fieldset>
          <legend>{t('rwa.form.days')}</legend>
          <SelectField id="rwa-perWeek" label={t('rwa.form.perWeek')} help={t('rwa.form.perWeekHelp')} value={s.perWeek} onChange={(e) => set('perWeek', e.target.value)} error={errorOf('perWeek')}>
            <option value="">{t('rwa.form.none')}</option>
            {weekOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <TextField
            id="rwa-perMonth"
            type="number"
            inputMode="numeric"
            min={1}
            max={31}
            label={t('rwa.form.perMonth')}
            help={t('rwa.form.perMonthHelp')}
            value={s.perMonth}
            onChange={(e) => set('perMonth', e.target.value)}
            error={errorOf('perMonth')}
          />
          <div id="rwa-weekdays">
            <CheckboxGroup
              legend={t('rwa.form.weekdays')}
              idPrefix="rwa-wd"
              options={weekOptions.map((d) => ({ value: d, label: f.weekday(d) }))}
              value={s.weekdays}
              onChange={(v) => set('weekdays', v)}
              error={errorOf('weekdays')}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('rwa.plan.legend')}</legend>
          <div className="form-check mb-1">
            <input id="rwa-planOn" type="checkbox" checked={s.planOn} onChange={(e) => set('planOn', e.target.checked)} />
            <label htmlFor="rwa-planOn">{t('rwa.plan.use')}</label>
          </div>
          {s.planOn && (
            <PlanCalendar
              plan={s.plan}
              month={month}
              startsOn={s.startsOn}
              endsOn={s.kind === 'open' ? null : s.endsOn}
              onMonth={setMonth}
              onChange={(p) => set('plan', p)}
              error={errorOf('plan')}
            />
          )}
        </fieldset>

        <fieldset>
          <legend>{t('rwa.form.hours')}</legend>
          <div className="rwa-pair">
            <TextField id="rwa-workingFrom" type="time" label={t('rwa.form.workingFrom')} value={s.workingFrom} onChange={(e) => set('workingFrom', e.target.value)} error={errorOf('workingFrom')} />
            <TextField id="rwa-workingTo" type="time" label={t('rwa.form.workingTo')} value={s.workingTo} onChange={(e) => set('workingTo', e.target.value)} />
          </div>
          <div className="rwa-pair">
            <TextField id="rwa-w1From" type="time" label={t('rwa.form.window1From')} help={t('rwa.form.windowsHelp')} value={s.w1From} onChange={(e) => set('w1From', e.target.value)} error={errorOf('w1From')} />
            <TextField id="rwa-w1To" type="time" label={t('rwa.form.window1To')} value={s.w1To} onChange={(e) => set('w1To', e.target.value)} />
          </div>
          <div className="rwa-pair">
            <TextField id="rwa-w2From" type="time" label={t('rwa.form.window2From')} value={s.w2From} onChange={(e) => set('w2From', e.target.value)} />
            <TextField id="rwa-w2To" type="time" label={t('rwa.form.window2To')} value={s.w2To} onChange={(e) => set('w2To', e.target.value)} />
          </div>
          <div className="rwa-pair">
            <TextField id="rwa-discFrom" type="time" label={t('rwa.form.disconnectionFrom')} help={t('rwa.form.disconnectionHelp')} value={s.discFrom} onChange={(e) => set('discFrom', e.target.value)} error={errorOf('discFrom')} />
            <TextField id="rwa-discTo" type="time" label={t('rwa.form.disconnectionTo')} value={s.discTo} onChange={(e) => set('discTo', e.target.value)} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('rwa.form.clauses')}</legend>
          <TextAreaField id="rwa-activities" label={t('rwa.form.activities')} maxLength={2000} value={s.activities} onChange={(e) => set('activities', e.target.value)} />
          <TextAreaField id="rwa-measures" label={t('rwa.form.measures')} help={t('rwa.form.measuresHelp')} maxLength={2000} value={s.measures} onChange={(e) => set('measures', e.target.value)} />
          <TextAreaField id="rwa-place" label={t('rwa.form.place')} help={t('rwa.form.defaultsHelp')} maxLength={2000} value={s.place} onChange={(e) => set('place', e.target.value)} />
          <TextAreaField id="rwa-equipment" label={t('rwa.form.equipment')} help={t('rwa.form.defaultsHelp')} maxLength={2000} value={s.equipment} onChange={(e) => set('equipment', e.target.value)} />
          {!drafting && !renewing && (
            <>
              <div className="form-check mb-1">
                <input id="rwa-safety" type="checkbox" checked={s.safety} aria-describedby="rwa-safety-help" onChange={(e) => set('safety', e.target.checked)} />
                <label htmlFor="rwa-safety">{t('rwa.form.safety')}</label>
              </div>
              <p id="rwa-safety-help" className="form-text">
                {t('rwa.form.safetyHelp')}
              </p>
            </>
          )}
        </fieldset>

        <p className="rwa-live" aria-live="polite" data-testid="rwa-live">
          {touched.size > 0 && (violations.length === 0 ? t('rwa.form.allValid') : t('rwa.form.ruleCount', { n: byField.size }))}
        </p>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('rwa.form.sending') : renewing ? t('rwa.renew.submit') : drafting ? t('rwa.hr.submit') : t('rwa.form.submit')}
        </button>
      </form>
    </>
  );
}
