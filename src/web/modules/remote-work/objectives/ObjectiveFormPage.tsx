/**
 * A new objective, or changes to one: title, description, who it is for (an office, a team or a
 * person — fixed once created), the period, the indicators (name, unit, value type, direction,
 * baseline, target) and the responsible people who will file the reports.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { useSession } from '../../../api/session';
import { Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert } from '../../../components/Problem';
import { SelectField, TextField } from '../../../components/Field';
import { objectiveKeys, useObjective, usePeople, useTeams } from './api';
import { DIRECTIONS, SCOPES, VALUE_TYPES, type Direction, type ObjectiveDetail, type Scope, type ValueType } from './types';
import './objectives.css';

interface IndicatorDraft {
  key: string;
  id?: string;
  name: string;
  unit: string;
  valueType: ValueType;
  direction: Direction;
  baseline: string;
  target: string;
}

let counter = 0;
const newIndicator = (): IndicatorDraft => ({ key: `n${++counter}`, name: '', unit: '', valueType: 'number', direction: 'increase', baseline: '', target: '' });

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function parseValue(s: string): number {
  const v = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

function Form({ existing }: { existing: ObjectiveDetail | null }) {
  const { t } = useI18n();
  const { session, hasRole } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const uid = useId().replace(/:/g, '');
  const hr = hasRole('hr_manager', 'body_admin');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [scope, setScope] = useState<Scope>(existing?.scope ?? 'office');
  const [ownerId, setOwnerId] = useState('');
  const [personQuery, setPersonQuery] = useState('');
  const [startsOn, setStartsOn] = useState(existing?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(existing?.endsOn ?? '');
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(
    existing
      ? existing.indicators.map((i) => ({ key: i.id, id: i.id, name: i.name, unit: i.unit, valueType: i.valueType, direction: i.direction, baseline: String(i.baseline), target: String(i.target) }))
      : [newIndicator()],
  );
  const [responsibles, setResponsibles] = useState<Map<string, string>>(new Map((existing?.responsibles ?? []).map((r) => [r.userId, r.name])));
  const [peopleQuery, setPeopleQuery] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const idem = useRef<{ key: string; payload: string } | null>(null);

  const offices = useQuery({
    queryKey: ['remote-work', 'offices-for-objectives'],
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/offices', { signal })),
    enabled: !existing,
    staleTime: 30_000,
  });
  const teams = useTeams(!existing);
  const employees = useQuery({
    queryKey: ['remote-work', 'employees-for-objectives', personQuery],
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/employees', { params: { query: { q: personQuery || undefined, pageSize: 50, page: 1 } }, signal })),
    enabled: !existing && scope === 'person',
    placeholderData: (prev) => prev,
  });
  const people = usePeople(peopleQuery, true);
  const myOffices = useMemo(() => (offices.data?.items ?? []).filter((o) => hr || o.managerUserId === session?.user.id), [offices.data, hr, session]);
  useEffect(() => setOwnerId(''), [scope]);

  const server = error instanceof ApiError ? error.fieldErrors() : {};
  const err = (field: string) => local[field] ?? server[field];
  const setInd = (k: number, patch: Partial<IndicatorDraft>) => setIndicators(indicators.map((x, i) => (i === k ? { ...x, ...patch } : x)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!title.trim()) errs.title = t('form.required');
    if (!existing && !ownerId) errs.ownerId = t('form.required');
    if (!startsOn) errs.startsOn = t('form.required');
    if (!endsOn) errs.endsOn = t('form.required');
    const inds = indicators.map((d, k) => {
      const baseline = parseValue(d.baseline);
      const target = parseValue(d.target);
      if (!d.name.trim()) errs[`indicators.${k}.name`] = t('form.required');
      if (Number.isNaN(baseline)) errs[`indicators.${k}.baseline`] = t('rwobj.report.notNumber');
      if (Number.isNaN(target)) errs[`indicators.${k}.target`] = t('rwobj.report.notNumber');
      return { ...(d.id ? { id: d.id } : {}), name: d.name, unit: d.unit, valueType: d.valueType, direction: d.direction, baseline, target };
    });
    if (responsibles.size === 0) errs.responsibleUserIds = t('form.required');
    setLocal(errs);
    if (Object.keys(errs).length) {
      const first = Object.keys(errs)[0];
      document.getElementById(`${uid}-${first.replace(/\./g, '-')}`)?.focus();
      return;
    }
    const common = { title, description, startsOn, endsOn, indicators: inds, responsibleUserIds: [...responsibles.keys()] };
    setBusy(true);
    try {
      let saved: ObjectiveDetail;
      if (existing) {
        saved = await call(http.PATCH('/api/v1/remote-work/objectives/{id}', { params: { path: { id: existing.id } }, body: common }));
      } else {
        const body = { ...common, scope, ownerId };
        const payload = JSON.stringify(body);
        if (!idem.current || idem.current.payload !== payload) idem.current = { key: randomKey(), payload };
        saved = await call(http.POST('/api/v1/remote-work/objectives', { body, headers: { 'Idempotency-Key': idem.current.key } }));
      }
      await qc.invalidateQueries({ queryKey: objectiveKeys.all });
      navigate(`/lavoro-agile/obiettivi/${saved.id}`, { state: { notice: t(existing ? 'rwobj.form.updated' : 'rwobj.form.created', { title: saved.title }) } });
    } catch (e2) {
      setError(e2);
    } finally {
      setBusy(false);
    }
  };

  const fid = (field: string) => `${uid}-${field.replace(/\./g, '-')}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField id={fid('title')} label={t('rwobj.form.title')} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} required />
      <div className="field mb-4">
        <label htmlFor={fid('description')} className="field-label">
          {t('rwobj.form.description')}
        </label>
        <textarea id={fid('description')} className="form-control" rows={3} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {existing ? (
        <p>{t('rwobj.detail.owner', { scope: t(`rwobj.scope.${existing.scope}`), name: existing.ownerName })}</p>
      ) : (
        <>
          <fieldset className="mb-3">
            <legend className="field-label fs-6">{t('rwobj.form.scope')}</legend>
            {SCOPES.map((s) => (
              <div className="form-check form-check-inline my-1" key={s}>
                <input type="radio" id={`${uid}-scope-${s}`} name={`${uid}-scope`} checked={scope === s} onChange={() => setScope(s)} />
                <label htmlFor={`${uid}-scope-${s}`}>{t(`rwobj.scope.${s}`)}</label>
              </div>
            ))}
          </fieldset>
          {scope === 'office' && (
            <SelectField id={fid('ownerId')} label={t('rwobj.form.office')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} error={err('ownerId')} required>
              <option value="">{t('rwobj.form.choose')}</option>
              {myOffices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          )}
          {scope === 'team' && (
            <SelectField id={fid('ownerId')} label={t('rwobj.form.team')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} error={err('ownerId')} required>
              <option value="">{t('rwobj.form.choose')}</option>
              {(teams.data?.items ?? [])
                .filter((x) => x.canEdit)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
            </SelectField>
          )}
          {scope === 'person' && (
            <>
              <TextField id={`${uid}-person-q`} type="search" label={t('rwobj.form.personSearch')} value={personQuery} maxLength={100} onChange={(e) => setPersonQuery(e.target.value)} />
              <SelectField id={fid('ownerId')} label={t('rwobj.form.person')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} error={err('ownerId')} required>
                <option value="">{t('rwobj.form.choose')}</option>
                {(employees.data?.items ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.lastName} {x.firstName} — {x.officeName}
                  </option>
                ))}
              </SelectField>
            </>
          )}
        </>
      )}
      <div className="row">
        <div className="col-sm-6">
          <TextField id={fid('startsOn')} type="date" label={t('rwobj.form.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={err('startsOn')} required />
        </div>
        <div className="col-sm-6">
          <TextField id={fid('endsOn')} type="date" label={t('rwobj.form.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={err('endsOn')} required />
        </div>
      </div>
      <h2 className="h4">{t('rwobj.form.indicators')}</h2>
      {indicators.map((d, k) => (
        <fieldset key={d.key} className="rwobj-indicator">
          <legend>{t('rwobj.form.indicator', { n: k + 1 })}</legend>
          <div className="row">
            <div className="col-md-8">
              <TextField id={fid(`indicators.${k}.name`)} label={t('rwobj.form.indName')} maxLength={200} value={d.name} onChange={(e) => setInd(k, { name: e.target.value })} error={err(`indicators.${k}.name`)} required />
            </div>
            <div className="col-md-4">
              <TextField id={fid(`indicators.${k}.unit`)} label={t('rwobj.form.indUnit')} maxLength={40} value={d.unit} onChange={(e) => setInd(k, { unit: e.target.value })} />
            </div>
            <div className="col-sm-6 col-md-3">
              <SelectField id={fid(`indicators.${k}.valueType`)} label={t('rwobj.form.indType')} value={d.valueType} onChange={(e) => setInd(k, { valueType: e.target.value as ValueType })} error={err(`indicators.${k}.valueType`)}>
                {VALUE_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`rwobj.form.type.${v}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-sm-6 col-md-3">
              <SelectField id={fid(`indicators.${k}.direction`)} label={t('rwobj.form.indDirection')} value={d.direction} onChange={(e) => setInd(k, { direction: e.target.value as Direction })}>
                {DIRECTIONS.map((v) => (
                  <option key={v} value={v}>
                    {t(`rwobj.detail.direction.${v}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-sm-6 col-md-3">
              <TextField id={fid(`indicators.${k}.baseline`)} label={t('rwobj.form.indBaseline')} inputMode="decimal" value={d.baseline} onChange={(e) => setInd(k, { baseline: e.target.value })} error={err(`indicators.${k}.baseline`)} required />
            </div>
            <div className="col-sm-6 col-md-3">
              <TextField id={fid(`indicators.${k}.target`)} label={t('rwobj.form.indTarget')} inputMode="decimal" value={d.target} onChange={(e) => setInd(k, { target: e.target.value })} error={err(`indicators.${k}.target`)} required />
            </div>
          </div>
          {indicators.length > 1 && (
            <button type="button" className="btn btn-outline-danger btn-sm mb-3" onClick={() => setIndicators(indicators.filter((_, i) => i !== k))}>
              {t('rwobj.form.removeIndicator', { n: k + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {indicators.length < 20 && (
        <button type="button" className="btn btn-outline-primary mb-4" onClick={() => setIndicators([...indicators, newIndicator()])}>
          {t('rwobj.form.addIndicator')}
        </button>
      )}
      <fieldset className="mb-4" aria-describedby={err('responsibleUserIds') ? `${fid('responsibleUserIds')}-error` : undefined}>
        <legend className="h4">{t('rwobj.form.responsibles')}</legend>
        <TextField id={fid('responsibleUserIds')} type="search" label={t('rwobj.form.peopleSearch')} value={peopleQuery} maxLength={100} onChange={(e) => setPeopleQuery(e.target.value)} />
        {err('responsibleUserIds') && (
          <div id={`${fid('responsibleUserIds')}-error`} className="field-error mb-2">
            {err('responsibleUserIds')}
          </div>
        )}
        <div className="rwobj-people">
          {[...responsibles].map(([userId, name]) => (
            <div className="form-check my-1" key={`sel-${userId}`}>
              <input type="checkbox" id={`${uid}-p-${userId}`} checked onChange={() => setResponsibles(new Map([...responsibles].filter(([u]) => u !== userId)))} />
              <label htmlFor={`${uid}-p-${userId}`}>{name}</label>
            </div>
          ))}
          {(people.data?.items ?? [])
            .filter((p) => !responsibles.has(p.userId))
            .map((p) => (
              <div className="form-check my-1" key={p.userId}>
                <input type="checkbox" id={`${uid}-p-${p.userId}`} checked={false} onChange={() => setResponsibles(new Map([...responsibles, [p.userId, p.displayName]]))} />
                <label htmlFor={`${uid}-p-${p.userId}`}>
                  {p.displayName} <span className="form-text">({p.email})</span>
                </label>
              </div>
            ))}
          {people.isSuccess && people.data.items.length === 0 && <p>{t('rwobj.form.noPeople')}</p>}
        </div>
      </fieldset>
      <ProblemAlert error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('form.saving') : t('rwobj.form.save')}
      </button>
    </form>
  );
}

export default function ObjectiveFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { hasRole } = useSession();
  const q = useObjective(id);
  const allowed = hasRole('hr_manager', 'body_admin', 'office_manager');
  const title = id ? t('rwobj.form.editTitle') : t('rwobj.form.newTitle');
  return (
    <>
      <p>
        <Link to={id ? `/lavoro-agile/obiettivi/${id}` : '/lavoro-agile/obiettivi'}>{t('rwobj.detail.backToList')}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      {!allowed ? (
        <p>{t('rwobj.form.forbidden')}</p>
      ) : id ? (
        <>
          {q.isPending && <Loading />}
          <ProblemAlert error={q.error} />
          {q.data && <Form existing={q.data} />}
        </>
      ) : (
        <Form existing={null} />
      )}
    </>
  );
}
