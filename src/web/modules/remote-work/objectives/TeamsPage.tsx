/**
 * "Gruppi di lavoro": the teams the person may see, and — for HR and office managers — a form to
 * make or change one: its name, its office and its members (the office's active people).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { useSession } from '../../../api/session';
import { EmptyState, Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { CheckboxGroup, SelectField, TextField } from '../../../components/Field';
import { objectiveKeys, useTeams } from './api';
import type { Team } from './types';
import './objectives.css';


function TeamForm({ team, onDone, onCancel }: { team: Team | null; onDone(name: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const { session, hasRole } = useSession();
  const hr = hasRole('hr_manager', 'body_admin');
  const [name, setName] = useState(team?.name ?? '');
  const [officeId, setOfficeId] = useState(team?.officeId ?? '');
  const [members, setMembers] = useState<string[]>(team?.members.map((m) => m.employeeId) ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const offices = useQuery({ queryKey: ['remote-work', 'offices-for-teams'], queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/offices', { signal })), staleTime: 30_000 });
  const mine = (offices.data?.items ?? []).filter((o) => hr || o.managerUserId === session?.user.id);
  const people = useQuery({
    queryKey: ['remote-work', 'team-people', officeId],
    queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/employees', { params: { query: { officeId, pageSize: 100, page: 1 } }, signal })),
    enabled: !!officeId,
  });
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const options = [
    ...(team?.members.filter((m) => !people.data?.items.some((p) => p.id === m.employeeId)).map((m) => ({ value: m.employeeId, label: m.name })) ?? []),
    ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName}` })),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = { name, officeId: officeId || null, memberIds: members };
      const saved = team
        ? await call(http.PUT('/api/v1/remote-work/teams/{id}', { params: { path: { id: team.id } }, body }))
        : await call(http.POST('/api/v1/remote-work/teams', { body }));
      onDone(saved.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mb-5">
      <h2>{team ? t('rwobj.teams.editTitle', { name: team.name }) : t('rwobj.teams.new')}</h2>
      <TextField id="team-name" label={t('rwobj.teams.name')} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} required />
      <SelectField id="team-office" label={t('rwobj.teams.office')} value={officeId} onChange={(e) => setOfficeId(e.target.value)} error={fieldErrors.officeId}>
        {hr ? <option value="">{t('rwobj.teams.noOffice')}</option> : <option value="">{t('rwobj.form.choose')}</option>}
        {mine.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      {officeId ? (
        people.isPending ? (
          <Loading />
        ) : (
          <CheckboxGroup legend={t('rwobj.teams.people')} idPrefix="team-member" options={options} value={members} onChange={setMembers} error={fieldErrors.memberIds} />
        )
      ) : (
        <p className="form-text">{t('rwobj.teams.pickOffice')}</p>
      )}
      <ProblemAlert error={error} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : t('rwobj.teams.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('rwobj.teams.cancel')}
        </button>
      </div>
    </form>
  );
}

export default function TeamsPage() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const teams = useTeams();
  const manager = hasRole('hr_manager', 'body_admin', 'office_manager');
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const done = async (msg: string) => {
    setEditing(null);
    await qc.invalidateQueries({ queryKey: objectiveKeys.teams });
    setNotice(msg);
    document.getElementById('teams-notice')?.focus();
  };
  const remove = async (team: Team) => {
    setError(null);
    try {
      await call(http.DELETE('/api/v1/remote-work/teams/{id}', { params: { path: { id: team.id } } }));
      await done(t('rwobj.teams.deleted', { name: team.name }));
    } catch (err) {
      setError(err);
    }
  };
  const items = teams.data?.items ?? [];

  return (
    <>
      <p>
        <Link to="/lavoro-agile/obiettivi">{t('rwobj.detail.backToList')}</Link>
      </p>
      <PageTitle>{t('rwobj.teams.title')}</PageTitle>
      <p>{t('rwobj.teams.intro')}</p>
      <div id="teams-notice" tabIndex={-1}>
        <SuccessNotice>{notice}</SuccessNotice>
      </div>
      <ProblemAlert error={error} />
      {manager && editing === null && (
        <p>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('rwobj.teams.new')}
          </button>
        </p>
      )}
      {editing !== null && <TeamForm team={editing === 'new' ? null : editing} onDone={(name) => void done(t('rwobj.teams.saved', { name }))} onCancel={() => setEditing(null)} />}
      {teams.isPending && <Loading />}
      <ProblemAlert error={teams.error} />
      {teams.isSuccess && items.length === 0 && <EmptyState>{t('rwobj.teams.empty')}</EmptyState>}
      {items.length > 0 && (
        <ul className="rwobj-cards">
          {items.map((team) => (
            <li key={team.id}>
              <h2 className="h5 mb-1">{team.name}</h2>
              <p className="mb-1">
                {team.officeName ?? t('rwobj.teams.bodyWide')} · {t('rwobj.teams.members', { n: team.members.length })}
              </p>
              <p className="form-text mb-2">{team.members.map((m) => m.name).join(', ')}</p>
              {team.canEdit && (
                <div className="d-flex gap-2">
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(team)}>
                    {t('rwobj.teams.edit')}
                    <span className="visually-hidden"> — {team.name}</span>
                  </button>
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void remove(team)}>
                    {t('rwobj.teams.delete')}
                    <span className="visually-hidden"> — {team.name}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
