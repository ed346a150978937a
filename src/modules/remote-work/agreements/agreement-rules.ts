/**
 * The rules of an individual remote-work agreement (accordo individuale di lavoro agile, Law
 * 81/2017 art. 18-23 and the public-sector contracts), as pure functions with no imports: the API
 * enforces them and the web app shows their messages live, from this same file.
 *
 * Dates are calendar days 'YYYY-MM-DD' (Europe/Rome calendar), never turned into local-time
 * `Date` objects; times are 'HH:MM' (Europe/Rome wall clock). Weekdays are ISO: 1 Monday … 7 Sunday.
 *
 * - Terms: fixed (ends_on) or open-ended (ends_on null); remote days per ISO week and/or per
 *   calendar month and the weekdays allowed, or a plan of office and remote days; never more remote
 *   days than the allowed weekdays of the period (3 a week on 2 weekdays; 9 a month on Mondays and
 *   Tuesdays, at most 10 — but 11 never fits).
 * - Times: the working hours (fascia di operatività) are one range within a day; the reachability
 *   windows (fasce di contattabilità) lie inside them; the disconnection hours (fascia di
 *   inoperabilità, the right to disconnect) never overlap them, last at least 11 consecutive hours
 *   (the daily rest, D.Lgs. 66/2003 art. 7) and include the night 22:00–06:00, as the national
 *   contracts of the public sector ask.
 * - Withdrawal (art. 19): open-ended agreements with at least 30 days' notice, 90 when the
 *   employer withdraws from a disabled worker's agreement (Law 68/1999); at once for a justified
 *   reason; a fixed-term agreement ends early only for a justified reason.
 *   `withdrawalEffectiveOn` is the LAST day the agreement is in force (the exclusion constraint of
 *   rw_agreements counts it in), so notice of N days means lastDay − notifiedOn ≥ N.
 * - Workflow: requested → approved | refused → registered → withdrawn | expired; a request or an
 *   approved agreement can be withdrawn (cancelled) before registration; renewal makes a new
 *   agreement from a registered fixed-term, withdrawing or expired one, starting after its last day.
 */
import { addDays, daysBetween, isoWeekday } from '../../../platform/calendar/rome.js';

// ---------------------------------------------------------------- dates and times

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type PlanDayKind = 'remote' | 'onsite';
export type Window = [string, string];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `s` is a real calendar date 'YYYY-MM-DD' (years 1900–2999). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar's day arithmetic, from the one calendar (platform/calendar/rome.ts). */
export { addDays, dayNumber, daysBetween, fromDayNumber as dateOfDayNumber, isoWeekday } from '../../../platform/calendar/rome.js';

/** The Monday of the ISO week of a date: the key of the week for weekly caps. */
export function weekKey(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}


export function isTime(s: unknown): s is string {
  return typeof s === 'string' && TIME_RE.test(s);
}

/** Minutes since midnight of 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const DAY_MINUTES = 1440;

/** Length in minutes of the disconnection period from → to, across midnight when to ≤ from. */
export function disconnectionMinutes(from: string, to: string): number {
  const f = minutesOf(from);
  const t = minutesOf(to);
  return f === t ? 0 : (t - f + DAY_MINUTES) % DAY_MINUTES;
}

/** True when the minute `m` (0–1439) falls in the disconnection period [from, to) (circular). */
export function inDisconnection(m: number, from: string, to: string): boolean {
  const f = minutesOf(from);
  const len = disconnectionMinutes(from, to);
  return len > 0 && (m - f + DAY_MINUTES) % DAY_MINUTES < len;
}

/** True when [a, b) (a < b, same day) shares a minute with the disconnection period. */
export function overlapsDisconnection(a: number, b: number, from: string, to: string): boolean {
  // The disconnection period is at most two intervals of one day: check each minute boundary.
  for (let m = a; m < b; m++) if (inDisconnection(m, from, to)) return true;
  return false;
}

