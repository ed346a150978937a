/** A body's record: kind, codes, place, patron day, contacts, parent bodies. */
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import { useSession } from '../../api/session';
import { Loading, PageTitle } from '../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { regionName } from './regions';

function patronDay(md: string, lang: string): string {
  const [m, d] = md.split('-').map(Number);
  if (!m || !d) return md;
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, m - 1, d));
}

export default function OrganizationPage() {
  const { id = '' } = useParams();
  const { t, kindLabel, lang, formatNumber } = useI18n();
  const { session, isPlatformAdmin, hasRole } = useSession();
  const q = useQuery({ queryKey: ['organization', id], queryFn: () => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id } } })) });
  const o = q.data;
  const canSeeMembers = isPlatformAdmin || (session?.organization?.id === id && hasRole('body_admin'));
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const na = <span className="text-muted">{t('org.notAvailable')}</span>;

  return (
    <>
      <p>
        <Link to="/enti">{t('org.backToDirectory')}</Link>
      </p>
      {q.isPending && (
        <>
          <PageTitle>{t('org.titleFallback')}</PageTitle>
          <Loading />
        </>
      )}
      {q.error && (
        <>
          <PageTitle>{t('org.titleFallback')}</PageTitle>
          <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
        </>
      )}
      {o && (
        <>
          <PageTitle>{o.name}</PageTitle>
          <p className="lead">{kindLabel(o.kind)}</p>
          <SuccessNotice>{notice}</SuccessNotice>
          <h2 className="h4 mt-4">{t('org.details')}</h2>
          <dl className="details row">
            <dt className="col-sm-4">{t('org.istatCode')}</dt>
            <dd className="col-sm-8">{o.istatCode ?? na}</dd>
            <dt className="col-sm-4">{t('org.ipaCode')}</dt>
            <dd className="col-sm-8">{o.ipaCode ?? na}</dd>
            <dt className="col-sm-4">{t('org.taxCode')}</dt>
            <dd className="col-sm-8">{o.taxCode ?? na}</dd>
            {o.provinceCode && (
              <>
                <dt className="col-sm-4">{t('org.province')}</dt>
                <dd className="col-sm-8">{o.provinceCode}</dd>
              </>
            )}
            {regionName(o) && (
              <>
                <dt className="col-sm-4">{t('org.region')}</dt>
                <dd className="col-sm-8">{regionName(o)}</dd>
              </>
            )}
            {typeof o.population === 'number' && (
              <>
                <dt className="col-sm-4">{t('org.population')}</dt>
                <dd className="col-sm-8">{formatNumber(o.population)}</dd>
              </>
            )}
            <dt className="col-sm-4">{t('org.patronDay')}</dt>
            <dd className="col-sm-8">{o.patronDay ? patronDay(o.patronDay, lang) : na}</dd>
            <dt className="col-sm-4">{t('org.website')}</dt>
            <dd className="col-sm-8">
              {o.website && /^https?:\/\//.test(o.website) ? (
                <a href={o.website} rel="noopener noreferrer">
                  {o.website}
                </a>
              ) : (
                (o.website ?? na)
              )}
            </dd>
            <dt className="col-sm-4">{t('org.pec')}</dt>
            <dd className="col-sm-8">{o.pec ?? na}</dd>
            {o.parents && o.parents.length > 0 && (
              <>
                <dt className="col-sm-4">{t('org.parents')}</dt>
                <dd className="col-sm-8">
                  <ul className="list-unstyled mb-0">
                    {o.parents.map((p) => (
                      <li key={p.id}>
                        <Link to={`/enti/${p.id}`}>{p.name}</Link> ({kindLabel(p.kind)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          {canSeeMembers && (
            <div className="d-flex flex-wrap gap-2">
              <Link className="btn btn-outline-primary" to={`/enti/${o.id}/persone`}>
                {t('org.members')}
              </Link>
              <Link className="btn btn-outline-primary" to={`/enti/${o.id}/modifica`}>
                {t('org.edit')}
              </Link>
            </div>
          )}
        </>
      )}
    </>
  );
}
