/**
 * The operator registers a platform ("Nuova piattaforma") or changes one ("Modifica
 * piattaforma"): name and capacity, who may book (member bodies, a territory, everyone), the
 * booking rules, opening hours per weekday, holidays, approval, and the meeting link or the video
 * system. Secrets of the video system are write-only: the page says "impostato" and offers to
 * change them, never shows them. The API's refusals are shown next to their field in plain words
 * (a lower capacity under the bookings already made lists where they would not fit). Only the
 * operator body's provider staff and platform administrators see these pages' actions, as the
 * API allows.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { ApiError, call, http, NetworkError } from '../../api/client';
import { useSession } from '../../api/session';
import { Loading, PageTitle } from '../../components/Page';
import { ProblemAlert, SuccessNotice } from '../../components/Problem';
import { SelectField, TextField } from '../../components/Field';
import { keys, newIdempotencyKey, usePlatform, usePlatformVideo } from './api';
import { ArchiveSection } from './ArchiveSection';
import { ConferencingNav, useMayManage, useMayRegister } from './ConferencingNav';
import { useFormats } from './format';
import { useConferencingLabels } from './labels';
import { MemberPicker } from './MemberPicker';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import {
  ACCESS,
  createPlatformBody,
  emptyPlatformForm,
  emptyVideoForm,
  fieldOfCode,
  firstErrorField,
  formFieldOf,
  platformFormErrors,
  platformFormOf,
  platformSettingsBody,
  PLATFORMS_HOME,
  TERRITORY_KINDS,
  videoFormErrors,
  videoSettingsBody,
  type FormErrors,
  type PlatformForm,
  type TerritoryKind,
  type VideoForm,
} from './platform-form';
import { TerritoryPicker, useBodiesOfKind } from './TerritoryPicker';
import type { CapacityShortfall, Platform } from './types';
import { VideoFields } from './VideoFields';
import { romeParts } from './rome-time';

/** What the API said about a submission, sorted for the form: by field, the capacity's places, or for the page. */
export interface Refusal {
  fields: Record<string, string>;
  shortfall: { capacity: number; peakUsed: number; overflows: CapacityShortfall[] } | null;
  page: unknown;
}

export function refusalOf(err: unknown, title: (e: unknown) => string | null, lang: string): Refusal {
  const out: Refusal = { fields: {}, shortfall: null, page: null };
  if (!(err instanceof ApiError)) {
    out.page = err;
    return out;
  }
  for (const [k, m] of Object.entries(err.fieldErrors())) {
    const f = formFieldOf(k);
    if (f && !out.fields[f]) out.fields[f] = m;
  }
  const code = err.problem?.code;
  const field = fieldOfCode(code);
  if (code === 'platform.capacity_below_bookings') {
    const p = err.problem as unknown as { capacity: number; peakUsed: number; overflows?: CapacityShortfall[] };
    out.shortfall = { capacity: p.capacity, peakUsed: p.peakUsed, overflows: p.overflows ?? [] };
  } else if (field) {
    const detail = err.problem?.detail;
    // the API's details are Italian: add them to our title only in Italian
    out.fields[field] = [title(err), lang === 'it' && detail && detail !== err.problem?.title ? detail : ''].filter(Boolean).join(' ');
  }
  if (!field && Object.keys(out.fields).length === 0) out.page = err;
  return out;
}