// ---------------------------------------------------------------- the terms of an agreement

export const MAX_PLAN_DAYS = 400;
export const MAX_WINDOWS_PER_DAY = 4;
export const MIN_DISCONNECTION_MINUTES = 11 * 60;
export const NIGHT_FROM = '22:00';
export const NIGHT_TO = '06:00';

export interface AgreementTerms {
  startsOn: string;
  /** Null: open-ended. */
  endsOn: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  /** Optional plan of office and remote days: { '2027-01-12': 'remote', … }. */
  monthlyPlan: Record<string, string> | null;
  /** Reachability windows per ISO weekday: { '1': [['09:00', '13:00']], … }. */
  reachability: Record<string, Window[]>;
  workingFrom: string;
  workingTo: string;
  disconnectionFrom: string;
  disconnectionTo: string;
}

export const RULE_CODES = [
  'agreement.invalid_term',
  'agreement.no_remote_days',
  'agreement.weekdays_invalid',
  'agreement.remote_days_beyond_weekdays',
  'agreement.plan_invalid',
  'agreement.plan_forbidden_weekday',
  'agreement.plan_beyond_caps',
  'agreement.working_hours_invalid',
  'agreement.disconnection_missing',
  'agreement.disconnection_too_short',
  'agreement.reachability_invalid',
  'agreement.reachability_missing',
  'agreement.reachability_outside_working_hours',
  'agreement.reachability_in_disconnection',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RuleViolation {
  code: RuleCode;
  /** The field of the request it refers to (e.g. 'maxRemotePerWeek', 'reachability.3'). */
  field: string;
  /** Values for the message: `{cap}`, `{weekdays}`, `{month}`, … */
  params: Record<string, string | number>;
}

const v = (code: RuleCode, field: string, params: Record<string, string | number> = {}): RuleViolation => ({ code, field, params });

/** The calendar months ('YYYY-MM') that the term touches; an open-ended term is looked at over 12 months. */
export function monthsOfTerm(startsOn: string, endsOn: string | null): string[] {
  const [sy, sm] = startsOn.split('-').map(Number);
  const last = endsOn ?? addDays(`${sy + 1}-${String(sm).padStart(2, '0')}-01`, -1);
  const [ey, em] = last.split('-').map(Number);
  const out: string[] = [];
  for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (out.length > 1200) break;
  }
  return out;
}

/** How many days of the whole calendar month ('YYYY-MM') fall on the given weekdays. */
export function weekdaysInMonth(month: string, weekdays: readonly number[]): number {
  const [y, m] = month.split('-').map(Number);
  const set = new Set(weekdays);
  let n = 0;
  for (let d = 1; d <= daysInMonth(y, m); d++) if (set.has(isoWeekday(`${month}-${String(d).padStart(2, '0')}`))) n++;
  return n;
}

function checkTerm(t: AgreementTerms): RuleViolation[] {
  if (!isIsoDate(t.startsOn)) return [v('agreement.invalid_term', 'startsOn', { reason: 'start' })];
  if (t.endsOn !== null && !isIsoDate(t.endsOn)) return [v('agreement.invalid_term', 'endsOn', { reason: 'end' })];
  if (t.endsOn !== null && t.endsOn < t.startsOn) return [v('agreement.invalid_term', 'endsOn', { reason: 'order' })];
  return [];
}

