/** Routes: public sign-in pages, then the signed-in pages, each loaded on demand (code splitting). */
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useI18n } from '../i18n';
import { SessionProvider, useSession } from '../api/session';
import { ApiError } from '../api/client';
import { Layout } from './Layout';
import { Loading } from '../components/Page';
import { ProblemAlert } from '../components/Problem';

const SignInPage = lazy(() => import('../modules/auth/SignInPage'));
const ForgotPasswordPage = lazy(() => import('../modules/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../modules/auth/ResetPasswordPage'));
const HomePage = lazy(() => import('../modules/home/HomePage'));
const DirectoryPage = lazy(() => import('../modules/organizations/DirectoryPage'));
const OrganizationPage = lazy(() => import('../modules/organizations/OrganizationPage'));
const CreateOrganizationPage = lazy(() => import('../modules/organizations/CreateOrganizationPage'));
const MembersPage = lazy(() => import('../modules/organizations/MembersPage'));
const TokensPage = lazy(() => import('../modules/profile/TokensPage'));
const EditOrganizationPage = lazy(() => import('../modules/organizations/EditOrganizationPage'));
const PasswordPage = lazy(() => import('../modules/profile/PasswordPage'));
const AuditPage = lazy(() => import('../modules/admin/AuditPage'));
const OutboxPage = lazy(() => import('../modules/admin/OutboxPage'));
const OutboxMessagePage = lazy(() => import('../modules/admin/OutboxMessagePage'));
const PlatformsPage = lazy(() => import('../modules/conferencing/PlatformsPage'));
const CalendarPage = lazy(() => import('../modules/conferencing/CalendarPage'));
const NewBookingPage = lazy(() => import('../modules/conferencing/BookingFormPage').then((m) => ({ default: m.NewBookingPage })));
const EditBookingPage = lazy(() => import('../modules/conferencing/BookingFormPage').then((m) => ({ default: m.EditBookingPage })));
const MyBookingsPage = lazy(() => import('../modules/conferencing/MyBookingsPage'));
const OperatorBookingsPage = lazy(() => import('../modules/conferencing/OperatorBookingsPage'));
const UsagePage = lazy(() => import('../modules/conferencing/UsagePage'));
const MyPlatformsPage = lazy(() => import('../modules/conferencing/MyPlatformsPage'));
const NewPlatformPage = lazy(() => import('../modules/conferencing/PlatformFormPage').then((m) => ({ default: m.NewPlatformPage })));
const EditPlatformPage = lazy(() => import('../modules/conferencing/PlatformFormPage').then((m) => ({ default: m.EditPlatformPage })));
const RemoteWorkHome = lazy(() => import('../modules/remote-work/RemoteWorkHome'));
const OfficesPage = lazy(() => import('../modules/remote-work/offices/OfficesPage'));
const OfficePage = lazy(() => import('../modules/remote-work/offices/OfficePage'));
const EmployeesPage = lazy(() => import('../modules/remote-work/offices/EmployeesPage'));
const EmployeePage = lazy(() => import('../modules/remote-work/offices/EmployeePage'));
const ImportPage = lazy(() => import('../modules/remote-work/offices/ImportPage'));
const ClosuresPage = lazy(() => import('../modules/remote-work/offices/ClosuresPage'));
const PlanGridPage = lazy(() => import('../modules/remote-work/plans/PlanGridPage'));
const IndicatorsPage = lazy(() => import('../modules/remote-work/indicators/IndicatorsPage'));
const TerritoryIndicatorsPage = lazy(() => import('../modules/remote-work/indicators/TerritoryPage'));
const MyCalendarPage = lazy(() => import('../modules/remote-work/plans/MyCalendarPage'));
const AgreementsPage = lazy(() => import('../modules/remote-work/agreements/AgreementsPage'));
const AgreementRequestPage = lazy(() => import('../modules/remote-work/agreements/AgreementRequestPage'));
const AgreementPage = lazy(() => import('../modules/remote-work/agreements/AgreementPage'));
const PolaPage = lazy(() => import('../modules/remote-work/pola/PolaPage'));
const ObjectivesPage = lazy(() => import('../modules/remote-work/objectives/ObjectivesPage'));
const ObjectivePage = lazy(() => import('../modules/remote-work/objectives/ObjectivePage'));
const ObjectiveFormPage = lazy(() => import('../modules/remote-work/objectives/ObjectiveFormPage'));
const TeamsPage = lazy(() => import('../modules/remote-work/objectives/TeamsPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function RequireSession() {
  const { session, loading, error, refresh } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={() => void refresh()} />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/accedi' : `/accedi?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (session) {
    // only same-site paths: never an open redirect
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return <>{children}</>;
}

function Suspended() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
      <Outlet />
    </Suspense>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route element={<Suspended />}>
                  <Route path="/accedi" element={<PublicOnly><SignInPage /></PublicOnly>} />
                  <Route path="/password-dimenticata" element={<ForgotPasswordPage />} />
                  <Route path="/reimposta-password" element={<ResetPasswordPage />} />
                  <Route element={<RequireSession />}>
                    <Route path="/" element={<HomePage />} />
                    <Route path="/enti" element={<DirectoryPage />} />
                    <Route path="/enti/nuovo" element={<CreateOrganizationPage />} />
                    <Route path="/enti/:id" element={<OrganizationPage />} />
                    <Route path="/enti/:id/persone" element={<MembersPage />} />
                    <Route path="/enti/:id/modifica" element={<EditOrganizationPage />} />
                    <Route path="/profilo/password" element={<PasswordPage />} />
                    <Route path="/profilo/token" element={<TokensPage />} />
                    <Route path="/registro-attivita" element={<AuditPage />} />
                    <Route path="/posta-in-uscita" element={<OutboxPage />} />
                    <Route path="/posta-in-uscita/:id" element={<OutboxMessagePage />} />
                    <Route path="/videoconferenze" element={<PlatformsPage />} />
                    <Route path="/videoconferenze/piattaforme/:id" element={<CalendarPage />} />
                    <Route path="/videoconferenze/piattaforme/:id/prenota" element={<NewBookingPage />} />
                    <Route path="/videoconferenze/piattaforme/:id/utilizzo" element={<UsagePage />} />
                    <Route path="/videoconferenze/prenotazioni" element={<MyBookingsPage />} />
                    <Route path="/videoconferenze/prenotazioni/:id/modifica" element={<EditBookingPage />} />
                    <Route path="/videoconferenze/gestione" element={<OperatorBookingsPage />} />
                    <Route path="/videoconferenze/gestione/piattaforme" element={<MyPlatformsPage />} />
                    <Route path="/videoconferenze/gestione/piattaforme/nuova" element={<NewPlatformPage />} />
                    <Route path="/videoconferenze/gestione/piattaforme/:id" element={<EditPlatformPage />} />
                    <Route path="/lavoro-agile" element={<RemoteWorkHome />} />
                    <Route path="/lavoro-agile/uffici" element={<OfficesPage />} />
                    <Route path="/lavoro-agile/uffici/:id" element={<OfficePage />} />
                    <Route path="/lavoro-agile/dipendenti" element={<EmployeesPage />} />
                    <Route path="/lavoro-agile/dipendenti/nuovo" element={<EmployeePage />} />
                    <Route path="/lavoro-agile/dipendenti/importa" element={<ImportPage />} />
                    <Route path="/lavoro-agile/dipendenti/:id" element={<EmployeePage />} />
                    <Route path="/lavoro-agile/chiusure" element={<ClosuresPage />} />
                    <Route path="/lavoro-agile/piano" element={<PlanGridPage />} />
                    <Route path="/lavoro-agile/indicatori" element={<IndicatorsPage />} />
                    <Route path="/lavoro-agile/indicatori/territorio" element={<TerritoryIndicatorsPage />} />
                    <Route path="/lavoro-agile/il-mio-calendario" element={<MyCalendarPage />} />
                    <Route path="/lavoro-agile/accordi" element={<AgreementsPage />} />
                    <Route path="/lavoro-agile/accordi/nuovo" element={<AgreementRequestPage />} />
                    <Route path="/lavoro-agile/accordi/:id" element={<AgreementPage />} />
                    <Route path="/lavoro-agile/pola" element={<PolaPage />} />
                    <Route path="/lavoro-agile/obiettivi" element={<ObjectivesPage />} />
                    <Route path="/lavoro-agile/obiettivi/nuovo" element={<ObjectiveFormPage />} />
                    <Route path="/lavoro-agile/obiettivi/:id" element={<ObjectivePage />} />
                    <Route path="/lavoro-agile/obiettivi/:id/modifica" element={<ObjectiveFormPage />} />
                    <Route path="/lavoro-agile/gruppi" element={<TeamsPage />} />
                  </Route>
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
