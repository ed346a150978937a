/**
 * One agreement: its status and timeline, its terms, the documents to download (PDF, editable
 * DOCX) and the actions open to the signed-in person (the API says which): the employee confirms
 * the safety information, withdraws or asks for renewal; the manager and HR decide, register, withdraw.
 */
import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import type { MessageKey } from '../../../i18n/it.js';
import { apiHref, call, http } from '../../../api/client';
import { Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { ActionDialog, dialogActionOf, type DialogAction } from './ActionDialog';
import { useSession } from '../../../api/session';
import { useAgreementFormat } from './format';
import { StatusBadge } from './parts';

export default function AgreementPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const f = useAgreementFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const { hasRole } = useSession();
  const hr = hasRole('hr_manager', 'body_admin');
  const q = useQuery({ queryKey: ['rw-agreements', 'one', id], queryFn: ({ signal }) => call(http.GET('/api/v1/remote-work/agreements/{id}', { params: { path: { id } }, signal })) });
  const a = q.data;
  const closeDialog = useCallback(() => setDialog(null), []);

  const refresh = async (msg: string) => {
    setNotice(msg);
    await qc.invalidateQueries({ queryKey: ['rw-agreements'] });
    document.getElementById('rwa-notice')?.focus();
  };
  const post = async (key: 'acknowledgeSafety' | 'renew') => {
    if (!a) return;
    setBusy(true);
    setError(null);
    const path = { id: a.id };
    try {
      const r =
        key === 'renew'
          ? await call(http.POST('/api/v1/remote-work/agreements/{id}/renewal', { params: { path }, body: {} }))
          : await call(http.POST('/api/v1/remote-work/agreements/{id}/safety-acknowledgement', { params: { path } }));
      if (key === 'renew') navigate(`/lavoro-agile/accordi/${r.id}`, { state: { notice: t('rwa.action.done.renew') } });
      else await refresh(t('rwa.action.done.acknowledgeSafety'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (q.isPending) return <Loading />;
  if (!a) {
    return (
      <>
        <PageTitle>{t('rwa.title')}</PageTitle>
        <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
        <Link to="/lavoro-agile/accordi">{t('rwa.back')}</Link>
      </>
    );
  }
  const windows = [...a.allowedWeekdays]
    .sort((x, y) => x - y)
    .map((d) => ({ d, w: a.reachability[String(d)] ?? [] }))
    .filter((x) => x.w.length > 0);
  const eventAt = (at: string) => (at.length === 10 ? f.day(at) : formatDate(at));

  return (
    <>
      <PageTitle>{t('rwa.detail.title', { name: a.employeeName })}</PageTitle>
      <p>
        <Link to="/lavoro-agile/accordi">{t('rwa.back')}</Link>
      </p>
      <div id="rwa-notice" tabIndex={-1}>
        <SuccessNotice>{notice}</SuccessNotice>
      </div>
      <ProblemAlert error={error} title={t('rwa.action.failed')} />
      <p className="lead">
        <span className="visually-hidden">{t('rwa.detail.status')}: </span>
        <StatusBadge status={a.status} /> {f.period(a)}
      </p>

      {a.actions.length > 0 && (
        <div className="d-flex flex-wrap gap-2 mb-4">
          {a.actions.includes('acknowledgeSafety') && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void post('acknowledgeSafety')}>
              {t('rwa.action.acknowledgeSafety')}
            </button>
          )}
          {(['approve', 'register'] as const)
            .filter((x) => a.actions.includes(x))
            .map((x) => (
              <button key={x} type="button" className="btn btn-primary" onClick={() => setDialog(x)}>
                {t(`rwa.action.${x}`)}
              </button>
            ))}
          {(['refuse', 'withdraw'] as const)
            .filter((x) => a.actions.includes(x))
            .map((x) => (
              <button key={x} type="button" className="btn btn-outline-danger" onClick={() => setDialog(dialogActionOf(a, x))}>
                {t(`rwa.action.${dialogActionOf(a, x)}` as MessageKey)}
              </button>
            ))}
          {a.actions.includes('renew') && hr && (
            <Link className="btn btn-outline-primary" to={`/lavoro-agile/accordi/nuovo?rinnova=${a.id}`}>
              {t('rwa.renew.action')}
            </Link>
          )}
          {a.actions.includes('renew') && !hr && (
            <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => void post('renew')}>
              {t('rwa.action.renew')}
            </button>
          )}
        </div>
      )}

      <h2 className="h4">{t('rwa.detail.timeline')}</h2>
      <ol className="rwa-timeline">
        {a.timeline.map((e, i) => (
          <li key={`${e.event}-${i}`}>
            <strong>{t(`rwa.event.${e.event}` as MessageKey)}</strong> — {eventAt(e.at)}
            {e.note && (
              <div>
                {t('rwa.detail.reason')}: {e.note}
              </div>
            )}
          </li>
        ))}
      </ol>

      <h2 className="h4">{t('rwa.detail.documents')}</h2>
      <ul className="list-unstyled d-flex flex-wrap gap-3 mb-4">
        <li>
          <a className="btn btn-outline-primary" href={apiHref('/api/v1/remote-work/agreements/{id}/document.pdf', { path: { id: a.id } })} download>
            {t('rwa.detail.pdf')}
          </a>
        </li>
        <li>
          <a className="btn btn-outline-primary" href={apiHref('/api/v1/remote-work/agreements/{id}/document.docx', { path: { id: a.id } })} download>
            {t('rwa.detail.docx')}
          </a>
        </li>
      </ul>

      <h2 className="h4">{t('rwa.detail.terms')}</h2>
      <dl className="rwa-terms">
        <dt>{t('rwa.detail.office')}</dt>
        <dd>{a.officeName}</dd>
        <dt>{t('rwa.detail.period')}</dt>
        <dd>
          {f.period(a)}
          {a.renewedFrom && (
            <div>
              <Link to={`/lavoro-agile/accordi/${a.renewedFrom}`}>{t('rwa.detail.renewedFrom')}</Link>
            </div>
          )}
        </dd>
        <dt>{t('rwa.detail.days')}</dt>
        <dd>{f.days(a)}</dd>
        <dt>{t('rwa.detail.workingHours')}</dt>
        <dd>{t('rwa.detail.hours', { from: a.workingFrom, to: a.workingTo })}</dd>
        <dt>{t('rwa.detail.reachability')}</dt>
        <dd>
          <ul className="list-unstyled mb-0">
            {windows.map(({ d, w }) => (
              <li key={d}>
                {f.weekday(d)}: {w.map(([from, to]) => t('rwa.detail.hours', { from, to })).join('; ')}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('rwa.detail.disconnection')}</dt>
        <dd>
          {t('rwa.detail.hours', { from: a.disconnectionFrom, to: a.disconnectionTo })}
          {a.disconnectionMeasures && <div className="form-text">{a.disconnectionMeasures}</div>}
        </dd>
        <dt>{t('rwa.detail.safety')}</dt>
        <dd>{a.safetyInfoAcknowledgedAt ? t('rwa.detail.safetyDone', { date: formatDate(a.safetyInfoAcknowledgedAt) }) : t('rwa.detail.safetyMissing')}</dd>
        {a.withdrawalNotifiedOn && a.lastDayInForce && (
          <>
            <dt>{t('rwa.detail.withdrawal')}</dt>
            <dd>
              {t('rwa.detail.withdrawalText', { date: f.day(a.withdrawalNotifiedOn), party: t(`rwa.detail.party.${a.withdrawnByParty ?? 'employee'}` as MessageKey), last: f.day(a.lastDayInForce) })}
              {a.withdrawalReason && (
                <div>
                  {t('rwa.detail.reason')}: {a.withdrawalReason}
                </div>
              )}
            </dd>
          </>
        )}
        {a.activities && (
          <>
            <dt>{t('rwa.detail.activities')}</dt>
            <dd>{a.activities}</dd>
          </>
        )}
        {a.placeRules && (
          <>
            <dt>{t('rwa.detail.place')}</dt>
            <dd>{a.placeRules}</dd>
          </>
        )}
        {a.equipment && (
          <>
            <dt>{t('rwa.detail.equipment')}</dt>
            <dd>{a.equipment}</dd>
          </>
        )}
      </dl>
      <ActionDialog
        agreement={dialog ? a : null}
        action={dialog}
        onDone={(u, action) => void refresh(action === 'withdraw' ? t('rwa.action.done.withdraw', { date: f.day(u.lastDayInForce) }) : action === 'cancel' ? t('rwa.action.done.cancel') : t(`rwa.action.done.${action}`, { name: u.employeeName }))}
        onClose={closeDialog}
      />
    </>
  );
}