/** The capacity's refusal: how many are booked at most, and where the new capacity would not hold them. */
function Shortfall({ id, shortfall }: { id: string; shortfall: NonNullable<Refusal['shortfall']> }) {
  const { t } = useI18n();
  const f = useFormats();
  const shown = shortfall.overflows.slice(0, 10);
  return (
    <div id={id} className="field-error conf-shortfall" data-testid="capacity-refusal">
      <p className="mb-1">
        {t('conf.pf.capacity.below', { capacity: f.number(shortfall.capacity), peak: f.number(shortfall.peakUsed) })}
      </p>
      <ul className="mb-1">
        {shown.map((o) => (
          <li key={o.start}>
            {t('conf.pf.capacity.where', { range: f.range(o.start, o.end), used: f.number(o.used), excess: f.number(o.excess) })}
          </li>
        ))}
      </ul>
      {shortfall.overflows.length > shown.length && <p className="mb-1">{t('conf.pf.capacity.more', { n: shortfall.overflows.length - shown.length })}</p>}
    </div>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="conf-form-section" aria-labelledby={id}>
      <h2 id={id} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The operator choice of a platform administrator: every provider and association. */
function OperatorField({ value, onChange, error, inputRef }: { value: string; onChange(v: string): void; error?: string; inputRef: (el: HTMLSelectElement | null) => void }) {
  const { t } = useI18n();
  const providers = useBodiesOfKind('provider');
  const associations = useBodiesOfKind('association');
  const all = [...(providers.data ?? []), ...(associations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it'));
  return (
    <SelectField ref={inputRef} label={t('conf.pf.operator')} help={t('conf.pf.operatorHelp')} value={value} onChange={(e) => onChange(e.target.value)} error={error} required>
      <option value="">{providers.isPending || associations.isPending ? t('app.loading') : t('conf.pf.operatorChoose')}</option>
      {all.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The booking rules' fields: the form's key, the API's name (for the field's ref and its errors),
 * the texts and what the input accepts.
 */
const RULE_FIELDS = [
  { key: 'minNoticeDays', name: 'minNoticeDays', label: 'conf.pf.notice', help: 'conf.pf.noticeHelp', input: { type: 'number', inputMode: 'numeric', min: 0, max: 365 } },
  { key: 'maxHorizonDays', name: 'maxHorizonDays', label: 'conf.pf.horizon', help: 'conf.pf.horizonHelp', input: { type: 'number', inputMode: 'numeric', min: 1, max: 1000 } },
  { key: 'maxDurationHours', name: 'maxDuration', label: 'conf.pf.duration', help: 'conf.pf.durationHelp', input: { inputMode: 'decimal', maxLength: 6 } },
] as const satisfies readonly { key: keyof PlatformForm; name: string; label: MessageKey; help: MessageKey; input: InputHTMLAttributes<HTMLInputElement> }[];

/** A checkbox with its label and, below, the help text the box points to. */
function CheckOption({ id, label, help, checked, onChange }: { id: string; label: string; help: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="form-check my-2">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-help`} />
      <label htmlFor={id}>{label}</label>
      <div id={`${id}-help`} className="form-text ms-4">
        {help}
      </div>
    </div>
  );
}

/** The fields of the booking settings, shared by the new and the edit page. */
function PlatformFields({
  form,
  setForm,
  errors,
  refusal,
  refs,
  chooseOperator,
}: {
  form: PlatformForm;
  setForm(update: (f: PlatformForm) => PlatformForm): void;
  errors: FormErrors;
  refusal: Refusal;
  refs: (name: string) => (el: HTMLElement | null) => void;
  chooseOperator: boolean;
}) {
  const { t } = useI18n();
  const id = `pf${useId().replace(/:/g, '')}`;
  const msg = (k: string) => (errors[k] ? t(errors[k].key, errors[k].vars) : refusal.fields[k]);
  const set = (k: keyof PlatformForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const capacityError = msg('capacity') ?? (refusal.shortfall ? t('conf.error.platform.capacity_below_bookings') : undefined);
  const noticeDays = Number(form.minNoticeDays);
  return (
    <>
      <Section id={`${id}-about`} title={t('conf.pf.section.about')}>
        {chooseOperator && <OperatorField value={form.operatorId} onChange={(v) => setForm((f) => ({ ...f, operatorId: v }))} error={msg('operator')} inputRef={refs('operator')} />}
        <TextField ref={refs('name')} label={t('conf.pf.name')} help={t('conf.pf.nameHelp')} value={form.name} onChange={set('name')} error={msg('name')} required maxLength={200} />
        <TextField
          ref={refs('capacity')}
          id={`${id}-capacity`}
          label={t('conf.pf.capacity')}
          help={t('conf.pf.capacityHelp')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          value={form.capacity}
          onChange={set('capacity')}
          error={capacityError}
          required
          aria-describedby={[capacityError ? `${id}-capacity-error` : '', refusal.shortfall ? `${id}-capacity-shortfall` : '', `${id}-capacity-help`].filter(Boolean).join(' ')}
        />
        {refusal.shortfall && <Shortfall id={`${id}-capacity-shortfall`} shortfall={refusal.shortfall} />}
      </Section>

      <Section id={`${id}-access`} title={t('conf.pf.section.access')}>
        <fieldset className="mb-3" aria-describedby={`${id}-access-help`}>
          <legend className="field-label fs-6">{t('conf.pf.access')}</legend>
          {ACCESS.map((a) => (
            <div key={a} className="form-check my-1">
              <input
                ref={a === form.access ? refs('access') : undefined}
                type="radio"
                id={`${id}-access-${a}`}
                name={`${id}-access`}
                value={a}
                checked={form.access === a}
                onChange={() => setForm((f) => ({ ...f, access: a }))}
              />
              <label htmlFor={`${id}-access-${a}`}>{t(`conf.pf.access.${a}` as MessageKey)}</label>
            </div>
          ))}
          <div id={`${id}-access-help`} className="form-text">
            {t('conf.pf.accessHelp')}
          </div>
          {msg('access') && <div className="field-error">{msg('access')}</div>}
        </fieldset>
        {form.access === 'members' && (
          <MemberPicker
            value={form.memberIds}
            onChange={(ids) => setForm((f) => ({ ...f, memberIds: ids }))}
            error={errors.members}
            errorText={refusal.fields.members}
            focusRef={refs('members')}
          />
        )}
        {form.access === 'territory' && (
          <TerritoryPicker
            kind={form.territoryKind}
            territoryId={form.territoryId}
            onChange={(n) => setForm((f) => ({ ...f, territoryKind: n.kind, territoryId: n.territoryId }))}
            error={errors.territory}
            errorText={refusal.fields.territory}
            focusRef={refs('territory')}
          />
        )}
      </Section>

      <Section id={`${id}-rules`} title={t('conf.pf.section.rules')}>
        <div className="conf-form-grid">
          {RULE_FIELDS.map((r) => (
            <TextField key={r.name} ref={refs(r.name)} label={t(r.label)} help={t(r.help)} value={form[r.key]} onChange={set(r.key)} error={msg(r.name)} required {...r.input} />
          ))}
        </div>
        <p className="form-text mt-0" aria-live="polite" data-testid="notice-meaning">
          {Number.isInteger(noticeDays) && form.minNoticeDays.trim() !== ''
            ? noticeDays === 0
              ? t('conf.pf.noticeMeans0')
              : noticeDays === 1
                ? t('conf.pf.noticeMeans1')
                : t('conf.pf.noticeMeansN', { days: noticeDays })
            : ''}
        </p>
        <CheckOption id={`${id}-holidays`} label={t('conf.pf.holidays')} help={t('conf.pf.holidaysHelp')} checked={form.openOnHolidays} onChange={(v) => setForm((f) => ({ ...f, openOnHolidays: v }))} />
        <CheckOption id={`${id}-approval`} label={t('conf.pf.approval')} help={t('conf.pf.approvalHelp')} checked={form.requiresApproval} onChange={(v) => setForm((f) => ({ ...f, requiresApproval: v }))} />
      </Section>

      <Section id={`${id}-hours`} title={t('conf.pf.section.hours')}>
        <div
          ref={refs('hours')}
          tabIndex={-1}
          className="conf-hours-focus"
        >
          <OpeningHoursEditor
            value={form.hours}
            onChange={(h) => setForm((f) => ({ ...f, hours: h }))}
            errors={{
              ...Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('hours'))),
              ...Object.fromEntries(
                Object.entries(refusal.fields)
                  .filter(([k]) => k.startsWith('hours') && !errors[k])
                  .map(([k, v]) => [k, { key: 'conf.pf.err.server' as MessageKey, vars: { message: v } }]),
              ),
            }}
            idPrefix={`${id}-h`}
          />
        </div>
      </Section>

      <Section id={`${id}-link`} title={t('conf.pf.section.link')}>
        <TextField ref={refs('link')} label={t('conf.pf.link')} help={t('conf.pf.linkHelp')} type="url" value={form.link} onChange={set('link')} error={msg('link')} maxLength={500} spellCheck={false} />
      </Section>
    </>
  );
}

/** Refs of the form's controls by field name, to move the focus to the first problem. */
function useFieldRefs() {
  const els = useRef<Record<string, HTMLElement | null>>({});
  const cache = useRef<Record<string, (el: HTMLElement | null) => void>>({});
  const refs = useCallback(
    (name: string) =>
      (cache.current[name] ??= (el: HTMLElement | null) => {
        els.current[name] = el;
      }),
    [],
  );
  const focus = useCallback((name: string | null) => {
    if (!name) return;
    const day = /^hours\.([1-7])/.exec(name);
    const el =
      els.current[name] ??
      (day ? document.querySelector<HTMLElement>(`[data-testid="hours-day-${day[1]}"] input, [data-testid="hours-day-${day[1]}"] button`) : null) ??
      (name.startsWith('hours') ? els.current.hours : null);
    el?.focus();
  }, []);
  return { refs, focus };
}

function NotAllowed({ children }: { children: ReactNode }) {
  return (
    <div className="callout note my-4">
      <div className="callout-inner">
        <p className="mb-0">{children}</p>
      </div>
    </div>
  );
}

const noRefusal = (): Refusal => ({ fields: {}, shortfall: null, page: null });

/**
 * A form's submission, the same for a new platform, its settings and its video system: the errors
 * found here, the API's refusal, one request at a time, and the focus on the first problem (or on
 * the page's error, where `pageError` is placed, when no field is to blame).
 */
function useSubmission() {
  const { lang } = useI18n();
  const { problemTitle } = useConferencingLabels();
  const [errors, setErrors] = useState<FormErrors>({});
  const [refusal, setRefusal] = useState<Refusal>(noRefusal);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const pageError = useRef<HTMLDivElement>(null);
  const { refs, focus } = useFieldRefs();
  useEffect(() => {
    if (refusal.page) pageError.current?.focus();
  }, [refusal]);
  const clear = () => {
    setErrors({});
    setRefusal(noRefusal());
  };
  /** Shows `errs`, or, when there are none, sends; a refusal is sorted by field (`onError` sees it first). */
  const submit = async (errs: FormErrors, send: () => Promise<void>, onError?: (err: unknown) => void) => {
    if (inFlight.current) return;
    setErrors(errs);
    setRefusal(noRefusal());
    if (Object.keys(errs).length) return focus(firstErrorField(errs));
    inFlight.current = true;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      onError?.(err);
      const r = refusalOf(err, problemTitle, lang);
      setRefusal(r);
      focus(firstErrorField({ ...r.fields, ...(r.shortfall ? { capacity: 1 } : {}) }));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { errors, refusal, busy, pageError, refs, focus, clear, submit };
}

/** A success message that takes the focus when it appears, so that a screen reader reads it. */
function FocusedNotice({ notice }: { notice: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      <SuccessNotice>{notice}</SuccessNotice>
    </div>
  );
}

/** The end of a platform form: the page's error, the call to check the fields, then `children` and the buttons. */
function FormEnd({ submission, submitLabel, backLabel, children }: { submission: ReturnType<typeof useSubmission>; submitLabel: string; backLabel: string; children?: ReactNode }) {
  const { t } = useI18n();
  const { errors, refusal, busy, pageError } = submission;
  return (
    <>
      <div ref={pageError} tabIndex={-1}>
        <ProblemAlert error={refusal.page} />
      </div>
      {Object.keys(errors).length + Object.keys(refusal.fields).length > 0 || refusal.shortfall ? (
        <p className="field-error" role="alert">
          {t('conf.pf.checkFields')}
        </p>
      ) : null}
      {children}
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('conf.form.submitting') : submitLabel}
        </button>
        <Link className="btn btn-outline-primary" to={PLATFORMS_HOME}>
          {backLabel}
        </Link>
      </div>
    </>
  );
}

/** /videoconferenze/gestione/piattaforme/nuova */
export function NewPlatformPage() {
  const { t } = useI18n();
  const { session, isPlatformAdmin } = useSession();
  const { mayRegister, loading } = useMayRegister();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const ownOrg = session?.organization?.id ?? '';
  const [form, setFormState] = useState<PlatformForm>(() => emptyPlatformForm(isPlatformAdmin ? '' : ownOrg));
  const [video, setVideo] = useState<VideoForm>(() => emptyVideoForm());
  const idempotency = useRef<{ key: string; payload: string } | null>(null);
  const submission = useSubmission();
  const { errors, refusal, refs } = submission;
  const setForm = (u: (f: PlatformForm) => PlatformForm) => setFormState(u);

  const title = t('conf.pf.newTitle');
  if (loading) return <Loading />;
  if (!mayRegister) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <ConferencingNav />
        <NotAllowed>{t('conf.pf.mayNotRegister')}</NotAllowed>
      </>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = { ...platformFormErrors(form, { needOperator: isPlatformAdmin }), ...videoFormErrors(video, { secretRequired: true }) };
    await submission.submit(
      errs,
      async () => {
        const body = createPlatformBody(form, video, { sendOperator: isPlatformAdmin });
        const payload = JSON.stringify(body);
        if (!idempotency.current || idempotency.current.payload !== payload) idempotency.current = { key: newIdempotencyKey(), payload };
        const created = await call(http.POST('/api/v1/conference-platforms', { body, headers: { 'Idempotency-Key': idempotency.current.key } }));
        idempotency.current = null;
        await qc.invalidateQueries({ queryKey: ['conferencing'] });
        navigate(PLATFORMS_HOME, { state: { notice: t('conf.pf.created', { name: created.name }) } });
      },
      // a refusal forgets the key; a lost answer keeps it, so that sending again cannot create twice
      (err) => {
        if (!(err instanceof NetworkError) && !(err instanceof ApiError && err.status >= 500)) idempotency.current = null;
      },
    );
  };

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ConferencingNav />
      <p>{t('conf.pf.newIntro')}</p>
      <form noValidate onSubmit={submit} className="conf-platform-form" aria-label={title}>
        <PlatformFields form={form} setForm={setForm} errors={errors} refusal={refusal} refs={refs} chooseOperator={isPlatformAdmin} />
        <section className="conf-form-section" aria-labelledby="pf-video-title">
          <h2 id="pf-video-title" className="h4">
            {t('conf.pf.section.video')}
          </h2>
          <VideoFields
            value={video}
            onChange={setVideo}
            errors={errors}
            serverErrors={refusal.fields}
            secretWasSet={false}
            refs={refs}
          />
        </section>
        <FormEnd submission={submission} submitLabel={t('conf.pf.create')} backLabel={t('conf.pf.cancel')} />
      </form>
    </>
  );
}

/** A term and its value in the video system's summary. */
function SummaryRow({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The video system of an existing platform: what is set (never a secret), and a form to change it. */
function VideoSection({ platform }: { platform: Platform }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const video = usePlatformVideo(platform.id);
  const [editing, setEditing] = useState<false | 'all' | 'secret'>(false);
  const [form, setForm] = useState<VideoForm>(() => emptyVideoForm(platform.videoSystem));
  const [notice, setNotice] = useState<string | null>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const submission = useSubmission();
  const { errors, refusal, busy, refs, focus } = submission;
  const v = video.data;
  const open = (what: 'all' | 'secret') => {
    if (!v) return;
    const base = {
      ...emptyVideoForm(v.videoSystem),
      jitsiDomain: v.jitsiDomain ?? '',
      jitsiAppId: v.jitsiAppId ?? '',
      bbbApiUrl: v.bbbApiUrl ?? '',
      bbbChecksum: v.bbbChecksum ?? 'sha256',
    };
    setForm(base);
    submission.clear();
    setNotice(null);
    setEditing(what);
  };
  const system = form.system;
  useEffect(() => {
    // when the form opens: the secret's field, or the choice of system
    if (editing === 'secret') focus(system === 'bbb' ? 'bbbSecret' : 'jitsiAppSecret');
    else if (editing === 'all') focus('videoSystem');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- not when the system changes while editing
  }, [editing, focus]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submission.submit(videoFormErrors(form, { secretRequired: true }), async () => {
      const body = { videoSystem: form.system, ...(form.system === 'none' ? {} : videoSettingsBody(form)) };
      await call(http.PUT('/api/v1/conference-platforms/{id}/video', { params: { path: { id: platform.id } }, body }));
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      setEditing(false);
      setForm(emptyVideoForm(form.system));
      setNotice(form.system === 'none' ? t('conf.pf.video.savedNone') : t('conf.pf.video.saved'));
    });
  };

  const secretRow = (label: string) => (
    <SummaryRow term={label} testId="video-secret">
      {v?.videoConfigured ? t('conf.pf.video.secretSet') : t('conf.pf.video.secretNotSet')}{' '}
      <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => open('secret')}>
        {t('conf.pf.video.change')}
        <span className="visually-hidden"> — {label}</span>
      </button>
    </SummaryRow>
  );

  return (
    <section className="conf-form-section" aria-labelledby="pf-video-edit-title">
      <h2 id="pf-video-edit-title" className="h4">
        {t('conf.pf.section.video')}
      </h2>
      {video.isPending && <Loading />}
      <ProblemAlert error={video.error} onRetry={() => void video.refetch()} />
      <FocusedNotice notice={notice} />
      {v && !editing && (
        <>
          <dl className="conf-video-summary" data-testid="video-summary">
            <SummaryRow term={t('conf.pf.video.system')}>{t(`conf.pf.video.${v.videoSystem}` as MessageKey)}</SummaryRow>
            {v.videoSystem === 'jitsi' && (
              <>
                <SummaryRow term={t('conf.pf.video.jitsiDomain')}>{v.jitsiDomain ?? '—'}</SummaryRow>
                <SummaryRow term={t('conf.pf.video.jitsiAppId')}>{v.jitsiAppId ?? '—'}</SummaryRow>
                {secretRow(t('conf.pf.video.jitsiAppSecret'))}
              </>
            )}
            {v.videoSystem === 'bbb' && (
              <>
                <SummaryRow term={t('conf.pf.video.bbbApiUrl')}>{v.bbbApiUrl ?? '—'}</SummaryRow>
                <SummaryRow term={t('conf.pf.video.bbbChecksum')}>{v.bbbChecksum ? v.bbbChecksum.toUpperCase().replace('SHA', 'SHA-') : '—'}</SummaryRow>
                {secretRow(t('conf.pf.video.bbbSecret'))}
              </>
            )}
            {v.videoSystem === 'none' && <SummaryRow term={t('conf.pf.link')}>{platform.link ?? t('conf.pf.video.noLink')}</SummaryRow>}
          </dl>
          {v.videoSystem !== 'none' && !v.videoConfigured && <p className="field-error">{t('conf.pf.video.notConfigured')}</p>}
          <button ref={changeRef} type="button" className="btn btn-outline-primary" onClick={() => open('all')}>
            {t('conf.pf.video.changeAll')}
          </button>
        </>
      )}
      {v && editing && (
        <form noValidate onSubmit={save} aria-labelledby="pf-video-edit-title">
          <p className="form-text">{t('conf.pf.video.replaceNote')}</p>
          <VideoFields
            value={form}
            onChange={setForm}
            errors={errors}
            serverErrors={refusal.fields}
            secretWasSet={v.videoConfigured && v.videoSystem === form.system}
            refs={refs}
          />
          <ProblemAlert error={refusal.page} />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('conf.form.submitting') : t('conf.pf.video.save')}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => {
                setEditing(false);
                setTimeout(() => changeRef.current?.focus(), 0);
              }}
            >
              {t('conf.pf.video.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The booking settings of an existing platform (PATCH). */
function EditPlatformForm({ platform, territoryKind }: { platform: Platform; territoryKind: TerritoryKind }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form, setFormState] = useState<PlatformForm>(() => platformFormOf(platform, territoryKind));
  const [notice, setNotice] = useState<string | null>(null);
  const submission = useSubmission();
  const { errors, refusal, refs } = submission;
  const setForm = (u: (f: PlatformForm) => PlatformForm) => {
    setFormState(u);
    setNotice(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    await submission.submit(platformFormErrors(form), async () => {
      const saved = await call(http.PATCH('/api/v1/conference-platforms/{id}', { params: { path: { id: platform.id } }, body: platformSettingsBody(form) }));
      qc.setQueryData(keys.platform(platform.id), saved);
      await qc.invalidateQueries({ queryKey: ['conferencing'] });
      setNotice(t('conf.pf.saved', { name: saved.name }));
    });
  };

  return (
    <form noValidate onSubmit={submit} className="conf-platform-form" aria-label={t('conf.pf.settingsForm')}>
      <PlatformFields form={form} setForm={setForm} errors={errors} refusal={refusal} refs={refs} chooseOperator={false} />
      <FormEnd submission={submission} submitLabel={t('conf.pf.save')} backLabel={t('conf.pf.back')}>
        <FocusedNotice notice={notice} />
      </FormEnd>
    </form>
  );
}

/** /videoconferenze/gestione/piattaforme/:id */
export function EditPlatformPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const f = useFormats();
  const location = useLocation();
  const mayManage = useMayManage();
  const platform = usePlatform(id);
  const p = platform.data;
  const territory = useQuery({
    queryKey: ['organization', p?.territoryId],
    queryFn: ({ signal }) => call(http.GET('/api/v1/organizations/{id}', { params: { path: { id: p!.territoryId! } }, signal })),
    enabled: !!p?.territoryId,
    staleTime: 5 * 60_000,
  });
  const title = p ? t('conf.pf.editTitle', { name: p.name }) : t('conf.pf.editTitleFallback');
  const notice = (location.state as { notice?: string } | null)?.notice;
  const kind: TerritoryKind = TERRITORY_KINDS.find((k) => k === territory.data?.kind) ?? 'region';
  const manage = !!p && mayManage(p);
  // the form starts once the territory's kind is known, and then stays (a save changes the platform, not the form)
  const [ready, setReady] = useState(false);
  const canStart = !!p && (!p.territoryId || !territory.isPending);
  useEffect(() => {
    if (canStart) setReady(true);
  }, [canStart]);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ConferencingNav />
      <SuccessNotice>{notice}</SuccessNotice>
      {(platform.isPending || (p && !ready)) && <Loading />}
      <ProblemAlert error={platform.error} onRetry={() => void platform.refetch()} />
      {p && !manage && <NotAllowed>{t('conf.pf.mayNotManage')}</NotAllowed>}
      {p && manage && p.archivedAt && (
        <NotAllowed>
          {t('conf.pf.archivedOn', { date: f.day(romeParts(p.archivedAt).date) })}{' '}
          <Link to={`/videoconferenze/piattaforme/${p.id}/utilizzo`}>{t('conf.platforms.usage')}</Link>
        </NotAllowed>
      )}
      {p && manage && !p.archivedAt && (ready || canStart) && (
        <>
          <p className="d-flex flex-wrap gap-3">
            <Link to={`/videoconferenze/piattaforme/${p.id}`}>{t('conf.platforms.calendar')}</Link>
            <Link to={`/videoconferenze/piattaforme/${p.id}/utilizzo`}>{t('conf.platforms.usage')}</Link>
            <Link to={`/videoconferenze/gestione?piattaforma=${p.id}`}>{t('conf.pf.bookingsOf')}</Link>
          </p>
          <EditPlatformForm key={p.id} platform={p} territoryKind={kind} />
          <VideoSection platform={p} />
          <ArchiveSection platform={p} />
        </>
      )}
    </>
  );
}