function checkRemoteDays(t: AgreementTerms, termOk: boolean): RuleViolation[] {
  const out: RuleViolation[] = [];
  const wd = t.allowedWeekdays;
  const weekdaysOk =
    Array.isArray(wd) && wd.length > 0 && wd.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) && new Set(wd).size === wd.length;
  if (!weekdaysOk) out.push(v('agreement.weekdays_invalid', 'allowedWeekdays'));
  const week = t.maxRemotePerWeek;
  const month = t.maxRemotePerMonth;
  const plan = t.monthlyPlan;
  const planRemote = plan ? Object.values(plan).filter((k) => k === 'remote').length : 0;
  if (week === null && month === null && plan === null) out.push(v('agreement.no_remote_days', 'maxRemotePerWeek'));
  else if (week === 0 || month === 0 || (week === null && month === null && planRemote === 0)) {
    out.push(v('agreement.no_remote_days', week === 0 ? 'maxRemotePerWeek' : month === 0 ? 'maxRemotePerMonth' : 'monthlyPlan'));
  }
  if (week !== null && (!Number.isInteger(week) || week < 0 || week > 7)) out.push(v('agreement.remote_days_beyond_weekdays', 'maxRemotePerWeek', { cap: String(week), weekdays: 7 }));
  if (month !== null && (!Number.isInteger(month) || month < 0 || month > 31)) out.push(v('agreement.remote_days_beyond_weekdays', 'maxRemotePerMonth', { cap: String(month), weekdays: 31, month: '' }));
  if (!weekdaysOk) return out;
  if (week !== null && Number.isInteger(week) && week > wd.length) {
    out.push(v('agreement.remote_days_beyond_weekdays', 'maxRemotePerWeek', { cap: week, weekdays: wd.length }));
  }
  if (month !== null && Number.isInteger(month) && month > 0 && month <= 31 && termOk) {
    let best = -1;
    let bestMonth = '';
    for (const mo of monthsOfTerm(t.startsOn, t.endsOn)) {
      const n = weekdaysInMonth(mo, wd);
      if (n > best) {
        best = n;
        bestMonth = mo;
      }
    }
    if (month > best) out.push(v('agreement.remote_days_beyond_weekdays', 'maxRemotePerMonth', { cap: month, weekdays: best, month: bestMonth }));
  }
  return out;
}

function checkPlan(t: AgreementTerms, termOk: boolean): RuleViolation[] {
  const plan = t.monthlyPlan;
  if (plan === null) return [];
  if (typeof plan !== 'object' || Array.isArray(plan)) return [v('agreement.plan_invalid', 'monthlyPlan', { day: '' })];
  const entries = Object.entries(plan);
  if (entries.length === 0 || entries.length > MAX_PLAN_DAYS) return [v('agreement.plan_invalid', 'monthlyPlan', { day: '' })];
  const out: RuleViolation[] = [];
  const allowed = new Set(t.allowedWeekdays);
  const perWeek = new Map<string, number>();
  const perMonth = new Map<string, number>();
  for (const [day, kind] of entries.sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!isIsoDate(day) || (kind !== 'remote' && kind !== 'onsite')) {
      out.push(v('agreement.plan_invalid', `monthlyPlan.${day}`, { day }));
      continue;
    }
    if (termOk && (day < t.startsOn || (t.endsOn !== null && day > t.endsOn))) {
      out.push(v('agreement.plan_invalid', `monthlyPlan.${day}`, { day }));
      continue;
    }
    if (kind !== 'remote') continue;
    if (!allowed.has(isoWeekday(day))) out.push(v('agreement.plan_forbidden_weekday', `monthlyPlan.${day}`, { day }));
    perWeek.set(weekKey(day), (perWeek.get(weekKey(day)) ?? 0) + 1);
    perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1);
  }
  if (t.maxRemotePerWeek !== null) {
    for (const [wk, n] of perWeek) {
      if (n > t.maxRemotePerWeek) out.push(v('agreement.plan_beyond_caps', 'monthlyPlan', { period: wk, count: n, cap: t.maxRemotePerWeek, unit: 'week' }));
    }
  }
  if (t.maxRemotePerMonth !== null) {
    for (const [mo, n] of perMonth) {
      if (n > t.maxRemotePerMonth) out.push(v('agreement.plan_beyond_caps', 'monthlyPlan', { period: mo, count: n, cap: t.maxRemotePerMonth, unit: 'month' }));
    }
  }
  return out;
}

