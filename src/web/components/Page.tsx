/**
 * A page's heading and document title. On client-side navigation the heading takes the focus, so
 * screen-reader and keyboard users start from the new page's title (WCAG 2.4.3).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

let firstPage = true;

export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${t('app.titleSuffix')}` : t('app.titleSuffix');
  }, [text, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
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
