/** Previous / next pagination with the current page announced. */
import { useI18n } from '../i18n';

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(p: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination-wrapper my-4" aria-label={t('pager.label')}>
      <ul className="pagination justify-content-center align-items-center flex-wrap gap-2">
        <li className="page-item">
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('pager.previous')}
          </button>
        </li>
        <li className="page-item px-3" aria-current="page">
          {t('pager.status', { page, pages })}
        </li>
        <li className="page-item">
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('pager.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
