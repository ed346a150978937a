/** The outbox: messages the platform wrote to the outbox folder when no SMTP server is configured. */
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';

export const recipients = (to: string | string[]) => (Array.isArray(to) ? to.join(', ') : to);

export default function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const q = useQuery({ queryKey: ['outbox'], queryFn: () => call(http.GET('/api/v1/outbox-messages')) });
  const list = q.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p>{t('outbox.intro')}</p>
      {q.isPending && <Loading />}
      <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.isSuccess && list.length === 0 && <EmptyState>{t('outbox.empty')}</EmptyState>}
      {list.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.col.subject')}</th>
                <th scope="col">{t('outbox.col.to')}</th>
                <th scope="col">{t('outbox.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/posta-in-uscita/${encodeURIComponent(m.id)}`}>{m.subject || t('outbox.noSubject')}</Link>
                  </th>
                  <td className="text-break">{recipients(m.to)}</td>
                  <td>{formatDateTime(m.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
