/** The body's offices as a tree (name, code, people, manager) and, for HR, the form to add one. */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { SelectField, TextField } from '../../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { keys, officeTree, useManagerCandidates, useManagesBody, useOffices } from './api';
import { OfficesNav } from './OfficesNav';
import type { Office } from './types';

function Branch({ office, children }: { office: Office; children: Map<string, Office[]> }) {
  const { t } = useI18n();
  const kids = children.get(office.id) ?? [];
  return (
    <li>
      <div className="rwo-office">
        <Link to={`/lavoro-agile/uffici/${office.id}`} className="fw-semibold">
          {office.name}
        </Link>
        <span className="rwo-office-meta">
          {t('rwo.offices.meta', { code: office.code, people: office.activeEmployees })}
          {office.managerName ? ` · ${t('rwo.offices.managedBy', { name: office.managerName })}` : ''}
        </span>
      </div>
      {kids.length > 0 && (
        <ul>
          {kids.map((k) => (
            <Branch key={k.id} office={k} children={children} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Parent options indented by depth, so the tree shows in a select too. */
export function officeOptions(offices: Office[], exclude?: string): { id: string; label: string }[] {
  const { roots, children } = officeTree(offices);
  const out: { id: string; label: string }[] = [];
  const walk = (o: Office, depth: number) => {
    if (o.id === exclude) return; // an office and its sub-offices cannot become its parent
    out.push({ id: o.id, label: `${'— '.repeat(depth)}${o.name} (${o.code})` });
    for (const k of children.get(o.id) ?? []) walk(k, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

function NewOffice({ offices }: { offices: Office[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const people = useManagerCandidates(true);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [managerUserId, setManagerUserId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$/.test(code.trim())) fe.code = code.trim() ? t('rwo.office.codeInvalid') : t('rwo.office.codeRequired');
    if (!name.trim()) fe.name = t('rwo.office.nameRequired');
    setFieldErrors(fe);
    if (fe.code) return codeRef.current?.focus();
    if (fe.name) return nameRef.current?.focus();
    setBusy(true);
    try {
      const created = await call(
        http.POST('/api/v1/remote-work/offices', {
          body: { code: code.trim(), name: name.trim(), parentId: parentId || null, managerUserId: managerUserId || null },
        }),
      );
      await qc.invalidateQueries({ queryKey: keys.offices });
      navigate(`/lavoro-agile/uffici/${created.id}`, { state: { notice: t('rwo.office.created', { name: created.name }) } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-office-title" className="mt-5">
      <h2 id="new-office-title" className="h4">
        {t('rwo.offices.new')}
      </h2>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit} className="form-narrow">
        <TextField ref={codeRef} label={t('rwo.office.code')} help={t('rwo.office.codeHelp')} required value={code} onChange={(e) => setCode(e.target.value)} error={fieldErrors.code} autoComplete="off" />
        <TextField ref={nameRef} label={t('rwo.office.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} autoComplete="off" />
        <SelectField label={t('rwo.office.parent')} value={parentId} onChange={(e) => setParentId(e.target.value)} error={fieldErrors.parentId}>
          <option value="">{t('rwo.office.noParent')}</option>
          {officeOptions(offices).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('rwo.office.manager')} help={t('rwo.office.managerHelp')} value={managerUserId} onChange={(e) => setManagerUserId(e.target.value)} error={fieldErrors.managerUserId}>
          <option value="">{t('rwo.office.noManager')}</option>
          {(people.data?.items ?? []).map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName} ({p.email})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('rwo.offices.create')}
        </button>
      </form>
    </section>
  );
}

export default function OfficesPage() {
  const { t } = useI18n();
  const offices = useOffices();
  const body = useManagesBody();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const items = offices.data?.items ?? [];
  const { roots, children } = officeTree(items);
  return (
    <>
      <PageTitle>{t('rwo.offices.title')}</PageTitle>
      <OfficesNav />
      <SuccessNotice>{notice}</SuccessNotice>
      <p>{t('rwo.offices.intro')}</p>
      {offices.isPending && <Loading />}
      <ProblemAlert error={offices.error} onRetry={() => void offices.refetch()} />
      {offices.isSuccess && items.length === 0 && <EmptyState>{t('rwo.offices.empty')}</EmptyState>}
      {roots.length > 0 && (
        <section aria-labelledby="tree-title">
          <h2 id="tree-title" className="h4">
            {t('rwo.offices.tree', { count: items.length })}
          </h2>
          <ul className="rwo-tree">
            {roots.map((o) => (
              <Branch key={o.id} office={o} children={children} />
            ))}
          </ul>
        </section>
      )}
      {body && offices.isSuccess && <NewOffice offices={items} />}
    </>
  );
}
