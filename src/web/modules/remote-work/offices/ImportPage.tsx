/**
 * Import of the employees from a CSV file: choose the file → it is read (progress) and checked on
 * the server without writing anything → every row is shown with its errors → the import button
 * appears only when the whole file is clean → one transaction writes it all. The columns are
 * documented on the page.
 */
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { ApiError, call, http } from '../../../api/client';
import { PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { OfficesNav } from './OfficesNav';
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, REQUIRED_COLUMNS, type ImportReport } from './types';
import type { MessageKey } from '../../../i18n/it';

type Phase = 'idle' | 'reading' | 'checking' | 'checked' | 'importing' | 'done';
const ROWS_PER_PAGE = 100;

function readFile(file: File, onProgress: (pct: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error);
    r.readAsText(file, 'utf-8');
  });
}

/**
 * The report a refused commit carries (422 employee.import_invalid puts it in the problem as
 * `report`, beside title and code): the same rows and errors as the preview.
 */
function refusedReport(err: unknown): ImportReport | null {
  if (!(err instanceof ApiError) || !err.problem || !('report' in err.problem)) return null;
  const r = err.problem.report;
  return isImportReport(r) ? r : null;
}

function isImportReport(x: unknown): x is ImportReport {
  return typeof x === 'object' && x !== null && 'rows' in x && Array.isArray(x.rows) && 'fileErrors' in x && Array.isArray(x.fileErrors) && 'clean' in x && typeof x.clean === 'boolean';
}

function Progress({ phase, percent }: { phase: Phase; percent: number }) {
  const { t } = useI18n();
  if (phase !== 'reading' && phase !== 'checking' && phase !== 'importing') return null;
  const label = phase === 'reading' ? t('rwo.import.reading', { percent }) : phase === 'checking' ? t('rwo.import.checking') : t('rwo.import.importing');
  return (
    <div className="rwo-progress my-3" role="status" aria-live="polite">
      <p className="mb-1">{label}</p>
      <div className="progress">
        {phase === 'reading' ? (
          <div className="progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} style={{ width: `${percent}%` }} />
        ) : (
          <div className="progress-bar progress-bar-striped progress-bar-animated" role="progressbar" aria-label={label} style={{ width: '100%' }} />
        )}
      </div>
    </div>
  );
}

