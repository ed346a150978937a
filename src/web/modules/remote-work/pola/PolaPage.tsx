/**
 * "POLA: il lavoro agile nel PIAO" — for the HR officer writing the remote-work subsection of the
 * PIAO from real figures: a summary, the downloads (DOCX, PDF), the preview of each part of the
 * document (the same blocks the files are made of), the targets per year, what the body declares
 * (digital equipment, training, spending) and the document's settings.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../api/session';
import { ApiError } from '../../../api/client';
import { Loading, PageTitle } from '../../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../../components/Problem';
import { SelectField, TextField } from '../../../components/Field';
import { documentUrl, polaKey, saveDeclarations, saveSettings, saveTargets, usePola } from './api';
import { DIMENSIONS, NOTE_SECTIONS, type Block, type Declarations, type DocumentModel, type Pola, type ProgrammeIndicator, type Unit } from './types';
import './pola.css';

// ------------------------------------------------------------------------------------------ helpers

function useFormat() {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const eur = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    return {
      percent: (v: number | null) => (v === null ? null : `${num.format(v)}%`),
      number: (v: number) => num.format(v),
      value: (unit: Unit, v: number | null, yes: string, no: string) =>
        v === null ? null : unit === 'percent' ? `${num.format(v)}%` : unit === 'boolean' ? (v >= 1 ? yes : no) : eur.format(v / 100),
    };
  }, [lang]);
}

/** A number typed by a person ("12,5" or "12.5"); null when empty, NaN when not a number. */
function parseNumber(s: string): number | null {
  const t = s.trim().replace(/\s/g, '');
  if (!t) return null;
  const normal = /,\d{1,2}$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

const centsToEuro = (c: number | null) => (c === null ? '' : (c / 100).toFixed(2));
const euroToCents = (s: string) => {
  const n = parseNumber(s);
  return n === null ? null : Number.isNaN(n) ? Number.NaN : Math.round(n * 100);
};

// ------------------------------------------------------------------------------------------ preview

function ScrollTable({ caption, children }: { caption: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-responsive rwpola-scroll mb-3" tabIndex={0} role="region" aria-label={t('rwpola.preview.tableRegion', { caption })}>
      {children}
    </div>
  );
}

function BlockView({ b }: { b: Block }) {
  switch (b.kind) {
    case 'heading':
      return b.level === 2 ? <h4 className="h6 mt-3">{b.text}</h4> : <h5 className="h6 mt-2">{b.text}</h5>;
    case 'paragraph':
      return <p className={b.note ? 'rwpola-note' : undefined}>{b.text}</p>;
    case 'list':
      return (
        <ul>
          {b.items.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <ScrollTable caption={b.caption}>
          <table className="table table-sm table-bordered">
            <caption>{b.caption}</caption>
            <thead>
              <tr>
                {b.columns.map((c, i) => (
                  <th key={i} scope="col" className={c.align === 'right' ? 'text-end' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="fw-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} className={b.columns[j]?.align === 'right' ? 'text-end' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      );
  }
}

/** The document split at its parts (level-1 headings); what comes before the first part is the introduction. */
function DocumentPreview({ doc }: { doc: DocumentModel }) {
  const parts: { heading: string | null; blocks: Block[] }[] = [{ heading: null, blocks: [] }];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 1) parts.push({ heading: b.text, blocks: [] });
    else parts[parts.length - 1].blocks.push(b);
  }
  return (
    <div className="rwpola-doc" lang="it">
      <p className="fw-semibold mb-1">{doc.title}</p>
      {doc.subtitle && <p className="rwpola-note mb-1">{doc.subtitle}</p>}
      {doc.reference && <p className="rwpola-note">{doc.reference}</p>}
      {parts.map((p, i) => (
        <section key={i} aria-label={p.heading ?? undefined}>
          {p.heading && <h3 className="h5 mt-4">{p.heading}</h3>}
          {p.blocks.map((b, j) => (
            <BlockView key={j} b={b} />
          ))}
        </section>
      ))}
      {doc.footer && <p className="rwpola-note mt-3 mb-0">{doc.footer}</p>}
    </div>
  );
}

// ------------------------------------------------------------------------------------------ targets

type Draft = Record<string, string>;
const draftKey = (key: string, year: number) => `${key}|${year}`;

function draftOf(p: Pola): Draft {
  const d: Draft = {};
  for (const ind of p.programme.indicators) {
    for (const t of ind.targets) {
      const saved = t.isDefault ? null : t.value;
      d[draftKey(ind.key, t.year)] = saved === null ? '' : ind.unit === 'cents' ? centsToEuro(saved) : String(saved);
    }
  }
  return d;
}

function valueOfDraft(unit: Unit, s: string): number | null {
  if (unit === 'cents') return euroToCents(s);
  if (unit === 'boolean') return s === '' ? null : Number(s);
  return parseNumber(s);
}

function TargetsEditor({ pola, onSaved }: { pola: Pola; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const [draft, setDraft] = useState<Draft>(() => draftOf(pola));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [nothing, setNothing] = useState(false);
  useEffect(() => setDraft(draftOf(pola)), [pola]);
  const original = useMemo(() => draftOf(pola), [pola]);
  const show = (ind: ProgrammeIndicator, v: number | null) => f.value(ind.unit, v, t('rwpola.targets.yes'), t('rwpola.targets.no'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNothing(false);
    const changes: { indicator: string; year: number; value: number | null }[] = [];
    for (const ind of pola.programme.indicators) {
      for (const y of pola.years) {
        const k = draftKey(ind.key, y);
        if ((draft[k] ?? '') === (original[k] ?? '')) continue;
        const value = valueOfDraft(ind.unit, draft[k] ?? '');
        if (value !== null && Number.isNaN(value)) {
          setError(new Error(t('rwpola.targets.invalid', { indicator: ind.nameIt, year: y })));
          document.getElementById(`target-${ind.key}-${y}`)?.focus();
          return;
        }
        changes.push({ indicator: ind.key, year: y, value });
      }
    }
    if (!changes.length) {
      setNothing(true);
      return;
    }
    setBusy(true);
    try {
      await saveTargets(changes);
      onSaved(t('rwpola.targets.saved', { n: changes.length }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('rwpola.targets.intro')}</p>
      {DIMENSIONS.map((dim) => {
        const items = pola.programme.indicators.filter((x) => x.dimension === dim);
        if (!items.length) return null;
        const caption = t(`rwpola.dim.${dim}`);
        return (
          <ScrollTable key={dim} caption={caption}>
            <table className="table table-sm rwpola-targets">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rwpola.targets.indicator')}</th>
                  <th scope="col">{t('rwpola.targets.baseline')}</th>
                  {pola.years.map((y) => (
                    <th key={y} scope="col">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((ind) => (
                  <tr key={ind.key}>
                    <th scope="row" className="fw-normal">
                      <span lang="it">{ind.nameIt}</span>
                      <div className="form-text">{ind.source === 'live' ? t('rwpola.targets.live') : t('rwpola.targets.declared')}</div>
                    </th>
                    <td>{show(ind, ind.baseline) ?? t('rwpola.notMeasured')}</td>
                    {ind.targets.map((tg) => {
                      const k = draftKey(ind.key, tg.year);
                      const id = `target-${ind.key}-${tg.year}`;
                      const label = t('rwpola.targets.inputLabel', { indicator: ind.nameIt, year: tg.year });
                      const hint = tg.isDefault && tg.value !== null ? t('rwpola.targets.suggested', { value: show(ind, tg.value) ?? '' }) : null;
                      return (
                        <td key={tg.year}>
                          {ind.unit === 'boolean' ? (
                            <select id={id} className="form-select form-select-sm" aria-label={label} value={draft[k] ?? ''} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}>
                              <option value="">{t('rwpola.targets.unset')}</option>
                              <option value="1">{t('rwpola.targets.yes')}</option>
                              <option value="0">{t('rwpola.targets.no')}</option>
                            </select>
                          ) : (
                            <input
                              id={id}
                              className="form-control form-control-sm"
                              inputMode="decimal"
                              aria-label={ind.unit === 'cents' ? `${label} (${t('rwpola.targets.euro')})` : `${label} (%)`}
                              aria-describedby={hint ? `${id}-hint` : undefined}
                              value={draft[k] ?? ''}
                              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                            />
                          )}
                          {hint && (
                            <div id={`${id}-hint`} className="form-text">
                              {hint}
                            </div>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        );
      })}
      <ProblemAlert error={error instanceof ApiError ? error : null} />
      {error instanceof Error && !(error instanceof ApiError) && (
        <div className="alert alert-danger" role="alert">
          {error.message}
        </div>
      )}
      {nothing && <p role="status">{t('rwpola.targets.nothing')}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('form.saving') : t('rwpola.targets.save')}
      </button>
    </form>
  );
}

// ------------------------------------------------------------------------------------------ declarations

type DeclDraft = Record<keyof Declarations, string>;
const BOOL_FIELDS = ['vpn', 'intranet', 'collaborationTools', 'helpdesk'] as const;
const INT_FIELDS = ['devicesProvided', 'digitalSignatureHolders'] as const;
const PERCENT_FIELDS = ['remoteAppsPercent', 'digitisedProcessesPercent', 'managersTrainedPercent', 'workersTrainedPercent'] as const;
const CENT_FIELDS = ['trainingCostCents', 'hardwareInvestmentCents', 'digitisationInvestmentCents'] as const;

function declDraftOf(d: Declarations): DeclDraft {
  const out = {} as DeclDraft;
  for (const k of BOOL_FIELDS) out[k] = d[k] === null ? '' : d[k] ? '1' : '0';
  for (const k of [...INT_FIELDS, ...PERCENT_FIELDS]) out[k] = d[k] === null ? '' : String(d[k]);
  for (const k of CENT_FIELDS) out[k] = centsToEuro(d[k]);
  out.toolsNote = d.toolsNote;
  return out;
}

function DeclarationsForm({ pola, onSaved }: { pola: Pola; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DeclDraft>(() => declDraftOf(pola.declarations));
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(declDraftOf(pola.declarations)), [pola]);
  const fieldErrors = { ...(error instanceof ApiError ? error.fieldErrors() : {}), ...local };
  const set = (k: keyof Declarations) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    const body = { toolsNote: draft.toolsNote } as Declarations;
    for (const k of BOOL_FIELDS) body[k] = draft[k] === '' ? null : draft[k] === '1';
    for (const k of INT_FIELDS) {
      const n = parseNumber(draft[k]);
      if (n !== null && (Number.isNaN(n) || !Number.isInteger(n) || n < 0)) errs[k] = t('rwpola.decl.invalid');
      body[k] = n;
    }
    for (const k of PERCENT_FIELDS) {
      const n = parseNumber(draft[k]);
      if (n !== null && (Number.isNaN(n) || n < 0 || n > 100)) errs[k] = t('rwpola.decl.invalid');
      body[k] = n;
    }
    for (const k of CENT_FIELDS) {
      const n = euroToCents(draft[k]);
      if (n !== null && (Number.isNaN(n) || n < 0)) errs[k] = t('rwpola.decl.invalid');
      body[k] = n;
    }
    setLocal(errs);
    const first = Object.keys(errs)[0];
    if (first) {
      document.getElementById(`decl-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await saveDeclarations(body);
      onSaved(t('rwpola.decl.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const bool = (k: (typeof BOOL_FIELDS)[number]) => (
    <SelectField id={`decl-${k}`} label={t(`rwpola.decl.${k}`)} value={draft[k]} onChange={set(k)} error={fieldErrors[k]}>
      <option value="">{t('rwpola.decl.notDeclared')}</option>
      <option value="1">{t('rwpola.targets.yes')}</option>
      <option value="0">{t('rwpola.targets.no')}</option>
    </SelectField>
  );
  const num = (k: keyof Declarations, label: string) => (
    <TextField id={`decl-${k}`} label={label} inputMode="decimal" value={draft[k]} onChange={set(k)} error={fieldErrors[k]} help={t('rwpola.decl.emptyHelp')} />
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('rwpola.decl.intro')}</p>
      <fieldset className="rwpola-fieldset">
        <legend>{t('rwpola.decl.digital')}</legend>
        <div className="row">
          <div className="col-md-6">{num('devicesProvided', t('rwpola.decl.devicesProvided'))}</div>
          <div className="col-md-6">{bool('vpn')}</div>
          <div className="col-md-6">{bool('intranet')}</div>
          <div className="col-md-6">{bool('collaborationTools')}</div>
          <div className="col-12">
            <TextField id="decl-toolsNote" label={t('rwpola.decl.toolsNote')} help={t('rwpola.decl.toolsNoteHelp')} maxLength={1000} value={draft.toolsNote} onChange={set('toolsNote')} error={fieldErrors.toolsNote} />
          </div>
          <div className="col-md-6">{num('remoteAppsPercent', t('rwpola.decl.remoteAppsPercent'))}</div>
          <div className="col-md-6">{num('digitalSignatureHolders', t('rwpola.decl.digitalSignatureHolders'))}</div>
          <div className="col-md-6">{num('digitisedProcessesPercent', t('rwpola.decl.digitisedProcessesPercent'))}</div>
        </div>
      </fieldset>
      <fieldset className="rwpola-fieldset">
        <legend>{t('rwpola.decl.professional')}</legend>
        <div className="row">
          <div className="col-md-6">{bool('helpdesk')}</div>
          <div className="col-md-6">{num('managersTrainedPercent', t('rwpola.decl.managersTrainedPercent'))}</div>
          <div className="col-md-6">{num('workersTrainedPercent', t('rwpola.decl.workersTrainedPercent'))}</div>
        </div>
      </fieldset>
      <fieldset className="rwpola-fieldset">
        <legend>{t('rwpola.decl.economic')}</legend>
        <div className="row">
          <div className="col-md-6">{num('trainingCostCents', t('rwpola.decl.trainingCost'))}</div>
          <div className="col-md-6">{num('hardwareInvestmentCents', t('rwpola.decl.hardwareInvestment'))}</div>
          <div className="col-md-6">{num('digitisationInvestmentCents', t('rwpola.decl.digitisationInvestment'))}</div>
        </div>
      </fieldset>
      <ProblemAlert error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('form.saving') : t('rwpola.decl.save')}
      </button>
    </form>
  );
}

// ------------------------------------------------------------------------------------------ settings

function SettingsForm({ pola, onSaved }: { pola: Pola; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const radio = useId().replace(/:/g, '');
  const [firstYear, setFirstYear] = useState(String(pola.settings.firstYear));
  const [form, setForm] = useState<'auto' | 'simplified' | 'ordinary'>(pola.settings.simplifiedOverride === null ? 'auto' : pola.settings.simplifiedOverride ? 'simplified' : 'ordinary');
  const [notes, setNotes] = useState(pola.settings.notes);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await saveSettings({ firstYear: Number(firstYear), simplifiedOverride: form === 'auto' ? null : form === 'simplified', notes });
      onSaved(t('rwpola.settings.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField id="pola-first-year" label={t('rwpola.settings.firstYear')} inputMode="numeric" value={firstYear} onChange={(e) => setFirstYear(e.target.value)} error={fieldErrors.firstYear} />
      <fieldset className="mb-4">
        <legend className="field-label fs-6">{t('rwpola.settings.form')}</legend>
        {(['auto', 'simplified', 'ordinary'] as const).map((v) => (
          <div className="form-check my-1" key={v}>
            <input type="radio" id={`${radio}-${v}`} name={`${radio}-form`} checked={form === v} onChange={() => setForm(v)} />
            <label htmlFor={`${radio}-${v}`}>
              {v === 'auto'
                ? t('rwpola.settings.form.auto', { n: pola.simplified.threshold, current: pola.simplified.automatic ? t('rwpola.form.simplified', { n: pola.simplified.threshold }) : t('rwpola.form.ordinary') })
                : t(`rwpola.settings.form.${v}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="field-label fs-6">{t('rwpola.settings.notes')}</legend>
        <p className="form-text">{t('rwpola.settings.notesHelp')}</p>
        {NOTE_SECTIONS.map((s) => (
          <div className="field mb-3" key={s}>
            <label htmlFor={`pola-note-${s}`} className="field-label">
              {t(`rwpola.settings.note.${s}`)}
            </label>
            <textarea id={`pola-note-${s}`} className="form-control" rows={3} maxLength={4000} value={notes[s] ?? ''} onChange={(e) => setNotes({ ...notes, [s]: e.target.value })} />
          </div>
        ))}
      </fieldset>
      <ProblemAlert error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('form.saving') : t('rwpola.settings.save')}
      </button>
    </form>
  );
}

// ------------------------------------------------------------------------------------------ page

export default function PolaPage() {
  const { t } = useI18n();
  const f = useFormat();
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const allowed = hasRole('hr_manager', 'body_admin');
  const q = usePola(allowed);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = async (msg: string) => {
    await qc.invalidateQueries({ queryKey: polaKey });
    setNotice(msg);
    document.getElementById('pola-notice')?.focus();
  };

  if (!allowed) {
    return (
      <>
        <PageTitle>{t('rwpola.title')}</PageTitle>
        <p>{t('rwpola.forbidden')}</p>
      </>
    );
  }
  const p = q.data;
  return (
    <>
      <PageTitle>{t('rwpola.title')}</PageTitle>
      <p className="lead">{t('rwpola.intro')}</p>
      {q.isPending && <Loading />}
      <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />
      <div id="pola-notice" tabIndex={-1}>
        <SuccessNotice>{notice}</SuccessNotice>
      </div>
      {p && (
        <>
          <p data-testid="pola-summary">
            {t('rwpola.summary', {
              body: p.organizationName,
              from: p.years[0],
              to: p.years[p.years.length - 1],
              headcount: f.number(p.headcount),
              share: f.percent(p.implementation.summary.agreementSharePercent) ?? t('rwpola.notMeasured'),
              target: f.percent(p.implementation.targetPercent) ?? '',
            })}
          </p>
          <p>
            <strong>{p.simplified.applied ? t('rwpola.form.simplified', { n: p.simplified.threshold }) : t('rwpola.form.ordinary')}</strong>
            {' — '}
            {p.simplified.override === null ? t('rwpola.form.automatic') : t('rwpola.form.chosen')}
          </p>
          <div className="d-flex flex-wrap gap-2 mb-2">
            <a className="btn btn-primary" href={documentUrl('docx')} download>
              {t('rwpola.download.docx')}
            </a>
            <a className="btn btn-outline-primary" href={documentUrl('pdf')} download>
              {t('rwpola.download.pdf')}
            </a>
          </div>
          <p className="form-text">{t('rwpola.download.note')}</p>
          <nav className="rwpola-nav" aria-label={t('rwpola.nav.label')}>
            <ul>
              <li>
                <a href="#pola-preview">{t('rwpola.nav.preview')}</a>
              </li>
              <li>
                <a href="#pola-targets">{t('rwpola.nav.targets')}</a>
              </li>
              <li>
                <a href="#pola-declarations">{t('rwpola.nav.declarations')}</a>
              </li>
              <li>
                <a href="#pola-settings">{t('rwpola.nav.settings')}</a>
              </li>
            </ul>
          </nav>
          <section aria-labelledby="pola-preview" className="mb-5">
            <h2 id="pola-preview" tabIndex={-1}>
              {t('rwpola.preview.title')}
            </h2>
            <p className="form-text">{t('rwpola.preview.italian')}</p>
            <DocumentPreview doc={p.document} />
          </section>
          <section aria-labelledby="pola-targets" className="mb-5">
            <h2 id="pola-targets" tabIndex={-1}>
              {t('rwpola.targets.title')}
            </h2>
            <TargetsEditor pola={p} onSaved={(m) => void saved(m)} />
          </section>
          <section aria-labelledby="pola-declarations" className="mb-5">
            <h2 id="pola-declarations" tabIndex={-1}>
              {t('rwpola.decl.title')}
            </h2>
            <DeclarationsForm pola={p} onSaved={(m) => void saved(m)} />
          </section>
          <section aria-labelledby="pola-settings" className="mb-5">
            <h2 id="pola-settings" tabIndex={-1}>
              {t('rwpola.settings.title')}
            </h2>
            <SettingsForm key={p.settings.updatedAt ?? 'new'} pola={p} onSaved={(m) => void saved(m)} />
          </section>
        </>
      )}
    </>
  );
}