function checkTimes(t: AgreementTerms): RuleViolation[] {
  const out: RuleViolation[] = [];
  const discOk = isTime(t.disconnectionFrom) && isTime(t.disconnectionTo) && t.disconnectionFrom !== t.disconnectionTo;
  if (!discOk) out.push(v('agreement.disconnection_missing', 'disconnectionFrom'));
  else {
    const len = disconnectionMinutes(t.disconnectionFrom, t.disconnectionTo);
    const coversNight =
      overlapsAll(minutesOf(NIGHT_FROM), DAY_MINUTES, t.disconnectionFrom, t.disconnectionTo) &&
      overlapsAll(0, minutesOf(NIGHT_TO), t.disconnectionFrom, t.disconnectionTo);
    if (len < MIN_DISCONNECTION_MINUTES || !coversNight) {
      out.push(v('agreement.disconnection_too_short', 'disconnectionFrom', { hours: Math.floor(len / 60), minutes: len % 60 }));
    }
  }
  const workOk = isTime(t.workingFrom) && isTime(t.workingTo) && minutesOf(t.workingFrom) < minutesOf(t.workingTo);
  if (!workOk) out.push(v('agreement.working_hours_invalid', 'workingFrom', { reason: 'order' }));
  else if (discOk && overlapsDisconnection(minutesOf(t.workingFrom), minutesOf(t.workingTo), t.disconnectionFrom, t.disconnectionTo)) {
    out.push(v('agreement.working_hours_invalid', 'workingFrom', { reason: 'disconnection' }));
  }

  const r = t.reachability;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return [...out, v('agreement.reachability_invalid', 'reachability', { weekday: '' })];
  const allowed = new Set(t.allowedWeekdays);
  for (const [key, windows] of Object.entries(r)) {
    const field = `reachability.${key}`;
    if (!/^[1-7]$/.test(key) || !Array.isArray(windows) || windows.length > MAX_WINDOWS_PER_DAY) {
      out.push(v('agreement.reachability_invalid', field, { weekday: key }));
      continue;
    }
    if (windows.length > 0 && !allowed.has(Number(key))) {
      out.push(v('agreement.reachability_invalid', field, { weekday: key }));
      continue;
    }
    const parsed: [number, number][] = [];
    let bad = false;
    for (const w of windows) {
      if (!Array.isArray(w) || w.length !== 2 || !isTime(w[0]) || !isTime(w[1]) || minutesOf(w[0]) >= minutesOf(w[1])) {
        bad = true;
        break;
      }
      parsed.push([minutesOf(w[0]), minutesOf(w[1])]);
    }
    parsed.sort((a, b) => a[0] - b[0]);
    if (!bad) for (let i = 1; i < parsed.length; i++) if (parsed[i][0] < parsed[i - 1][1]) bad = true;
    if (bad) {
      out.push(v('agreement.reachability_invalid', field, { weekday: key }));
      continue;
    }
    for (const [a, b] of parsed) {
      const span = `${hhmm(a)}–${hhmm(b)}`;
      if (discOk && overlapsDisconnection(a, b, t.disconnectionFrom, t.disconnectionTo)) {
        out.push(v('agreement.reachability_in_disconnection', field, { weekday: key, window: span }));
      } else if (workOk && (a < minutesOf(t.workingFrom) || b > minutesOf(t.workingTo))) {
        out.push(v('agreement.reachability_outside_working_hours', field, { weekday: key, window: span }));
      }
    }
  }
  if (Array.isArray(t.allowedWeekdays)) {
    for (const d of t.allowedWeekdays) {
      const w = r[String(d)];
      if (!Array.isArray(w) || w.length === 0) out.push(v('agreement.reachability_missing', `reachability.${d}`, { weekday: d }));
    }
  }
  return out;
}