export default function ImportPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [content, setContent] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [page, setPage] = useState(1);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const focusResult = () => setTimeout(() => resultRef.current?.focus(), 0);

  const check = async (text: string) => {
    setPhase('checking');
    try {
      const r = await call(http.POST('/api/v1/remote-work/employees/import', { params: { query: { mode: 'preview' } }, body: { content: text } }));
      setReport(r);
      setPage(1);
      setOnlyErrors(r.rowsWithErrors > 0);
      setPhase('checked');
      focusResult();
    } catch (err) {
      setError(err);
      setPhase('idle');
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setError(null);
    setFileError(null);
    setReport(null);
    setContent(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(t('rwo.import.tooLarge', { mb: (file.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    setPhase('reading');
    setPercent(0);
    try {
      const text = await readFile(file, setPercent);
      setContent(text);
      await check(text);
    } catch {
      setFileError(t('rwo.import.unreadable'));
      setPhase('idle');
    }
  };

  const commit = async () => {
    if (!content) return;
    setError(null);
    setPhase('importing');
    try {
      const r = await call(http.POST('/api/v1/remote-work/employees/import', { params: { query: { mode: 'commit' } }, body: { content } }));
      setReport(r);
      setPhase('done');
      await qc.invalidateQueries({ queryKey: ['remote-work'] });
      focusResult();
    } catch (err) {
      // refused: the server's report (same rows, same errors) replaces the preview
      const refused = refusedReport(err);
      if (refused) setReport(refused);
      setError(err);
      setPhase('checked');
    }
  };

  const rows = useMemo(() => (report ? (onlyErrors ? report.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) : report.rows) : []), [report, onlyErrors]);
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
  const shown = rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
  const busy = phase === 'reading' || phase === 'checking' || phase === 'importing';
  const actionKey = (a: string | null) => `rwo.import.action.${a ?? 'none'}` as MessageKey;

  return (
    <>
      <PageTitle>{t('rwo.import.title')}</PageTitle>
      <OfficesNav />
      <p>{t('rwo.import.intro')}</p>
      <details className="mb-4">
        <summary>{t('rwo.import.columnsTitle')}</summary>
        <div className="table-responsive mt-2">
          <table className="table table-sm">
            <caption>{t('rwo.import.columnsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rwo.import.column')}</th>
                <th scope="col">{t('rwo.import.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_COLUMNS.map((c) => (
                <tr key={c}>
                  <th scope="row">
                    <code>{c}</code>
                    {REQUIRED_COLUMNS.includes(c) ? '' : ` ${t('rwo.import.optional')}`}
                  </th>
                  <td>{t(`rwo.import.col.${c}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t('rwo.import.format')}</p>
        <p>
          <code>codice_fiscale;nome;cognome;email;codice_ufficio;competenze;giorni_preferiti;lavoratore_fragile</code>
          <br />
          <code>RSSMRA85T10A562S;Mario;Rossi;mario.rossi@ente.it;URP;sportello;lun,mer;no</code>
        </p>
      </details>
      <div className="mb-4">
        <label htmlFor="import-file" className="field-label">
          {t('rwo.import.file')}
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          className={`form-control${fileError ? ' is-invalid' : ''}`}
          aria-describedby={`import-file-help${fileError ? ' import-file-error' : ''}`}
          aria-invalid={fileError ? true : undefined}
          disabled={busy}
          onChange={(e) => void choose(e)}
        />
        {fileError && (
          <div id="import-file-error" className="field-error" role="alert">
            {fileError}
          </div>
        )}
        <div id="import-file-help" className="form-text">
          {t('rwo.import.fileHelp')}
        </div>
      </div>
      <Progress phase={phase} percent={percent} />
      <ProblemAlert error={error} />
      {report && (
        <section aria-labelledby="import-result-title">
          <h2 id="import-result-title" ref={resultRef} tabIndex={-1} className="h4">
            {phase === 'done'
              ? t('rwo.import.doneTitle', { file: fileName })
              : report.clean
                ? t('rwo.import.cleanTitle', { file: fileName })
                : t('rwo.import.errorsTitle', { file: fileName })}
          </h2>
          {phase === 'done' && <SuccessNotice>{t('rwo.import.done', { creates: report.creates, updates: report.updates, unchanged: report.unchanged })}</SuccessNotice>}
          <ul className="rwo-summary">
            <li>
              <strong>{report.totalRows}</strong> {t('rwo.import.sumRows')}
            </li>
            <li>
              <strong>{report.rowsWithErrors}</strong> {t('rwo.import.sumErrors')}
            </li>
            <li>
              <strong>{report.creates}</strong> {t('rwo.import.sumCreates')}
            </li>
            <li>
              <strong>{report.updates}</strong> {t('rwo.import.sumUpdates')}
            </li>
            <li>
              <strong>{report.unchanged}</strong> {t('rwo.import.sumUnchanged')}
            </li>
          </ul>
          {report.fileErrors.length > 0 && (
            <div className="alert alert-danger" role="alert">
              <p className="fw-semibold mb-1">{t('rwo.import.fileErrors')}</p>
              <ul className="mb-0">
                {report.fileErrors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          )}
          {phase === 'checked' && report.clean && (
            <div className="rwo-actions my-3">
              <button type="button" className="btn btn-primary" onClick={() => void commit()}>
                {t('rwo.import.commit', { n: report.creates + report.updates })}
              </button>
              <span>{t('rwo.import.commitHelp')}</span>
            </div>
          )}
          {phase === 'checked' && !report.clean && <p className="fw-semibold">{t('rwo.import.fixAndRetry')}</p>}
          {phase === 'done' && (
            <p>
              <Link to="/lavoro-agile/dipendenti">{t('rwo.import.seeEmployees')}</Link>
            </p>
          )}
          {report.rows.length > 0 && (
            <>
              <div className="form-check my-3">
                <input
                  id="only-errors"
                  type="checkbox"
                  checked={onlyErrors}
                  onChange={(e) => {
                    setOnlyErrors(e.target.checked);
                    setPage(1);
                  }}
                />
                <label htmlFor="only-errors">{t('rwo.import.onlyErrors')}</label>
              </div>
              <div className="table-responsive">
                <table className="table table-sm">
                  <caption>{t('rwo.import.caption', { shown: shown.length, total: rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rwo.import.line')}</th>
                      <th scope="col">{t('rwo.import.person')}</th>
                      <th scope="col">{t('rwo.import.office')}</th>
                      <th scope="col">{t('rwo.import.outcome')}</th>
                      <th scope="col">{t('rwo.import.problems')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr key={r.line} className={r.errors.length ? 'rwo-row-error' : undefined}>
                        <th scope="row">{r.line}</th>
                        <td>
                          {[r.values.cognome, r.values.nome].filter(Boolean).join(' ') || '—'}
                          <br />
                          <span className="text-nowrap">{r.values.codice_fiscale || '—'}</span>
                        </td>
                        <td>{r.values.codice_ufficio || '—'}</td>
                        <td>{r.errors.length ? t('rwo.import.action.error', { n: r.errors.length }) : t(actionKey(r.action))}</td>
                        <td>
                          {r.errors.length > 0 && (
                            <ul className="rwo-errors">
                              {r.errors.map((e, i) => (
                                <li key={i}>
                                  {e.column ? <code>{e.column}</code> : null}
                                  {e.column ? ': ' : ''}
                                  {e.message}
                                </li>
                              ))}
                            </ul>
                          )}
                          {r.warnings.length > 0 && (
                            <ul className="rwo-warnings">
                              {r.warnings.map((w, i) => (
                                <li key={i}>
                                  {t('rwo.import.warning')} {w}
                                </li>
                              ))}
                            </ul>
                          )}
                          {r.errors.length === 0 && r.warnings.length === 0 && '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="my-3" aria-label={t('rwo.import.pagerLabel')}>
                  <div className="rwo-actions justify-content-center">
                    <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                      {t('pager.previous')}
                    </button>
                    <span aria-current="page">{t('pager.status', { page, pages })}</span>
                    <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                      {t('pager.next')}
                    </button>
                  </div>
                </nav>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
