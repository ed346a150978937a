/**
 * "Le tue piattaforme": the platforms the signed-in operator runs (all of them for a platform
 * administrator), archived ones included, each with who may book it, its video system and the
 * ways to change it, read its calendar and its usage; and "Nuova piattaforma" for those who may
 * register one.
 */
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { EmptyState, Loading, PageTitle } from '../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { useOrganizationNames, usePlatformsWithArchived } from './api';
import { ConferencingNav, useMayManage, useMayRegister } from './ConferencingNav';
import { useFormats } from './format';
import { PLATFORMS_HOME } from './platform-form';
import { rulesSummary } from './PlatformsPage';
import { romeParts } from './rome-time';
import type { Platform } from './types';

function AccessLine({ p, territoryName }: { p: Platform; territoryName?: string }) {
  const { t } = useI18n();
  const f = useFormats();
  if (p.access === 'everyone') return <>{t('conf.pf.list.everyone')}</>;
  if (p.access === 'territory') return <>{t('conf.pf.list.territory', { name: territoryName ?? '…' })}</>;
  return <>{t('conf.pf.list.members', { n: f.number(p.memberIds.length) })}</>;
}

export default function MyPlatformsPage() {
  const { t } = useI18n();
  const f = useFormats();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const mayManage = useMayManage();
  const { mayRegister, loading: checking } = useMayRegister();
  const all = usePlatformsWithArchived();
  const mine = (all.data?.items ?? []).filter(mayManage).sort((a, b) => Number(!!a.archivedAt) - Number(!!b.archivedAt) || a.name.localeCompare(b.name, 'it'));
  const territories = useOrganizationNames(mine.map((p) => p.territoryId).filter((x): x is string => !!x));
  const title = t('conf.nav.yourPlatforms');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ConferencingNav />
      <SuccessNotice>{notice}</SuccessNotice>
      <p>{t('conf.pf.list.intro')}</p>
      {mayRegister && (
        <p>
          <Link className="btn btn-primary" to={`${PLATFORMS_HOME}/nuova`}>
            {t('conf.pf.newTitle')}
          </Link>
        </p>
      )}
      {(all.isPending || checking) && <Loading />}
      <ProblemAlert error={all.error} onRetry={() => void all.refetch()} />
      {all.isSuccess && mine.length === 0 && <EmptyState>{mayRegister ? t('conf.pf.list.emptyRegister') : t('conf.op.notOperator')}</EmptyState>}
      <ul className="conf-platforms" data-testid="my-platforms">
        {mine.map((p) => (
          <li key={p.id} className={`conf-platform-card${p.archivedAt ? ' conf-archived' : ''}`} data-testid="my-platform">
            <h2 className="h4">{p.name}</h2>
            {p.archivedAt && <p className="conf-archived-label fw-semibold mb-2">{t('conf.pf.list.archived', { date: f.day(romeParts(p.archivedAt).date) })}</p>}
            <p className="conf-capacity mb-2">{t('conf.platforms.capacity', { n: f.number(p.capacity) })}</p>
            <ul className="conf-rules">
              <li>
                <AccessLine p={p} territoryName={p.territoryId ? territories[p.territoryId] : undefined} />
              </li>
              <li>
                {t(`conf.pf.video.${p.videoSystem}` as MessageKey)}
                {p.videoSystem !== 'none' && ` — ${p.videoConfigured ? t('conf.pf.list.videoReady') : t('conf.pf.list.videoMissing')}`}
              </li>
              {rulesSummary(p, t, f.number).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <div className="d-flex flex-wrap gap-2 mt-auto">
              {!p.archivedAt && (
                <Link className="btn btn-primary btn-sm" to={`${PLATFORMS_HOME}/${p.id}`}>
                  {t('conf.pf.list.edit')}
                  <span className="visually-hidden"> — {p.name}</span>
                </Link>
              )}
              {!p.archivedAt && (
                <Link className="btn btn-outline-primary btn-sm" to={`/videoconferenze/piattaforme/${p.id}`}>
                  {t('conf.platforms.calendar')}
                  <span className="visually-hidden"> — {p.name}</span>
                </Link>
              )}
              <Link className="btn btn-outline-primary btn-sm" to={`/videoconferenze/piattaforme/${p.id}/utilizzo`}>
                {t('conf.platforms.usage')}
                <span className="visually-hidden"> — {p.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
