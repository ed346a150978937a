/**
 * The member bodies that may book a platform: a search of the directory (name, ISTAT or IPA code,
 * province sigla) whose results are checkboxes, "add all the results" for a whole province, and
 * the bodies chosen, ten at a time, each with a button that takes it away. Names of bodies added
 * earlier are read from the directory only for the page on screen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import type { OrganizationSummary } from '../../api/types';
import { useDebounced } from '../../components/useDebounced';
import { useOrganizationNames } from './api';
import { MAX_MEMBERS, type FormMessage } from './platform-form';

const RESULTS = 10;
const CHOSEN_PAGE = 10;

export function MemberPicker({
  value,
  onChange,
  error,
  errorText,
  focusRef,
}: {
  value: string[];
  onChange(ids: string[]): void;
  error?: FormMessage;
  /** A refusal of the API shown as it came (when it has no message of ours). */
  errorText?: string;
  focusRef?: (el: HTMLElement | null) => void;
}) {
  const { t, kindLabel } = useI18n();
  const id = `mp${useId().replace(/:/g, '')}`;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [chosenPage, setChosenPage] = useState(1);
  const [said, setSaid] = useState('');
  const [adding, setAdding] = useState(false);
  const known = useRef(new Map<string, string>());
  const chosenHeading = useRef<HTMLHeadingElement>(null);
  const removeRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const term = useDebounced(q.trim(), 300);
  useEffect(() => setPage(1), [term]);

  const search = useQuery({
    queryKey: ['organizations', 'member-search', term, page],
    queryFn: ({ signal }) => call(http.GET('/api/v1/organizations', { params: { query: { q: term, page, pageSize: RESULTS } }, signal })),
    enabled: term.length >= 2,
    staleTime: 60_000,
  });
  for (const o of search.data?.items ?? []) known.current.set(o.id, o.name);

  const chosen = value;
  const pages = Math.max(1, Math.ceil(chosen.length / CHOSEN_PAGE));
  const current = Math.min(chosenPage, pages);
  const visible = chosen.slice((current - 1) * CHOSEN_PAGE, current * CHOSEN_PAGE);
  const fetched = useOrganizationNames(visible.filter((v) => !known.current.has(v)));
  const nameOf = (oid: string) => known.current.get(oid) ?? fetched[oid] ?? t('conf.pf.members.loadingName');

  useEffect(() => {
    if (!focusAfter) return;
    if (focusAfter === 'heading') chosenHeading.current?.focus();
    else removeRefs.current[focusAfter]?.focus();
    setFocusAfter(null);
  }, [focusAfter, visible]);

  const toggle = (o: OrganizationSummary, on: boolean) => {
    known.current.set(o.id, o.name);
    if (on) {
      if (!chosen.includes(o.id)) onChange([...chosen, o.id]);
      setSaid(t('conf.pf.members.added', { name: o.name }));
    } else {
      onChange(chosen.filter((x) => x !== o.id));
      setSaid(t('conf.pf.members.removed', { name: o.name }));
    }
  };

  const remove = (oid: string) => {
    const i = visible.indexOf(oid);
    const next = visible[i + 1] ?? visible[i - 1] ?? null;
    const name = nameOf(oid);
    onChange(chosen.filter((x) => x !== oid));
    setSaid(t('conf.pf.members.removed', { name }));
    setFocusAfter(next ?? 'heading');
  };

  const total = search.data?.total ?? 0;
  const addAll = async () => {
    setAdding(true);
    try {
      const all: OrganizationSummary[] = [];
      for (let p = 1; all.length < total && p <= Math.ceil(MAX_MEMBERS / 100); p++) {
        const r = await call(http.GET('/api/v1/organizations', { params: { query: { q: term, page: p, pageSize: 100 } } }));
        all.push(...r.items);
        if (r.items.length < 100) break;
      }
      for (const o of all) known.current.set(o.id, o.name);
      const before = new Set(chosen);
      const fresh = all.filter((o) => !before.has(o.id));
      onChange([...chosen, ...fresh.map((o) => o.id)]);
      setSaid(t('conf.pf.members.addedAll', { n: fresh.length }));
    } catch {
      setSaid(t('conf.pf.members.addAllFailed'));
    } finally {
      setAdding(false);
    }
  };

  const results = search.data?.items ?? [];
  const resultPages = Math.max(1, Math.ceil(total / RESULTS));
  const errorMessage = error ? t(error.key, error.vars) : errorText;
  return (
    <fieldset className="conf-members mb-4" aria-describedby={`${id}-help${errorMessage ? ` ${id}-error` : ''}`}>
      <legend className="field-label fs-6">{t('conf.pf.members.legend')}</legend>
      <p id={`${id}-help`} className="form-text mt-0">
        {t('conf.pf.members.help')}
      </p>
      {errorMessage && (
        <div id={`${id}-error`} className="field-error mb-2">
          {errorMessage}
        </div>
      )}
      <div className="field mb-2">
        <label htmlFor={`${id}-q`} className="field-label">
          {t('conf.pf.members.search')}
        </label>
        <input
          ref={focusRef}
          id={`${id}-q`}
          type="search"
          className="form-control"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          aria-describedby={`${id}-qhelp`}
          maxLength={100}
        />
        <div id={`${id}-qhelp`} className="form-text">
          {t('conf.pf.members.searchHelp')}
        </div>
      </div>
      <div aria-live="polite" className="mb-1" data-testid="member-search-count">
        {term.length >= 2 && search.isSuccess && (total ? t('conf.pf.members.found', { n: total }) : t('conf.pf.members.none'))}
        {term.length >= 2 && search.isError && t('conf.pf.members.searchFailed')}
      </div>
      {results.length > 0 && (
        <>
          <ul className="conf-member-results list-unstyled">
            {results.map((o) => (
              <li key={o.id} className="form-check my-1">
                <input type="checkbox" id={`${id}-r-${o.id}`} checked={chosen.includes(o.id)} onChange={(e) => toggle(o, e.target.checked)} />
                <label htmlFor={`${id}-r-${o.id}`}>
                  {o.name}
                  <span className="form-text ms-1">
                    ({kindLabel(o.kind)}
                    {o.provinceCode ? `, ${o.provinceCode}` : ''})
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="d-flex flex-wrap gap-2 align-items-center mb-3">
            {resultPages > 1 && (
              <>
                <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('conf.pf.members.prevResults')}
                </button>
                <span>{t('pager.status', { page, pages: resultPages })}</span>
                <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= resultPages} onClick={() => setPage(page + 1)}>
                  {t('conf.pf.members.nextResults')}
                </button>
              </>
            )}
            {total > 1 && total + chosen.length <= MAX_MEMBERS && (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void addAll()} disabled={adding}>
                {adding ? t('conf.pf.members.adding') : t('conf.pf.members.addAll', { n: total })}
              </button>
            )}
          </div>
        </>
      )}
      <h3 ref={chosenHeading} tabIndex={-1} className="h6 mt-3" id={`${id}-chosen`}>
        {t('conf.pf.members.chosen', { n: chosen.length })}
      </h3>
      {chosen.length === 0 ? (
        <p className="form-text">{t('conf.pf.members.noneChosen')}</p>
      ) : (
        <>
          <ul className="conf-member-chosen list-unstyled" aria-labelledby={`${id}-chosen`} data-testid="members-chosen">
            {visible.map((oid) => (
              <li key={oid}>
                <span>{nameOf(oid)}</span>
                <button
                  ref={(el) => {
                    removeRefs.current[oid] = el;
                  }}
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => remove(oid)}
                >
                  {t('conf.pf.members.remove')}
                  <span className="visually-hidden"> — {nameOf(oid)}</span>
                </button>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <div className="d-flex flex-wrap gap-2 align-items-center">
              <button type="button" className="btn btn-outline-primary btn-sm" disabled={current <= 1} onClick={() => setChosenPage(current - 1)}>
                {t('conf.pf.members.prevChosen')}
              </button>
              <span>{t('pager.status', { page: current, pages })}</span>
              <button type="button" className="btn btn-outline-primary btn-sm" disabled={current >= pages} onClick={() => setChosenPage(current + 1)}>
                {t('conf.pf.members.nextChosen')}
              </button>
            </div>
          )}
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
