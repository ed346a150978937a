/** Errors from the API, announced (role=alert) and in the user's language. */
import { useI18n } from '../i18n';
import { ApiError, NetworkError } from '../api/client';

export function problemText(error: unknown, t: ReturnType<typeof useI18n>['t']): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    return { title: error.problem?.title ?? t('app.error.generic'), detail: error.problem?.detail };
  }
  if (error instanceof NetworkError) return { title: t('app.error.network') };
  return { title: t('app.error.generic') };
}

export function ProblemAlert({ error, title, onRetry, id }: { error: unknown; title?: string; onRetry?: () => void; id?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const p = problemText(error, t);
  const fields = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  return (
    <div className="alert alert-danger my-3" role="alert" id={id}>
      <p className="fw-semibold mb-1">{title ?? p.title}</p>
      {title && p.title !== title && <p className="mb-1">{p.title}</p>}
      {p.detail && p.detail !== p.title && fields.length === 0 && <p className="mb-1">{p.detail}</p>}
      {fields.length > 0 && (
        <ul className="mb-1">
          {fields.map((f) => (
            <li key={f.field + f.message}>{f.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-outline-danger btn-sm mt-2" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert-success my-3" role="status">
      {children}
    </div>
  );
}
