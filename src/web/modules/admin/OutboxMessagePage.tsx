/** One message of the outbox: its headers and its text. */
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import type { OutboxMessage } from '../../api/types';
import { Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';

function headerList(h: OutboxMessage['headers'] | undefined): [string, string][] {
  return (h ?? []).map((x) => [x.name, x.value]);
}

export default function OutboxMessagePage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const q = useQuery({ queryKey: ['outbox', id], queryFn: () => call(http.GET('/api/v1/outbox-messages/{id}', { params: { path: { id } } })) });
  const m = q.data;
  const headers = headerList(m?.headers);
  const sent = headers.find(([k]) => k.toLowerCase() === 'date')?.[1];
  const subject = headers.find(([k]) => k.toLowerCase() === 'subject')?.[1] || t('outbox.noSubject');
  return (
    <>
      <p>
        <Link to="/posta-in-uscita">{t('outbox.back')}</Link>
      </p>
      <PageTitle title={m ? subject : t('outbox.title')}>{m ? subject : t('outbox.title')}</PageTitle>
      {q.isPending && <Loading />}
      <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
      {m && (
        <>
          {sent && <p>{formatDateTime(sent)}</p>}
          <h2 className="h4">{t('outbox.headers')}</h2>
          <dl className="details">
            {headers.map(([k, v], i) => (
              <div key={`${k}-${i}`} className="row">
                <dt className="col-sm-3">{k}</dt>
                <dd className="col-sm-9 text-break">{v}</dd>
              </div>
            ))}
          </dl>
          <h2 className="h4">{t('outbox.text')}</h2>
          <div className="mail-text">{m.text ?? ''}</div>
          {m.attachments && m.attachments.length > 0 && (
            <ul className="mt-3">
              {m.attachments.map((a, i) => (
                <li key={i}>
                  {a.filename ?? a.contentType} ({a.contentType}, {a.size} B)
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
