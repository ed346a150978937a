/**
 * A page's heading and document title. On client-side navigation the heading takes the focus, so
 * screen-reader and keyboard users start from the new page's title (WCAG 2.4.3).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';

export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  // 'default' is the entry the browser loaded: no focus move then, only after in-app navigation
  const navigated = useLocation().key !== 'default';
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${t('app.titleSuffix')}` : t('app.titleSuffix');
  }, [text, t]);
  useEffect(() => {
    if (navigated) ref.current?.focus({ preventScroll: false });
    // on mount only: a page's own state changes must not move the focus
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title mb-3">
      {children}
    </h1>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="d-flex align-items-center gap-2 my-4" role="status" aria-live="polite">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="callout note my-4 empty-state">
      <div className="callout-inner">
        <p className="mb-0">{children}</p>
      </div>
    </div>
  );
}
