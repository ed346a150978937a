/** Platform admins add the bodies the official list does not have: unions, ministries, providers… */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { CREATABLE_KINDS, useI18n } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import { useSession } from '../../api/session';
import type { BodyOf } from '../../api/types';
import { PageTitle } from '../../components/Page';
import { useRecordFields } from '../../components/RecordFields';
import { ProblemAlert } from '../../components/Problem';
import { isValidIpaCode, isValidPatronDay, isValidTaxCode } from '../../../modules/organizations/organization-rules';

const FIELDS = ['kind', 'name', 'ipaCode', 'taxCode', 'patronDay', 'website', 'pec'] as const;
type FieldName = (typeof FIELDS)[number];

export default function CreateOrganizationPage() {
  const { t, kindLabel } = useI18n();
  const { isPlatformAdmin } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<Record<FieldName, string>>({
    kind: 'union_of_municipalities',
    name: '',
    ipaCode: '',
    taxCode: '',
    patronDay: '',
    website: '',
    pec: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: FieldName) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const fields = useRecordFields({ form, set, errors: fieldErrors });

  if (!isPlatformAdmin) return <Navigate to="/enti" replace />;

  const focusFirst = (errs: Record<string, string>) => fields.focusFirst(FIELDS, errs);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (!form.name.trim()) fe.name = t('create.required.name');
    // the server's own rules (organization-rules.ts): the same answer before and after sending
    if (form.ipaCode.trim() && !isValidIpaCode(form.ipaCode)) fe.ipaCode = t('create.invalid.ipaCode');
    if (form.taxCode.trim() && !isValidTaxCode(form.taxCode.trim())) fe.taxCode = t('create.invalid.taxCode');
    if (form.patronDay.trim() && !isValidPatronDay(form.patronDay.trim())) fe.patronDay = t('create.invalid.patronDay');
    setFieldErrors(fe);
    if (Object.keys(fe).length) return focusFirst(fe);
    const body: BodyOf<'createOrganization'> = { kind: CREATABLE_KINDS.find((k) => k === form.kind) ?? CREATABLE_KINDS[0], name: form.name.trim() };
    for (const k of ['ipaCode', 'taxCode', 'patronDay', 'website', 'pec'] as const) if (form[k].trim()) body[k] = form[k].trim();
    setBusy(true);
    try {
      const created = await call(http.POST('/api/v1/organizations', { body }));
      await qc.invalidateQueries({ queryKey: ['organizations'] });
      navigate(`/enti/${created.id}`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const errs = err.fieldErrors();
        setFieldErrors(errs);
        focusFirst(errs);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form-narrow">
      <PageTitle>{t('create.title')}</PageTitle>
      <p>{t('create.intro')}</p>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit}>
        {fields.choice('kind', t('create.kind'), CREATABLE_KINDS, kindLabel)}
        {fields.text('name', t('create.name'), { required: true, maxLength: 200, autoComplete: 'organization' })}
        {fields.text('ipaCode', t('create.ipaCode'), { help: t('create.ipaHelp'), maxLength: 20 })}
        {fields.text('taxCode', t('create.taxCode'), { help: t('create.taxHelp'), inputMode: 'numeric', maxLength: 11 })}
        {fields.text('patronDay', t('create.patronDay'), { help: t('create.patronHelp'), maxLength: 5 })}
        {fields.text('website', t('create.website'), { type: 'url', maxLength: 300, autoComplete: 'url' })}
        {fields.text('pec', t('create.pec'), { type: 'email', maxLength: 254 })}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('create.submit')}
        </button>
      </form>
    </div>
  );
}
