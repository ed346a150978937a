/**
 * Edit a body's record. Platform admins change every field (the name of official ISTAT bodies
 * excepted); the body's own admin changes website, PEC and patron-saint day.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { useSession } from '../../api/session';
import { Loading, PageTitle } from '../../components/Page';
import { SelectField, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/Problem';

interface Form {
  name: string;
  ipaCode: string;
  taxCode: string;
  population: string;
  website: string;
  pec: string;
  patronDay: string;
  patronMonth: string;
}

const pad = (n: string) => n.padStart(2, '0');
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export default function EditOrganizationPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { session, isPlatformAdmin, hasRole } = useSession();
  const q = useQuery({ queryKey: ['organization', id], queryFn: () => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id } } })) });
  const [form, setForm] = useState<Form | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const dayRef = useRef<HTMLSelectElement>(null);
  const o = q.data;

  useEffect(() => {
    if (!o || form) return;
    const [m = '', d = ''] = (o.patronDay ?? '').split('-');
    setForm({
      name: o.name,
      ipaCode: o.ipaCode ?? '',
      taxCode: o.taxCode ?? '',
      population: o.population == null ? '' : String(o.population),
      website: o.website ?? '',
      pec: o.pec ?? '',
      patronDay: d ? String(Number(d)) : '',
      patronMonth: m ? String(Number(m)) : '',
    });
  }, [o, form]);

  const ownAdmin = session?.organization?.id === id && hasRole('body_admin');
  const months = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, i, 1)));
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [k]: e.target.value } : f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || !o) return;
    setError(null);
    if ((form.patronDay === '') !== (form.patronMonth === '')) {
      setFieldErrors({ patronDay: t('org.patronDayIncomplete') });
      return dayRef.current?.focus();
    }
    setFieldErrors({});
    const patronDay = form.patronDay ? `${pad(form.patronMonth)}-${pad(form.patronDay)}` : null;
    const body: Record<string, unknown> = { website: orNull(form.website), pec: orNull(form.pec), patronDay };
    if (isPlatformAdmin) {
      if (o.source !== 'istat') body.name = form.name.trim();
      body.ipaCode = orNull(form.ipaCode);
      body.taxCode = orNull(form.taxCode);
      body.population = form.population.trim() === '' ? null : Number(form.population);
    }
    setBusy(true);
    try {
      await call(http.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body }));
      await qc.invalidateQueries({ queryKey: ['organization', id] });
      navigate(`/enti/${id}`, { state: { notice: t('org.saved') } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  if (q.isPending) return <Loading />;
  if (q.error || !o) return <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!isPlatformAdmin && !ownAdmin) {
    return (
      <>
        <PageTitle>{t('org.edit')}</PageTitle>
        <div className="alert alert-warning" role="alert">
          {t('org.editForbidden')}
        </div>
      </>
    );
  }
  return (
    <div className="form-narrow">
      <p>
        <Link to={`/enti/${id}`}>{t('org.cancelEdit')}</Link>
      </p>
      <PageTitle>{t('org.editTitle', { name: o.name })}</PageTitle>
      {!isPlatformAdmin && <p>{t('org.editIntro')}</p>}
      <ProblemAlert error={error} />
      {form && (
        <form noValidate onSubmit={submit}>
          {isPlatformAdmin && (
            <>
              <TextField
                label={t('org.name')}
                value={form.name}
                onChange={set('name')}
                required
                disabled={o.source === 'istat'}
                help={o.source === 'istat' ? t('org.officialName') : undefined}
                error={fieldErrors.name}
              />
              <TextField label={t('org.ipaCode')} value={form.ipaCode} onChange={set('ipaCode')} error={fieldErrors.ipaCode} />
              <TextField label={t('org.taxCode')} value={form.taxCode} onChange={set('taxCode')} inputMode="numeric" error={fieldErrors.taxCode} />
              <TextField label={t('org.population')} value={form.population} onChange={set('population')} inputMode="numeric" error={fieldErrors.population} />
            </>
          )}
          <TextField label={t('org.website')} type="url" value={form.website} onChange={set('website')} error={fieldErrors.website} />
          <TextField label={t('org.pec')} type="email" value={form.pec} onChange={set('pec')} error={fieldErrors.pec} />
          <div className="row">
            <div className="col-sm-6">
              <SelectField ref={dayRef} label={t('org.patronDayDay')} value={form.patronDay} onChange={set('patronDay')} error={fieldErrors.patronDay}>
                <option value="">{t('org.patronDayNone')}</option>
                {Array.from({ length: 31 }, (_, i) => (
                  <option key={i + 1} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-sm-6">
              <SelectField label={t('org.patronDayMonth')} value={form.patronMonth} onChange={set('patronMonth')}>
                <option value="">{t('org.patronDayNone')}</option>
                {months.map((m, i) => (
                  <option key={m} value={String(i + 1)}>
                    {m}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('form.saving') : t('org.save')}
          </button>
        </form>
      )}
    </div>
  );
}
