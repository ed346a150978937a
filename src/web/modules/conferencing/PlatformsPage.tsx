/** The shared videoconference platforms the body may see: capacity, rules, and the way to each calendar. */
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from '../../api/session';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert } from '../../components/Problem';
import { usePlatforms } from './api';
import { ConferencingNav, mayBook, useOperated } from './ConferencingNav';
import { useFormats } from './format';
import type { Platform } from './types';
import { PLATFORMS_HOME } from './platform-form';

export function rulesSummary(p: Platform, t: ReturnType<typeof useI18n>['t'], number: (n: number) => string): string[] {
  const out = [
    p.minNoticeDays === 0 ? t('conf.rules.noNotice') : p.minNoticeDays === 1 ? t('conf.rules.noticeOne') : t('conf.rules.notice', { days: p.minNoticeDays }),
    t('conf.rules.maxDuration', { hours: number(Math.round((p.maxDurationMinutes / 60) * 10) / 10) }),
    t('conf.rules.horizon', { days: p.maxHorizonDays }),
    p.openOnHolidays ? t('conf.rules.openHolidays') : t('conf.rules.closedHolidays'),
  ];
  if (p.requiresApproval) out.push(t('conf.rules.approval'));
  return out;
}

export default function PlatformsPage() {
  const { t } = useI18n();
  const f = useFormats();
  const { session } = useSession();
  const platforms = usePlatforms();
  const { operated } = useOperated();
  const orgId = session?.organization?.id;
  const items = platforms.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('conf.platforms.title')}</PageTitle>
      <ConferencingNav />
      <p>{t('conf.platforms.intro')}</p>
      {platforms.isPending && <Loading />}
      <ProblemAlert error={platforms.error} onRetry={() => void platforms.refetch()} />
      {platforms.isSuccess && items.length === 0 && <EmptyState>{t('conf.platforms.empty')}</EmptyState>}
      <ul className="conf-platforms">
        {items.map((p) => {
          const operator = operated.some((o) => o.id === p.id);
          return (
            <li key={p.id} className="conf-platform-card">
              <h2 className="h4">{p.name}</h2>
              <p className="conf-capacity mb-2">{t('conf.platforms.capacity', { n: f.number(p.capacity) })}</p>
              <ul className="conf-rules">
                {rulesSummary(p, t, f.number).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <div className="d-flex flex-wrap gap-2 mt-auto">
                <Link className="btn btn-outline-primary btn-sm" to={`/videoconferenze/piattaforme/${p.id}`}>
                  {t('conf.platforms.calendar')}
                  <span className="visually-hidden"> — {p.name}</span>
                </Link>
                {mayBook(p, orgId) && (
                  <Link className="btn btn-primary btn-sm" to={`/videoconferenze/piattaforme/${p.id}/prenota`}>
                    {t('conf.platforms.book')}
                    <span className="visually-hidden"> — {p.name}</span>
                  </Link>
                )}
                {operator && (
                  <Link className="btn btn-outline-primary btn-sm" to={`/videoconferenze/piattaforme/${p.id}/utilizzo`}>
                    {t('conf.platforms.usage')}
                    <span className="visually-hidden"> — {p.name}</span>
                  </Link>
                )}
                {operator && (
                  <Link className="btn btn-outline-primary btn-sm" to={`${PLATFORMS_HOME}/${p.id}`}>
                    {t('conf.pf.list.edit')}
                    <span className="visually-hidden"> — {p.name}</span>
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
