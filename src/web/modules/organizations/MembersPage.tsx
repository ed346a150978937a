/** The people of a body and their roles: add, change roles, remove. For body admins and platform admins. */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES, useI18n, type Role } from '../../i18n';
import { ApiError, call, http } from '../../api/client';
import type { Member } from '../../api/types';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { CheckboxGroup, TextField } from '../../components/Field';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { Pager } from '../../components/Pager';
import { useSession } from '../../api/session';
import { isValidEmail } from '../../../platform/email-rules';

const PAGE_SIZE = 50;

const memberId = (m: Member) => m.userId;

function RoleEditor({ orgId, member, onDone }: { orgId: string; member: Member; onDone(msg?: string): void }) {
  const { t, roleLabel } = useI18n();
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [error, setError] = useState<unknown>(null);
  const [roleError, setRoleError] = useState<string | undefined>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (roles.length === 0) return setRoleError(t('members.rolesRequired'));
    setRoleError(undefined);
    try {
      await call(http.PATCH('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id: orgId, userId: memberId(member) } }, body: { roles } }));
      onDone(t('members.saved', { name: member.displayName }));
    } catch (err) {
      setError(err);
    }
  };
  const id = `edit-${memberId(member)}`;
  return (
    <form onSubmit={save} className="border rounded p-3 my-2" aria-label={t('members.edit', { name: member.displayName })}>
      <ProblemAlert error={error} />
      <CheckboxGroup
        legend={t('members.edit', { name: member.displayName })}
        idPrefix={id}
        options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        value={roles}
        onChange={setRoles}
        error={roleError}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('members.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone()}>
          {t('members.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddMember({ orgId, onAdded }: { orgId: string; onAdded(msg: string): void }) {
  const { t, roleLabel } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['employee']);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const pwRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const fe: Record<string, string> = {};
    if (!isValidEmail(email.trim())) fe.email = email.trim() ? t('signin.invalidEmail') : t('signin.required.email');
    if (!displayName.trim()) fe.displayName = t('create.required.name');
    if (password && password.length < 12) fe.password = t('reset.tooShort');
    if (roles.length === 0) fe.roles = t('members.rolesRequired');
    setFieldErrors(fe);
    if (fe.email) return emailRef.current?.focus();
    if (fe.displayName) return nameRef.current?.focus();
    if (fe.password) return pwRef.current?.focus();
    if (fe.roles) return document.getElementById(`add-role-${ROLES[0]}`)?.focus();
    setBusy(true);
    try {
      await call(
        http.POST('/api/v1/organizations/{id}/members', {
          params: { path: { id: orgId } },
          body: { email: email.trim(), displayName: displayName.trim(), roles, ...(password ? { password } : {}) },
        }),
      );
      onAdded(t('members.added', { name: displayName.trim() }));
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRoles(['employee']);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="add-member-title" className="mt-5">
      <h2 id="add-member-title" className="h4">
        {t('members.add')}
      </h2>
      <ProblemAlert error={error} />
      <form noValidate onSubmit={submit} className="form-narrow">
        <TextField ref={emailRef} label={t('members.email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
        <TextField ref={nameRef} label={t('members.displayName')} autoComplete="off" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fieldErrors.displayName} />
        <TextField
          ref={pwRef}
          label={t('members.password')}
          type="password"
          autoComplete="new-password"
          help={t('members.passwordHelp')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <CheckboxGroup legend={t('members.roles')} idPrefix="add-role" options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} value={roles} onChange={setRoles} error={fieldErrors.roles} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('members.submit')}
        </button>
      </form>
    </section>
  );
}

export default function MembersPage() {
  const { id = '' } = useParams();
  const { t, roleLabel } = useI18n();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const { session } = useSession();
  const org = useQuery({ queryKey: ['organization', id], queryFn: () => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id } } })) });
  const members = useQuery({
    queryKey: ['members', id, page],
    queryFn: () => call(http.GET('/api/v1/organizations/{id}/members', { params: { path: { id }, query: { page, pageSize: PAGE_SIZE } } })),
  });
  const list = members.data?.items ?? [];
  const total = members.data?.total ?? list.length;
  const refresh = () => qc.invalidateQueries({ queryKey: ['members', id] });

  const remove = async (m: Member) => {
    if (!window.confirm(t('members.removeConfirm', { name: m.displayName }))) return;
    setError(null);
    try {
      await call(http.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId: memberId(m) } } }));
      setNotice(t('members.removed', { name: m.displayName }));
      await refresh();
    } catch (err) {
      setError(err);
    }
  };

  const setDisabled = async (m: Member, disabled: boolean) => {
    if (disabled && !window.confirm(t('members.disableConfirm', { name: m.displayName }))) return;
    setError(null);
    try {
      await call(http.PATCH('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId: memberId(m) } }, body: { disabled } }));
      setNotice(t(disabled ? 'members.disabledNotice' : 'members.enabledNotice', { name: m.displayName }));
      await refresh();
    } catch (err) {
      setError(err);
    }
  };

  const name = org.data?.name ?? '';
  return (
    <>
      <p>
        <Link to={`/enti/${id}`}>{name || t('org.titleFallback')}</Link>
      </p>
      <PageTitle title={t('members.title', { name })}>{t('members.title', { name })}</PageTitle>
      <p>{t('members.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <ProblemAlert error={error} />
      {members.isPending && <Loading />}
      <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />
      {members.isSuccess && list.length === 0 && <EmptyState>{t('members.empty')}</EmptyState>}
      {list.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.col.name')}</th>
                <th scope="col">{t('members.col.email')}</th>
                <th scope="col">{t('members.col.roles')}</th>
                <th scope="col">{t('members.col.status')}</th>
                <th scope="col">{t('members.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={memberId(m)}>
                  <th scope="row">{m.displayName}</th>
                  <td>{m.email}</td>
                  <td>
                    {editing === memberId(m) ? (
                      <RoleEditor
                        orgId={id}
                        member={m}
                        onDone={(msg) => {
                          setEditing(null);
                          if (msg) {
                            setNotice(msg);
                            void refresh();
                          }
                        }}
                      />
                    ) : (
                      m.roles.map(roleLabel).join(', ')
                    )}
                  </td>
                  <td>{m.disabled ? <strong>{t('members.inactive')}</strong> : t('members.active')}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(memberId(m))} disabled={editing === memberId(m)}>
                        {t('members.editShort')}
                        <span className="visually-hidden"> — {m.displayName}</span>
                      </button>
                      {memberId(m) !== session?.user.id && (
                        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => void setDisabled(m, !m.disabled)}>
                          {t(m.disabled ? 'members.enable' : 'members.disable')}
                          <span className="visually-hidden"> — {m.displayName}</span>
                        </button>
                      )}
                      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(m)}>
                        {t('members.removeShort')}
                        <span className="visually-hidden"> — {m.displayName}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} />
      <AddMember
        orgId={id}
        onAdded={(msg) => {
          setNotice(msg);
          void refresh();
        }}
      />
    </>
  );
}