function overlapsAll(a: number, b: number, from: string, to: string): boolean {
  for (let m = a; m < b; m++) if (!inDisconnection(m, from, to)) return false;
  return true;
}

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Every rule the terms break, in a stable order (empty: the terms are valid). */
export function agreementViolations(t: AgreementTerms): RuleViolation[] {
  const term = checkTerm(t);
  const termOk = term.length === 0;
  return [...term, ...checkRemoteDays(t, termOk), ...checkPlan(t, termOk), ...checkTimes(t)];
}

const WEEKDAY_IT = ['', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];
const MONTH_IT = ['', 'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

export function weekdayNameIt(d: number | string): string {
  return WEEKDAY_IT[Number(d)] ?? String(d);
}

export function monthNameIt(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return MONTH_IT[m] ? `${MONTH_IT[m]} ${y}` : month;
}

/** The Italian explanation of a violation (the web app has the same texts, in both languages, in its dictionaries). */
export function violationMessage(x: RuleViolation): string {
  const p = x.params;
  switch (x.code) {
    case 'agreement.invalid_term':
      return p.reason === 'order' ? 'La data di fine deve essere uguale o successiva alla data di inizio.' : 'Indica una data valida (AAAA-MM-GG).';
    case 'agreement.no_remote_days':
      return 'Indica almeno un giorno di lavoro agile: per settimana, per mese o con il calendario dei giorni.';
    case 'agreement.weekdays_invalid':
      return 'Scegli almeno un giorno della settimana in cui è ammesso il lavoro agile.';
    case 'agreement.remote_days_beyond_weekdays':
      return p.month
        ? `${p.cap} giorni al mese sono più dei giorni consentiti in un mese (al massimo ${p.weekdays}, in ${monthNameIt(String(p.month))}).`
        : `${p.cap} giorni a settimana sono più dei giorni della settimana consentiti (${p.weekdays}).`;
    case 'agreement.plan_invalid':
      return p.day ? `Il giorno ${p.day} del calendario non è valido o è fuori dalla durata dell’accordo.` : 'Il calendario dei giorni non è valido (da 1 a 400 giorni).';
    case 'agreement.plan_forbidden_weekday':
      return `Il ${p.day} è un ${weekdayNameIt(isIsoDate(String(p.day)) ? isoWeekday(String(p.day)) : 0)}, giorno in cui il lavoro agile non è consentito.`;
    case 'agreement.plan_beyond_caps':
      return p.unit === 'week'
        ? `Nella settimana del ${p.period} il calendario ha ${p.count} giorni in lavoro agile, oltre il massimo di ${p.cap}.`
        : `In ${monthNameIt(String(p.period))} il calendario ha ${p.count} giorni in lavoro agile, oltre il massimo di ${p.cap}.`;
    case 'agreement.working_hours_invalid':
      return p.reason === 'disconnection'
        ? 'L’orario di lavoro non può sovrapporsi alla fascia di disconnessione.'
        : 'L’orario di lavoro deve iniziare prima di finire, nella stessa giornata.';
    case 'agreement.disconnection_missing':
      return 'Indica la fascia di disconnessione (inizio e fine diversi).';
    case 'agreement.disconnection_too_short':
      return 'La fascia di disconnessione deve durare almeno 11 ore consecutive e comprendere le ore dalle 22:00 alle 6:00.';
    case 'agreement.reachability_invalid':
      return p.weekday && /^[1-7]$/.test(String(p.weekday))
        ? `Le fasce di contattabilità del ${weekdayNameIt(p.weekday)} non sono valide: orari HH:MM, inizio prima della fine, senza sovrapposizioni, al massimo 4, solo nei giorni di lavoro agile.`
        : 'Le fasce di contattabilità non sono valide.';
    case 'agreement.reachability_missing':
      return `Indica almeno una fascia di contattabilità per il ${weekdayNameIt(p.weekday)}.`;
    case 'agreement.reachability_outside_working_hours':
      return `La fascia ${p.window} del ${weekdayNameIt(p.weekday)} è fuori dall’orario di lavoro.`;
    case 'agreement.reachability_in_disconnection':
      return `La fascia ${p.window} del ${weekdayNameIt(p.weekday)} cade nella fascia di disconnessione.`;
  }
}

// ---------------------------------------------------------------- withdrawal (art. 19)

export const WITHDRAWAL_NOTICE_DAYS = 30;
export const DISABLED_WORKER_EMPLOYER_NOTICE_DAYS = 90;

export type WithdrawalParty = 'employee' | 'employer';

export interface WithdrawalInput {
  party: WithdrawalParty;
  /** A justified reason (giustificato motivo): no notice. */
  justified: boolean;
  /** rw_employees.disabled_worker (Law 68/1999, art. 1). */
  disabledWorker: boolean;
  /** The day the other party is notified (today). */
  notifiedOn: string;
  /** The last day in force that the party asks for; omitted: the earliest the rules allow. */
  effectiveOn?: string | null;
  startsOn: string;
  endsOn: string | null;
}

export type WithdrawalCode = 'agreement.withdrawal_needs_justified_reason' | 'agreement.withdrawal_notice_too_short' | 'agreement.withdrawal_after_end';

export type WithdrawalOutcome =
  | {
      ok: true;
      /** The last day the agreement is in force. */
      effectiveOn: string;
      noticeDays: number;
      /** The last day is before the start: the agreement never applies. */
      neverInForce: boolean;
    }
  | { ok: false; code: WithdrawalCode; requiredDays: number; message: string };

/** Days of notice the rules require (0 with a justified reason). */
export function requiredNoticeDays(party: WithdrawalParty, disabledWorker: boolean, justified: boolean): number {
  if (justified) return 0;
  return party === 'employer' && disabledWorker ? DISABLED_WORKER_EMPLOYER_NOTICE_DAYS : WITHDRAWAL_NOTICE_DAYS;
}

export function withdrawalDecision(w: WithdrawalInput): WithdrawalOutcome {
  const required = requiredNoticeDays(w.party, w.disabledWorker, w.justified);
  if (w.endsOn !== null && !w.justified) {
    return {
      ok: false,
      code: 'agreement.withdrawal_needs_justified_reason',
      requiredDays: required,
      message: 'Un accordo a tempo determinato si può recedere prima della scadenza solo per giustificato motivo (art. 19, legge 81/2017).',
    };
  }
  const earliest = addDays(w.notifiedOn, required);
  const effectiveOn = w.effectiveOn ?? earliest;
  if (effectiveOn < earliest) {
    return {
      ok: false,
      code: 'agreement.withdrawal_notice_too_short',
      requiredDays: required,
      message:
        required === DISABLED_WORKER_EMPLOYER_NOTICE_DAYS
          ? `Il recesso del datore di lavoro da un lavoratore con disabilità richiede almeno 90 giorni di preavviso: l’accordo resta in vigore almeno fino al ${earliest}.`
          : required > 0
            ? `Il recesso senza giustificato motivo richiede almeno ${required} giorni di preavviso: l’accordo resta in vigore almeno fino al ${earliest}.`
            : `L’ultimo giorno di vigenza non può essere anteriore alla comunicazione (${w.notifiedOn}).`,
    };
  }
  if (w.endsOn !== null && effectiveOn >= w.endsOn) {
    return {
      ok: false,
      code: 'agreement.withdrawal_after_end',
      requiredDays: required,
      message: `L’accordo scade il ${w.endsOn}: un recesso con effetto da quella data in poi non serve.`,
    };
  }
  return { ok: true, effectiveOn, noticeDays: daysBetween(w.notifiedOn, effectiveOn), neverInForce: effectiveOn < w.startsOn };
}

// ---------------------------------------------------------------- workflow

export const AGREEMENT_STATUSES = ['requested', 'approved', 'refused', 'registered', 'withdrawn', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** Statuses that hold the person's period: two of them never overlap (exclusion constraint). */
export const LIVE_STATUSES: readonly AgreementStatus[] = ['requested', 'approved', 'registered'];

export type AgreementAction = 'approve' | 'refuse' | 'register' | 'withdraw' | 'acknowledgeSafety' | 'renew' | 'expire' | 'close';

/**
 * The allowed transitions. `withdraw` on a registered agreement keeps it registered until its
 * last day (the notice runs), then `close` marks it withdrawn; `expire` ends what reached its end
 * date; `renew` leaves the old agreement as it is and makes a new request.
 */
export const TRANSITIONS: Record<AgreementStatus, Partial<Record<AgreementAction, AgreementStatus>>> = {
  requested: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn', acknowledgeSafety: 'requested', expire: 'expired' },
  approved: { register: 'registered', withdraw: 'withdrawn', acknowledgeSafety: 'approved', expire: 'expired' },
  registered: { withdraw: 'registered', renew: 'registered', expire: 'expired', close: 'withdrawn' },
  refused: {},
  withdrawn: {},
  expired: { renew: 'expired' },
};

export function nextStatus(status: AgreementStatus, action: AgreementAction): AgreementStatus | null {
  return TRANSITIONS[status]?.[action] ?? null;
}

export function isLive(status: AgreementStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

export interface AgreementPeriod {
  status: AgreementStatus;
  startsOn: string;
  endsOn: string | null;
  withdrawalEffectiveOn: string | null;
}

/** The last day in force (null: open-ended and not withdrawn). */
export function lastDayInForce(a: Pick<AgreementPeriod, 'endsOn' | 'withdrawalEffectiveOn'>): string | null {
  if (a.withdrawalEffectiveOn && (a.endsOn === null || a.withdrawalEffectiveOn < a.endsOn)) return a.withdrawalEffectiveOn;
  return a.endsOn;
}

/** True when two periods [start, last] share a day (null last: open-ended). */
export function periodsOverlap(a: { startsOn: string; last: string | null }, b: { startsOn: string; last: string | null }): boolean {
  return (a.last === null || b.startsOn <= a.last) && (b.last === null || a.startsOn <= b.last);
}

/**
 * True when the agreement let (or lets) its employee work remotely on `day`: it was registered and
 * the day is within its period. Expired and withdrawn agreements stay in force on their past days.
 */
export function inForceOn(a: AgreementPeriod & { registeredAt: string | null }, day: string): boolean {
  if (!a.registeredAt || !(a.status === 'registered' || a.status === 'withdrawn' || a.status === 'expired')) return false;
  const last = lastDayInForce(a);
  return day >= a.startsOn && (last === null || day <= last);
}

/** What the daily job does to an agreement on `today`: nothing, expire it, or close its withdrawal. */
export function closingAction(a: AgreementPeriod, today: string): 'expire' | 'close' | null {
  if (a.status === 'registered') {
    if (a.withdrawalEffectiveOn && a.withdrawalEffectiveOn < today && (a.endsOn === null || a.withdrawalEffectiveOn < a.endsOn)) return 'close';
    if (a.endsOn !== null && a.endsOn < today) return 'expire';
    return null;
  }
  if ((a.status === 'requested' || a.status === 'approved') && a.endsOn !== null && a.endsOn < today) return 'expire';
  return null;
}

/** Renewal: the old agreement must have a last day, and the new one start after it. */
export function renewalViolation(old: AgreementPeriod, newStartsOn: string): string | null {
  if (!nextStatus(old.status, 'renew')) return 'Si rinnova solo un accordo registrato o scaduto.';
  const last = lastDayInForce(old);
  if (last === null) return 'L’accordo è a tempo indeterminato: non serve rinnovarlo (per cambiarlo, recedi e chiedine uno nuovo).';
  if (newStartsOn <= last) return `Il rinnovo deve iniziare dopo l’ultimo giorno dell’accordo precedente (${last}).`;
  return null;
}
